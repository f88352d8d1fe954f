package org.markproof.contracts.entry;

import org.markproof.contracts.crypto.Ed25519PublicKey;

/**
 * Names a participant's Ed25519 key: its JWK SHA-256 thumbprint (RFC 7638 §3 over the OKP key
 * representation of RFC 8037 §2), i.e. {@code base64url(SHA-256(UTF-8(
 * {"crv":"Ed25519","kty":"OKP","x":"<base64url(public key)>"})))} without padding: 43 characters.
 * RFC 8037 appendix A.3 gives the thumbprint of its example key, which the tests reproduce.
 *
 * <p>A standard derivation, so that the JOSE tooling of the service (JWT {@code kid}, JWKS) names
 * the same key the same way.
 */
public record KeyId(String value) {
  /** The base64url characters whose value is a multiple of 4 (RFC 4648 §5). */
  private static final String LAST_CHARACTERS = "AEIMQUYcgkosw048";

  public KeyId {
    FieldSyntax.require("keyId", problem(FieldSyntax.present("keyId", value)));
  }

  /**
   * The key id of {@code key} (computed once per key object: {@link Ed25519PublicKey#thumbprint}).
   */
  public static KeyId of(Ed25519PublicKey key) {
    return new KeyId(key.thumbprint());
  }

  /** Returns {@code null} if {@code value} is the canonical base64url of 32 bytes. */
  static String problem(String value) {
    if (value.length() != 43) {
      return expected(value);
    }
    for (int i = 0; i < 43; i++) {
      if (!FieldSyntax.isBase64UrlChar(value.charAt(i))) {
        return expected(value);
      }
    }
    // 43 characters carry 258 bits, of which 32 bytes use 256: the last character's two low bits
    // are padding, zero in the canonical form (RFC 4648 §3.5): it is one of LAST_CHARACTERS.
    return LAST_CHARACTERS.indexOf(value.charAt(42)) >= 0
        ? null
        : "not canonical base64url: " + Excerpt.of(value);
  }

  private static String expected(String value) {
    return "expected 43 base64url characters (RFC 7638 SHA-256 thumbprint), got "
        + Excerpt.of(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
