package org.markproof.contracts.entry;

/**
 * A Global Trade Item Number in its 14-digit form (GTIN-8, -12 and -13 are left-padded with zeros),
 * whose last digit is the GS1 mod-10 check digit (GS1 General Specifications §7.9.1).
 */
public record Gtin(String digits) {
  public Gtin {
    FieldSyntax.require("GTIN", problem(digits));
  }

  /** Shorthand for {@code new Gtin(digits)}. */
  public static Gtin of(String digits) {
    return new Gtin(digits);
  }

  /** Returns {@code null} if {@code digits} is a GTIN-14 with a valid check digit. */
  static String problem(String digits) {
    if (!digits.matches("[0-9]{14}")) {
      return "expected a GTIN-14 of 14 digits, got " + Excerpt.of(digits);
    }
    int expected = checkDigit(digits.substring(0, 13));
    int actual = digits.charAt(13) - '0';
    return expected == actual
        ? null
        : "GS1 check digit: got " + actual + ", expected " + expected + " for " + digits;
  }

  /**
   * Computes the GS1 mod-10 check digit of {@code body}: digits weighted 3 and 1 alternately from
   * the right, the check digit bringing the sum to a multiple of ten.
   */
  public static int checkDigit(String body) {
    int sum = 0;
    for (int i = 0; i < body.length(); i++) {
      int digit = body.charAt(body.length() - 1 - i) - '0';
      sum += (i % 2 == 0) ? 3 * digit : digit;
    }
    return (10 - sum % 10) % 10;
  }

  /**
   * Whether this GTIN was allocated under {@code companyPrefix}: in a GTIN-14 the GS1 Company
   * Prefix follows the indicator digit.
   */
  public boolean hasCompanyPrefix(String companyPrefix) {
    return digits.startsWith(companyPrefix, 1);
  }

  @Override
  public String toString() {
    return digits;
  }
}
