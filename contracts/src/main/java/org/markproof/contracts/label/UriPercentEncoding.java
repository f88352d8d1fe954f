package org.markproof.contracts.label;

import java.nio.charset.StandardCharsets;
import org.markproof.contracts.MalformedDataException;

/**
 * Percent-encoding of AI values in GS1 Digital Link URIs (GS1 Digital Link Standard: URI Syntax
 * 1.2, §6.5 and §7; RFC 3986 §2.1). The encoder escapes every character outside RFC 3986's
 * unreserved set {@code A-Z a-z 0-9 - . _ ~}, in upper-case hex, as the GS1 Syntax Engine's {@code
 * URIescape} does; in a query value a space may also be written {@code +}. So a CSET 82 value such
 * as {@code AB/12+x} becomes {@code AB%2F12%2Bx} in a path segment.
 */
public final class UriPercentEncoding {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private UriPercentEncoding() {}

  /** Whether {@code c} is an RFC 3986 §2.3 unreserved character. */
  static boolean isUnreserved(char c) {
    return (c >= 'A' && c <= 'Z')
        || (c >= 'a' && c <= 'z')
        || (c >= '0' && c <= '9')
        || c == '-'
        || c == '.'
        || c == '_'
        || c == '~';
  }

  /** Encodes {@code value} (UTF-8) for a path segment or query value. */
  public static String encode(String value) {
    StringBuilder out = new StringBuilder(value.length() + 8);
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if (isUnreserved(c)) {
        out.append(c);
      } else {
        out.append('%').append(HEX[(b >> 4) & 0xf]).append(HEX[b & 0xf]);
      }
    }
    return out.toString();
  }

  /**
   * Decodes a path segment ({@code query == false}, where {@code +} is itself) or a query value
   * ({@code query == true}, where {@code +} is a space, as the GS1 Syntax Engine reads it). Each
   * decoded byte becomes the character of the same code (bytes above 0x7F then fail the AI's
   * character set, which is ASCII).
   *
   * @throws MalformedDataException if a {@code %} is not followed by two hex digits, or the value
   *     decodes to a NUL
   */
  public static String decode(String field, String text, boolean query)
      throws MalformedDataException {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '%') {
        int high = i + 1 < text.length() ? hexValue(text.charAt(i + 1)) : -1;
        int low = i + 2 < text.length() ? hexValue(text.charAt(i + 2)) : -1;
        if (high < 0 || low < 0) {
          throw new MalformedDataException(
              field + ": '%' at " + i + " is not followed by two hex digits (RFC 3986 §2.1)");
        }
        int value = high * 16 + low;
        if (value == 0) {
          throw new MalformedDataException(field + ": %00 at " + i + " decodes to NUL");
        }
        out.append((char) value);
        i += 2;
      } else if (c == '+' && query) {
        out.append(' ');
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static int hexValue(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    return -1;
  }
}
