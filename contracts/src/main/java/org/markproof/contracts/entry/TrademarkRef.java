package org.markproof.contracts.entry;

/**
 * Names one registered trademark: the office that registered it (WIPO ST.3) and its registration
 * number at that office. Two offices may use the same number; together they are unique.
 */
public record TrademarkRef(OfficeCode office, String number) {
  public TrademarkRef {
    if (office == null) {
      throw new IllegalArgumentException("trademark office: missing");
    }
    FieldSyntax.require("registration number", FieldSyntax.registrationNumber(number));
  }

  @Override
  public String toString() {
    return office + " " + number;
  }
}
