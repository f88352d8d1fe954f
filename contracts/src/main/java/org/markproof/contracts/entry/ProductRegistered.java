package org.markproof.contracts.entry;

import java.util.HashSet;
import java.util.List;
import org.markproof.contracts.label.Gtin;

/**
 * {@code product.registered}: the mark's holder or a licensee registers the product {@code gtin}
 * sold under {@code trademark}, in Nice class {@code niceClass}, in {@code territories}.
 */
public record ProductRegistered(
    String submitter,
    Gtin gtin,
    TrademarkRef trademark,
    int niceClass,
    String description,
    List<OfficeCode> territories)
    implements Statement {
  public ProductRegistered {
    FieldSyntax.requireIdentifier("submitter", submitter);
    FieldSyntax.present("gtin", gtin);
    FieldSyntax.present("trademark", trademark);
    FieldSyntax.require("niceClass", NiceClasses.problem(List.of(niceClass)));
    FieldSyntax.require(
        "description",
        FieldSyntax.text(
            FieldSyntax.present("description", description), EntryLimits.MAX_DESCRIPTION_LENGTH));
    territories = List.copyOf(territories);
    if (territories.isEmpty() || new HashSet<>(territories).size() != territories.size()) {
      throw new IllegalArgumentException("territories: expected distinct codes, at least one");
    }
  }

  @Override
  public StatementKind kind() {
    return StatementKind.PRODUCT_REGISTERED;
  }
}
