package org.markproof.contracts.entry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.markproof.contracts.crypto.Ed25519Jwk;

class KeyIdTest {
  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

  /** RFC 8037 §A.3: the thumbprint of the example key of §A.2. */
  @Test
  void theRfc8037ExampleKeyHasItsPublishedThumbprint() throws Exception {
    byte[] x = Base64.getUrlDecoder().decode("11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo");
    var key = org.markproof.contracts.crypto.Ed25519PublicKey.of(x);
    assertEquals("kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k", KeyId.of(key).value());
    assertEquals(KeyId.of(key).value(), Ed25519Jwk.thumbprint(key));
    assertEquals(KeyId.of(key), KeyId.of(key), "the same, asked again");
  }

  /**
   * Exactly the canonical base64url of 32 bytes is a key id: the last of 43 characters carries two
   * padding bits, which must be zero; every such string round-trips through the JDK's codec.
   */
  @Test
  void onlyTheCanonicalEncodingOf32BytesIsAKeyId() {
    SecureRandom random = new SecureRandom();
    for (int i = 0; i < 200; i++) {
      byte[] bytes = new byte[32];
      random.nextBytes(bytes);
      String value = BASE64URL.encodeToString(bytes);
      assertNull(KeyId.problem(value), value);
    }
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    String stem = BASE64URL.encodeToString(new byte[32]).substring(0, 42);
    for (int v = 0; v < 64; v++) {
      String value = stem + alphabet.charAt(v);
      boolean canonical =
          BASE64URL.encodeToString(Base64.getUrlDecoder().decode(value)).equals(value);
      assertEquals(canonical, KeyId.problem(value) == null, value);
      assertEquals(v % 4 == 0, canonical, value);
    }
    assertTrue(KeyId.problem(stem).contains("43 base64url characters"));
    assertTrue(KeyId.problem(stem + "AA").contains("43 base64url characters"));
    assertTrue(KeyId.problem(stem.substring(1) + "+A").contains("43 base64url characters"));
    assertTrue(KeyId.problem(stem.substring(1) + "=A").contains("43 base64url characters"));
  }
}
