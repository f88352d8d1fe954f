package org.markproof.service.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Tokens the service mints itself (demo mode) are tokens it accepts, and say what was asked. */
@QuarkusTest
class TokenIssuerTest {
  @Inject TokenIssuer issuer;

  @Test
  void mintsATokenTheServiceAccepts() {
    String token = issuer.issue("office-au", Set.of(Groups.REGISTRAR), Map.of("office", "AU"));
    given()
        .auth()
        .oauth2(token)
        .get("/v1/me")
        .then()
        .statusCode(200)
        .body("subject", equalTo("office-au"))
        .body("groups", contains("registrar"))
        .body("office", equalTo("AU"));
  }

  @Test
  void signsWithEdDsaAndStampsIssueAndExpiryFromTheClock() throws Exception {
    Instant now = Instant.parse("2026-03-01T10:00:00Z");
    TokenIssuer fixed =
        new TokenIssuer(
            TokenKeyPair.generate(new SecureRandom()).signingKey(),
            "https://issuer.example",
            Set.of("markproof"),
            Duration.ofDays(30),
            Clock.fixed(now, ZoneOffset.UTC));
    String[] parts = fixed.issue("brand-x", Set.of(Groups.BRAND_OWNER), Map.of()).split("\\.");
    ObjectMapper json = new ObjectMapper();
    JsonNode header = json.readTree(Base64.getUrlDecoder().decode(parts[0]));
    JsonNode claims = json.readTree(Base64.getUrlDecoder().decode(parts[1]));
    assertEquals("EdDSA", header.get("alg").asText());
    assertEquals("https://issuer.example", claims.get("iss").asText());
    assertEquals("brand-x", claims.get("sub").asText());
    assertEquals(now.getEpochSecond(), claims.get("iat").asLong());
    assertEquals(now.plus(Duration.ofDays(30)).getEpochSecond(), claims.get("exp").asLong());
    assertTrue(claims.get("aud").toString().contains("markproof"), claims.toString());
  }

  @Test
  void refusesAGroupTheServiceDoesNotKnow() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> issuer.issue("x", Set.of("admin"), Map.of()));
    assertTrue(e.getMessage().contains("admin"), e.getMessage());
  }

  @Test
  void refusesExtraClaimsThatWouldOverrideRegisteredOnes() {
    assertThrows(
        IllegalArgumentException.class,
        () -> issuer.issue("x", Set.of(Groups.OPERATOR), Map.of("exp", 0)));
    assertThrows(
        IllegalArgumentException.class,
        () -> issuer.issue("x", Set.of(Groups.OPERATOR), Map.of("groups", "operator")));
  }

  @Test
  void refusesABlankSubject() {
    assertThrows(
        IllegalArgumentException.class, () -> issuer.issue(" ", Set.of(Groups.OPERATOR), Map.of()));
  }
}
