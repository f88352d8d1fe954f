package org.markproof.contracts.note;

import java.util.Base64;
import org.markproof.contracts.MalformedDataException;

/**
 * Standard padded base64 (RFC 4648 §4), as every C2SP text format uses, decoded strictly: the text
 * must be exactly what encoding the decoded bytes gives back, so there is one spelling per value
 * (no missing padding, no stray bits, no whitespace).
 */
public final class CanonicalBase64 {
  private CanonicalBase64() {}

  /**
   * Decodes {@code text}.
   *
   * @throws MalformedDataException naming {@code what} if the text is not canonical base64
   */
  public static byte[] decode(String text, String what) throws MalformedDataException {
    if (text.length() % 4 != 0) {
      throw new MalformedDataException(
          what + ": base64 length " + text.length() + " is not a multiple of 4");
    }
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      throw new MalformedDataException(what + ": not standard base64", e);
    }
    if (!encode(bytes).equals(text)) {
      throw new MalformedDataException(what + ": base64 is not in canonical form");
    }
    return bytes;
  }

  /** Encodes {@code bytes} as standard padded base64. */
  public static String encode(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }
}
