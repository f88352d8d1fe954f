package org.markproof.service.edge;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.markproof.contracts.crypto.Base64Url;
import org.markproof.contracts.crypto.Ed25519Jwk;
import org.markproof.contracts.crypto.Ed25519Signatures;
import org.markproof.contracts.crypto.SignatureVerificationException;
import org.markproof.service.auth.Groups;
import org.markproof.service.testing.TestTokens;

/**
 * {@code GET /v1/edge/token-keys} through real HTTP: without a token, the JWK Set of the key the
 * service verifies tokens with (read from its configured PEM), its issuer and audience; a token the
 * service accepts verifies with the published key, one signed by another key does not.
 */
@QuarkusTest
class TokenKeysApiTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void publishesTheConfiguredKeyIssuerAndAudienceWithoutAToken() throws Exception {
    Response response = given().get("/v1/edge/token-keys");
    assertEquals(200, response.statusCode(), response.asString());
    assertEquals("application/json", response.contentType());
    JsonNode body = JSON.readTree(response.asString());
    assertEquals(1, body.path("keys").size(), body::toString);
    Ed25519Jwk jwk = Ed25519Jwk.read(body.path("keys").get(0));
    assertEquals(Ed25519Jwk.thumbprint(jwk.key()), jwk.kid().orElseThrow());
    assertEquals("EdDSA", body.at("/keys/0/alg").textValue());
    assertEquals("sig", body.at("/keys/0/use").textValue());
    assertEquals(
        ConfigProvider.getConfig().getValue("mp.jwt.verify.issuer", String.class),
        body.path("issuer").textValue());
    assertEquals("[\"markproof\"]", body.path("audiences").toString());
    assertEquals("[\"EdDSA\"]", body.path("algorithms").toString());

    String[] accepted = TestTokens.forSubject("officer", Groups.CUSTOMS).sign().split("\\.");
    byte[] input = (accepted[0] + "." + accepted[1]).getBytes(StandardCharsets.US_ASCII);
    Ed25519Signatures.verify(jwk.key(), input, Base64Url.decode(accepted[2], "signature"));
    String[] foreign =
        TestTokens.forSubject("officer", Groups.CUSTOMS)
            .signedBy(TestTokens.untrustedKey())
            .sign()
            .split("\\.");
    byte[] foreignInput = (foreign[0] + "." + foreign[1]).getBytes(StandardCharsets.US_ASCII);
    boolean verified;
    try {
      Ed25519Signatures.verify(jwk.key(), foreignInput, Base64Url.decode(foreign[2], "sig"));
      verified = true;
    } catch (SignatureVerificationException e) {
      verified = false;
    }
    assertFalse(verified, "a token signed by another key verified with the published one");
  }
}
