package org.markproof.contracts.crypto;

import java.util.Base64;
import org.markproof.contracts.MalformedDataException;

/**
 * Unpadded base64url (RFC 4648 §5), as JOSE writes every binary value (RFC 7515 §2), decoded
 * strictly: the text must be exactly what encoding the decoded bytes gives back, so there is one
 * spelling per value (no padding, no standard-alphabet characters, no stray bits, no whitespace).
 */
public final class Base64Url {
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

  private Base64Url() {}

  /**
   * Decodes {@code text}.
   *
   * @throws MalformedDataException naming {@code what} if the text is not canonical unpadded
   *     base64url
   */
  public static byte[] decode(String text, String what) throws MalformedDataException {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean alphabet =
          (c >= 'A' && c <= 'Z')
              || (c >= 'a' && c <= 'z')
              || (c >= '0' && c <= '9')
              || c == '-'
              || c == '_';
      if (!alphabet) {
        throw new MalformedDataException(
            what + ": character " + i + " is not unpadded base64url (RFC 7515 §2)");
      }
    }
    byte[] bytes;
    try {
      bytes = Base64.getUrlDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      throw new MalformedDataException(what + ": not base64url: length " + text.length(), e);
    }
    if (!encode(bytes).equals(text)) {
      throw new MalformedDataException(what + ": base64url is not in canonical form");
    }
    return bytes;
  }

  /** Encodes {@code bytes} as unpadded base64url. */
  public static String encode(byte[] bytes) {
    return ENCODER.encodeToString(bytes);
  }
}
