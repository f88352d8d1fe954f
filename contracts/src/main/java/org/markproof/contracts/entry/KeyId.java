package org.markproof.contracts.entry;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.markproof.contracts.crypto.Ed25519PublicKey;
import org.markproof.contracts.crypto.Sha256;

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
  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

  public KeyId {
    FieldSyntax.require("keyId", problem(FieldSyntax.present("keyId", value)));
  }

  /** The key id of {@code key}. */
  public static KeyId of(Ed25519PublicKey key) {
    String jwk =
        "{\"crv\":\"Ed25519\",\"kty\":\"OKP\",\"x\":\""
            + BASE64URL.encodeToString(key.bytes())
            + "\"}";
    return new KeyId(BASE64URL.encodeToString(Sha256.hash(jwk.getBytes(StandardCharsets.UTF_8))));
  }

  /** Returns {@code null} if {@code value} is the canonical base64url of 32 bytes. */
  static String problem(String value) {
    if (value.length() != 43
        || !value.chars().allMatch(c -> FieldSyntax.isBase64UrlChar((char) c))) {
      return "expected 43 base64url characters (RFC 7638 SHA-256 thumbprint), got "
          + Excerpt.of(value);
    }
    byte[] bytes = Base64.getUrlDecoder().decode(value);
    return BASE64URL.encodeToString(bytes).equals(value)
        ? null
        : "not canonical base64url: " + Excerpt.of(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
