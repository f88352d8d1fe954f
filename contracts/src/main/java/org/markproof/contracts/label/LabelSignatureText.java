package org.markproof.contracts.label;

import java.util.Base64;
import org.markproof.contracts.crypto.Ed25519Signatures;

/**
 * The text form of a label signature in AI (8030): the 64-byte Ed25519 signature as unpadded
 * base64url (RFC 4648 §5), exactly 86 characters of GS1 CSET 64. Decoding is strict: any other
 * length, padding, or a last character whose unused low bits are not zero is refused, so one
 * signature has exactly one text.
 */
final class LabelSignatureText {
  static final int LENGTH = 86;
  private static final String ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

  private LabelSignatureText() {}

  static String encode(byte[] signature) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
  }

  /** Decodes {@code text}, or returns a sentence saying why it is not a signature. */
  static Decoded decode(String text) {
    if (text.length() != LENGTH) {
      return new Decoded(
          null, "AI (8030): got " + text.length() + " characters, expected " + LENGTH);
    }
    for (int i = 0; i < LENGTH; i++) {
      if (!Gs1CharacterSets.isCset64(text.charAt(i))) {
        return new Decoded(null, "AI (8030): character at " + i + " is not unpadded base64url");
      }
    }
    // 86 characters carry 516 bits for 512: the last character's low 4 bits must be zero.
    if ((ALPHABET.indexOf(text.charAt(LENGTH - 1)) & 0x0f) != 0) {
      return new Decoded(null, "AI (8030): not the canonical base64url of 64 bytes");
    }
    byte[] bytes = Base64.getUrlDecoder().decode(text);
    if (bytes.length != Ed25519Signatures.SIGNATURE_LENGTH) {
      return new Decoded(null, "AI (8030): decodes to " + bytes.length + " bytes, expected 64");
    }
    return new Decoded(bytes, null);
  }

  record Decoded(byte[] signature, String problem) {}
}
