package org.markproof.contracts.entry;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Syntax checks shared by the parsers (which turn a problem into a {@code MalformedDataException}
 * naming the JSON path) and the record constructors (which turn it into an {@code
 * IllegalArgumentException}). Each check returns {@code null} when the value is well formed, else a
 * sentence saying what was expected.
 */
final class FieldSyntax {
  /*
   * The character classes are loops, not regular expressions: every entry of a replayed ledger
   * passes through several of them, and a matcher per field was a tenth of a border post's sync.
   */

  /**
   * GS1 AI encodable character set 82 (GS1 General Specifications §7.11, figure 7.11-1): the
   * characters allowed in AI 10 (batch/lot) and AI 21 (serial).
   */
  private static final String CSET_82_PUNCTUATION = "!\"%&'()*+,-./:;<=>?_";

  private FieldSyntax() {}

  private static boolean isAsciiLetterOrDigit(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
  }

  /** {@code [A-Za-z0-9_-]}: the base64url alphabet (RFC 4648 §5). */
  static boolean isBase64UrlChar(char c) {
    return isAsciiLetterOrDigit(c) || c == '_' || c == '-';
  }

  /** A letter or digit, then letters, digits or any of {@code more}. */
  private static boolean letterOrDigitThen(String value, String more) {
    if (value.isEmpty() || !isAsciiLetterOrDigit(value.charAt(0))) {
      return false;
    }
    for (int i = 1; i < value.length(); i++) {
      char c = value.charAt(i);
      if (!isAsciiLetterOrDigit(c) && more.indexOf(c) < 0) {
        return false;
      }
    }
    return true;
  }

  static String identifier(String value) {
    if (value.isEmpty() || value.length() > EntryLimits.MAX_IDENTIFIER_LENGTH) {
      return "expected 1 to "
          + EntryLimits.MAX_IDENTIFIER_LENGTH
          + " characters, got "
          + value.length();
    }
    return letterOrDigitThen(value, "._:@-")
        ? null
        : "expected a letter or digit followed by letters, digits or . _ : @ -, got "
            + Excerpt.of(value);
  }

  static String registrationNumber(String value) {
    if (value.isEmpty() || value.length() > EntryLimits.MAX_REGISTRATION_NUMBER_LENGTH) {
      return "expected 1 to "
          + EntryLimits.MAX_REGISTRATION_NUMBER_LENGTH
          + " characters, got "
          + value.length();
    }
    return letterOrDigitThen(value, "./-")
        ? null
        : "expected a letter or digit followed by letters, digits or . / -, got "
            + Excerpt.of(value);
  }

  /** A batch/lot (GS1 AI 10) or serial (AI 21): 1 to 20 characters of CSET 82. */
  static String gs1Cset82(String value) {
    if (value.isEmpty() || value.length() > 20) {
      return "expected 1 to 20 characters (GS1 AI 10/21), got " + value.length();
    }
    return value
            .chars()
            .allMatch(c -> isAsciiLetterOrDigit((char) c) || CSET_82_PUNCTUATION.indexOf(c) >= 0)
        ? null
        : "expected only GS1 CSET 82 characters (GS1 General Specifications §7.11), got "
            + Excerpt.of(value);
  }

  /** A GS1 Company Prefix: 4 to 12 digits (GS1 General Specifications, "GS1 Company Prefix"). */
  static String companyPrefix(String value) {
    return value.length() >= 4
            && value.length() <= 12
            && value.chars().allMatch(c -> c >= '0' && c <= '9')
        ? null
        : "expected a GS1 company prefix of 4 to 12 digits, got " + Excerpt.of(value);
  }

  /**
   * Free text: 1 to {@code maxLength} UTF-16 code units, no control characters and no unpaired
   * surrogates (RFC 8785 §3.2.2.2 forbids them in canonical JSON).
   */
  static String text(String value, int maxLength) {
    if (value.isEmpty() || value.length() > maxLength) {
      return "expected 1 to " + maxLength + " characters, got " + value.length();
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isISOControl(c)) {
        return "contains the control character U+" + String.format("%04X", (int) c) + " at " + i;
      }
      if (Character.isHighSurrogate(c)
          && i + 1 < value.length()
          && Character.isLowSurrogate(value.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return "contains an unpaired surrogate at " + i;
      }
    }
    return null;
  }

  /** Returns {@code value}, or throws {@link IllegalArgumentException} naming {@code field}. */
  static <T> T present(String field, T value) {
    if (value == null) {
      throw new IllegalArgumentException(field + ": missing");
    }
    return value;
  }

  /**
   * Checks {@code date} has a four-digit year (0000 to 9999), the range {@code yyyy-MM-dd} can
   * spell, naming {@code field} in the exception.
   */
  static void requireDate(String field, LocalDate date) {
    int year = present(field, date).getYear();
    if (year < 0 || year > 9999) {
      throw new IllegalArgumentException(field + ": year outside 0000..9999: " + date);
    }
  }

  /** Checks {@code instant} lies in the years 0000 to 9999, naming {@code field}. */
  static void requireInstant(String field, Instant instant) {
    requireDate(field, LocalDate.ofInstant(present(field, instant), ZoneOffset.UTC));
  }

  /** Checks {@code value} is an identifier, naming {@code field} in the exception. */
  static void requireIdentifier(String field, String value) {
    require(field, identifier(present(field, value)));
  }

  /** Throws {@link IllegalArgumentException} naming {@code field} if {@code problem} is set. */
  static void require(String field, String problem) {
    if (problem != null) {
      throw new IllegalArgumentException(field + ": " + problem);
    }
  }
}
