package org.markproof.contracts.label;

import org.markproof.contracts.MalformedDataException;

/**
 * A Global Trade Item Number held in its 14-digit form (GTIN-14), as AI (01) carries it. GTIN-8,
 * GTIN-12 (UPC-A) and GTIN-13 (EAN-13) are right-aligned and padded with leading zeros (GS1 General
 * Specifications §3.3.2); the check digit is always verified.
 *
 * @param digits the 14 digits, the last one a valid GS1 mod-10 check digit
 */
public record Gtin(String digits) {
  /** Length of the normalised form. */
  public static final int LENGTH = 14;

  /**
   * Wraps 14 digits already known to be a valid GTIN-14.
   *
   * @throws IllegalArgumentException if they are not; use {@link #parse} for untrusted input
   */
  public Gtin {
    try {
      check(digits);
    } catch (MalformedDataException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  /**
   * Parses a GTIN-8, -12, -13 or -14 and normalises it to 14 digits.
   *
   * @throws MalformedDataException if the length is not 8, 12, 13 or 14, a character is not a
   *     digit, or the check digit is wrong
   */
  public static Gtin parse(String text) throws MalformedDataException {
    if (text == null) {
      throw new MalformedDataException("GTIN: got nothing, expected 8, 12, 13 or 14 digits");
    }
    int length = text.length();
    if (length != 8 && length != 12 && length != 13 && length != 14) {
      throw new MalformedDataException(
          "GTIN: got " + Math.min(length, 9999) + " characters, expected 8, 12, 13 or 14 digits");
    }
    String padded = "0".repeat(LENGTH - length) + text;
    check(padded);
    return new Gtin(padded);
  }

  /**
   * Parses exactly a GTIN-14, the only form stored in ledger entries, so that one product has one
   * spelling.
   *
   * @throws MalformedDataException if {@code text} is not 14 digits or its check digit is wrong
   */
  public static Gtin parseGtin14(String text) throws MalformedDataException {
    if (text == null || !text.matches("[0-9]{14}")) {
      String got =
          text == null
              ? "nothing"
              : text.length() > 20 ? text.length() + " characters" : '"' + text + '"';
      throw new MalformedDataException("expected a GTIN-14 of 14 digits, got " + got);
    }
    check(text);
    return new Gtin(text);
  }

  /** Shorthand for {@code new Gtin(digits)}, for digits known to be a valid GTIN-14. */
  public static Gtin of(String digits) {
    return new Gtin(digits);
  }

  /**
   * Whether this GTIN was allocated under {@code companyPrefix}: in a GTIN-14 the GS1 Company
   * Prefix follows the indicator digit.
   */
  public boolean hasCompanyPrefix(String companyPrefix) {
    return digits.startsWith(companyPrefix, 1);
  }

  /** Whether the GTIN-14 starts with {@code 0}, so that an EAN-13 (GTIN-13) can carry it. */
  public boolean fitsGtin13() {
    return digits.charAt(0) == '0';
  }

  private static void check(String digits) throws MalformedDataException {
    if (digits == null || digits.length() != LENGTH) {
      throw new MalformedDataException("GTIN-14: expected 14 digits");
    }
    Gs1CheckDigit.verify("AI (01) GTIN " + digits, digits);
  }

  @Override
  public String toString() {
    return digits;
  }
}
