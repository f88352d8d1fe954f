package org.markproof.service.edge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.markproof.contracts.MalformedDataException;
import org.markproof.contracts.crypto.Base64Url;
import org.markproof.contracts.crypto.Ed25519Jwk;
import org.markproof.contracts.crypto.Ed25519PublicKey;
import org.markproof.service.auth.TokenKeyPair;

/**
 * Every form SmallRye JWT reads a verification key in gives the same Ed25519 key; what is not an
 * Ed25519 key, or not here to read, is refused with a message naming the setting.
 */
class TokenVerificationKeysTest {
  @TempDir Path dir;

  @Test
  void everyConfiguredFormGivesTheSameKey() throws Exception {
    TokenKeyPair pair = TokenKeyPair.generate(new SecureRandom());
    byte[] spki = pair.verificationKey().getEncoded();
    Ed25519PublicKey expected =
        Ed25519PublicKey.of(java.util.Arrays.copyOfRange(spki, spki.length - 32, spki.length));
    String pem = TokenKeyPair.pem("PUBLIC KEY", spki);
    Path file = dir.resolve("key.pem");
    Files.writeString(file, pem);
    String jwk = Ed25519Jwk.withThumbprint(expected).json().toString();
    String jwks =
        "{\"keys\":[{\"kty\":\"RSA\",\"n\":\"AQAB\",\"e\":\"AQAB\"},"
            + jwk.replace("\"kid\"", "\"x-kid\"")
            + "]}";
    Map<String, List<Ed25519Jwk>> read = new LinkedHashMap<>();
    read.put(
        "location file",
        TokenVerificationKeys.read(Optional.empty(), Optional.of(file.toString())));
    read.put(
        "location file: URL",
        TokenVerificationKeys.read(Optional.empty(), Optional.of("file:" + file)));
    read.put(
        "location on the class path",
        TokenVerificationKeys.read(
            Optional.empty(), Optional.of("auth/test-token-verification-key.pem")));
    read.put("inline PEM", TokenVerificationKeys.read(Optional.of(pem), Optional.empty()));
    read.put(
        "inline base64",
        TokenVerificationKeys.read(
            Optional.of(Base64.getEncoder().encodeToString(spki)), Optional.of("ignored")));
    read.put("inline JWK", TokenVerificationKeys.read(Optional.of(jwk), Optional.empty()));
    read.put("inline JWKS", TokenVerificationKeys.read(Optional.of(jwks), Optional.empty()));
    read.put(
        "inline base64url JWKS",
        TokenVerificationKeys.read(
            Optional.of(Base64Url.encode(jwks.getBytes(java.nio.charset.StandardCharsets.UTF_8))),
            Optional.empty()));
    for (Map.Entry<String, List<Ed25519Jwk>> e : read.entrySet()) {
      if (e.getKey().contains("class path")) {
        assertEquals(1, e.getValue().size(), e.getKey());
        continue;
      }
      assertEquals(1, e.getValue().size(), e.getKey());
      assertEquals(expected, e.getValue().get(0).key(), e.getKey());
      assertEquals(
          Ed25519Jwk.thumbprint(expected), e.getValue().get(0).kid().orElseThrow(), e.getKey());
    }
  }

  @Test
  void refusesWhatIsNoEd25519KeyOrCannotBeRead() throws Exception {
    KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
    rsa.initialize(2048);
    String rsaPem = TokenKeyPair.pem("PUBLIC KEY", rsa.generateKeyPair().getPublic().getEncoded());
    Map<String, Optional<String>[]> cases = new LinkedHashMap<>();
    cases.put("nothing configured", settings(null, null));
    cases.put("an RSA key", settings(rsaPem, null));
    cases.put("a JWKS of RSA keys only", settings("{\"keys\":[{\"kty\":\"RSA\"}]}", null));
    cases.put("not JSON", settings("{\"keys\":", null));
    cases.put("an identity provider's URL", settings(null, "https://idp.example/jwks"));
    cases.put("a missing file", settings(null, dir.resolve("missing.pem").toString()));
    cases.put("a PEM of something else", settings("-----BEGIN CERTIFICATE-----\nAA==\n", null));
    List<String> accepted = new ArrayList<>();
    for (Map.Entry<String, Optional<String>[]> c : cases.entrySet()) {
      try {
        TokenVerificationKeys.read(c.getValue()[0], c.getValue()[1]);
        accepted.add(c.getKey());
      } catch (MalformedDataException e) {
        assertTrue(e.getMessage().length() > 10, c.getKey() + ": " + e.getMessage());
      }
    }
    assertEquals(List.of(), accepted);
  }

  @SuppressWarnings("unchecked")
  private static Optional<String>[] settings(String inline, String location) {
    return new Optional[] {Optional.ofNullable(inline), Optional.ofNullable(location)};
  }
}
