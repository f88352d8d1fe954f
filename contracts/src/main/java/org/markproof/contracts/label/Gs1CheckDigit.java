package org.markproof.contracts.label;

import org.markproof.contracts.MalformedDataException;

/**
 * The standard GS1 mod-10 check digit (GS1 General Specifications §7.9.1, syntax dictionary linter
 * {@code csum}): digits weighted 3,1,3,… from the right, excluding the check digit itself.
 */
public final class Gs1CheckDigit {
  private Gs1CheckDigit() {}

  /**
   * Computes the check digit of {@code digits}, which must not include the check digit.
   *
   * @throws IllegalArgumentException if {@code digits} holds a non-digit (a programming error:
   *     callers check the character set first)
   */
  public static int compute(CharSequence digits) {
    int sum = 0;
    int weight = 3;
    for (int i = digits.length() - 1; i >= 0; i--) {
      char c = digits.charAt(i);
      if (c < '0' || c > '9') {
        throw new IllegalArgumentException("not a digit at " + i);
      }
      sum += weight * (c - '0');
      weight = 4 - weight;
    }
    return (10 - sum % 10) % 10;
  }

  /**
   * Verifies that the last digit of {@code digits} is the check digit of the others.
   *
   * @param field names the field in the error message, e.g. {@code "AI (01)"}
   * @throws MalformedDataException if {@code digits} is empty, holds a non-digit or its check digit
   *     is wrong; the message gives the expected digit
   */
  public static void verify(String field, String digits) throws MalformedDataException {
    if (digits.isEmpty()) {
      throw new MalformedDataException(field + ": no digits, expected at least a check digit");
    }
    for (int i = 0; i < digits.length(); i++) {
      char c = digits.charAt(i);
      if (c < '0' || c > '9') {
        throw new MalformedDataException(
            field + ": character " + Gs1CharacterSets.describe(c) + " at " + i + " is not a digit");
      }
    }
    int expected = compute(digits.subSequence(0, digits.length() - 1));
    int got = digits.charAt(digits.length() - 1) - '0';
    if (got != expected) {
      throw new MalformedDataException(
          field + ": check digit " + got + ", expected " + expected + " (GS1 mod-10, linter csum)");
    }
  }
}
