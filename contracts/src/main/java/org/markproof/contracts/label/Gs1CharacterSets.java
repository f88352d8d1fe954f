package org.markproof.contracts.label;

import org.markproof.contracts.MalformedDataException;

/**
 * The GS1 AI encodable character sets used by markproof labels, as the GS1 Barcode Syntax
 * Dictionary's linters define them: {@code cset82} (type {@code X}) and {@code cset64} (type {@code
 * Z}, the base64url alphabet of RFC 4648 §5 with optional padding).
 */
public final class Gs1CharacterSets {
  private static final String CSET82_PUNCTUATION = "!\"%&'()*+,-./:;<=>?_";

  private Gs1CharacterSets() {}

  /** Whether {@code c} is in GS1 AI encodable character set 82 (GS1 General Specifications). */
  public static boolean isCset82(char c) {
    return isAsciiLetterOrDigit(c) || CSET82_PUNCTUATION.indexOf(c) >= 0;
  }

  /** Whether {@code c} is in GS1 AI encodable character set 64 (file-safe/URI-safe base64). */
  public static boolean isCset64(char c) {
    return isAsciiLetterOrDigit(c) || c == '-' || c == '_';
  }

  /**
   * Checks that {@code value} is CSET 82.
   *
   * @throws MalformedDataException naming {@code field} and the first offending character
   */
  public static void requireCset82(String field, String value) throws MalformedDataException {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (!isCset82(c)) {
        throw new MalformedDataException(
            field + ": character " + describe(c) + " at " + i + " is not in GS1 CSET 82");
      }
    }
  }

  /**
   * Checks that {@code value} is CSET 64 with padding as the syntax dictionary's {@code cset64}
   * linter allows it: at most two trailing {@code '='}, and only when the padded length is a
   * multiple of 3.
   *
   * @throws MalformedDataException naming {@code field} and what was wrong
   */
  public static void requireCset64(String field, String value) throws MalformedDataException {
    int length = value.length();
    int pads = 0;
    while (length > 0 && value.charAt(length - 1) == '=') {
      length--;
      pads++;
    }
    if (pads > 2 || (pads > 0 && value.length() % 3 != 0)) {
      throw new MalformedDataException(
          field + ": " + pads + " padding characters at " + length + " are not valid CSET 64");
    }
    for (int i = 0; i < length; i++) {
      char c = value.charAt(i);
      if (!isCset64(c)) {
        throw new MalformedDataException(
            field + ": character " + describe(c) + " at " + i + " is not in GS1 CSET 64");
      }
    }
  }

  /** Renders {@code c} for an error message, escaping controls and non-ASCII. */
  static String describe(char c) {
    if (c >= 0x21 && c <= 0x7e) {
      return "'" + c + "'";
    }
    return String.format("U+%04X", (int) c);
  }

  private static boolean isAsciiLetterOrDigit(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
  }
}
