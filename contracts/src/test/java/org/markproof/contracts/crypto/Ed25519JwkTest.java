package org.markproof.contracts.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.markproof.contracts.MalformedDataException;
import org.markproof.contracts.note.TestKeys;

/**
 * {@link Ed25519Jwk} and {@link Base64Url} against RFC 8037 Appendix A (the vectors in {@code
 * jose/}): the key, its thumbprint and the example JWS; and every malformed JWK and base64url
 * spelling refused.
 */
class Ed25519JwkTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void readsTheRfc8037PublicKeyAndComputesItsThumbprint() throws Exception {
    Ed25519Jwk jwk = Ed25519Jwk.read(JSON.readTree(TestKeys.bytes("jose/rfc8037-a2-public.jwk")));
    JsonNode privateJwk = JSON.readTree(TestKeys.bytes("jose/rfc8037-a1-private.jwk"));
    Ed25519PrivateKey key =
        Ed25519PrivateKey.fromSeed(Base64Url.decode(privateJwk.get("d").textValue(), "d"));
    assertEquals(key.publicKey(), jwk.key());
    assertEquals(Optional.empty(), jwk.kid());
    assertEquals(TestKeys.line("jose/rfc8037-a3-thumbprint.txt"), Ed25519Jwk.thumbprint(jwk.key()));
    ObjectNode written = Ed25519Jwk.withThumbprint(jwk.key()).json();
    assertEquals(TestKeys.line("jose/rfc8037-a3-thumbprint.txt"), written.get("kid").textValue());
    assertEquals(jwk.key(), Ed25519Jwk.read(written).key());
  }

  @Test
  void theRfc8037ExampleJwsSignsAndVerifiesByteForByte() throws Exception {
    String[] jws = TestKeys.line("jose/rfc8037-a4.jws").split("\\.", -1);
    JsonNode privateJwk = JSON.readTree(TestKeys.bytes("jose/rfc8037-a1-private.jwk"));
    Ed25519PrivateKey key =
        Ed25519PrivateKey.fromSeed(Base64Url.decode(privateJwk.get("d").textValue(), "d"));
    byte[] input = (jws[0] + "." + jws[1]).getBytes(StandardCharsets.US_ASCII);
    assertEquals(
        "{\"alg\":\"EdDSA\"}",
        new String(Base64Url.decode(jws[0], "header"), StandardCharsets.UTF_8));
    assertEquals(
        "Example of Ed25519 signing",
        new String(Base64Url.decode(jws[1], "payload"), StandardCharsets.UTF_8));
    assertArrayEquals(Base64Url.decode(jws[2], "signature"), Ed25519Signatures.sign(key, input));
    Ed25519Signatures.verify(key.publicKey(), input, Base64Url.decode(jws[2], "signature"));
  }

  @Test
  void refusesEveryMalformedJwk() throws Exception {
    String x = "\"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo\"";
    Map<String, String> cases =
        Map.ofEntries(
            Map.entry("not-an-object", "[]"),
            Map.entry("rsa", "{\"kty\":\"RSA\",\"crv\":\"Ed25519\",\"x\":" + x + "}"),
            Map.entry("x25519", "{\"kty\":\"OKP\",\"crv\":\"X25519\",\"x\":" + x + "}"),
            Map.entry("no-x", "{\"kty\":\"OKP\",\"crv\":\"Ed25519\"}"),
            Map.entry("x-number", "{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":1}"),
            Map.entry(
                "x-padded",
                "{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":"
                    + "\"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo=\"}"),
            Map.entry(
                "x-31-bytes",
                "{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":"
                    + "\"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHUQ\"}"),
            Map.entry(
                "private",
                "{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":"
                    + x
                    + ",\"d\":\"nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A\"}"),
            Map.entry(
                "use-enc", "{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"use\":\"enc\",\"x\":" + x + "}"),
            Map.entry(
                "alg-hs256",
                "{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"alg\":\"HS256\",\"x\":" + x + "}"),
            Map.entry(
                "kid-number", "{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"kid\":7,\"x\":" + x + "}"));
    List<String> accepted = new ArrayList<>();
    for (Map.Entry<String, String> c : cases.entrySet()) {
      try {
        Ed25519Jwk.read(JSON.readTree(c.getValue()));
        accepted.add(c.getKey());
      } catch (MalformedDataException e) {
        // refused, as it must be
      }
    }
    assertEquals(List.of(), accepted);
  }

  @Test
  void base64UrlHasOneSpellingPerValue() throws Exception {
    assertArrayEquals(new byte[] {(byte) 0xfb, (byte) 0xff}, Base64Url.decode("-_8", "t"));
    for (String bad : List.of("-_8=", "+/8", "-_9", "-_ 8", "a", "-_8\n")) {
      assertThrows(MalformedDataException.class, () -> Base64Url.decode(bad, "t"), bad);
    }
  }
}
