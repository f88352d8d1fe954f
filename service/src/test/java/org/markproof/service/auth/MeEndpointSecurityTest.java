package org.markproof.service.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.markproof.service.testing.TestTokens;

/**
 * {@code GET /v1/me} through real HTTP: who a good token names, and every bad token refused with a
 * problem body (RFC 9457) and the right status: 401 for a token that proves nothing, 403 for a
 * proven caller without a recognised group.
 */
@QuarkusTest
class MeEndpointSecurityTest {

  @Test
  void namesTheSubjectGroupsAndOfficeOfAValidToken() {
    String token =
        TestTokens.forSubject("office-em", Groups.REGISTRAR).claim("office", "EM").sign();
    given()
        .auth()
        .oauth2(token)
        .get("/v1/me")
        .then()
        .statusCode(200)
        .body("subject", equalTo("office-em"))
        .body("groups", contains("registrar"))
        .body("office", equalTo("EM"))
        .body("post", nullValue());
  }

  @Test
  void namesTheBorderPostOfACustomsOfficer() {
    String token =
        TestTokens.forSubject("officer-17", Groups.CUSTOMS).claim("post", "DE-FRA-CARGO").sign();
    given()
        .auth()
        .oauth2(token)
        .get("/v1/me")
        .then()
        .statusCode(200)
        .body("groups", contains("customs"))
        .body("post", equalTo("DE-FRA-CARGO"));
  }

  @Test
  void listsOnlyTheGroupsTheServiceRecognises() {
    String token = TestTokens.forSubject("ops", "admin", Groups.OPERATOR, "root").sign();
    given()
        .auth()
        .oauth2(token)
        .get("/v1/me")
        .then()
        .statusCode(200)
        .body("groups", contains("operator"));
  }

  @Test
  void refusesARequestWithoutAToken() {
    unauthenticated(given().get("/v1/me").then()).header("WWW-Authenticate", startsWith("Bearer"));
  }

  @Test
  void refusesAnExpiredTokenAndSaysSo() {
    String token =
        TestTokens.forSubject("ops", Groups.OPERATOR).expiresIn(Duration.ofMinutes(-10)).sign();
    unauthenticated(given().auth().oauth2(token).get("/v1/me").then())
        .body("detail", containsString("expired"))
        .header("WWW-Authenticate", containsString("invalid_token"));
  }

  @Test
  void refusesATokenWithoutExpiry() {
    String token = TestTokens.forSubject("ops", Groups.OPERATOR).withoutExpiry().sign();
    unauthenticated(given().auth().oauth2(token).get("/v1/me").then());
  }

  @Test
  void refusesATokenWhosePayloadWasChangedAfterSigning() {
    String genuine = TestTokens.forSubject("brand-x", Groups.BRAND_OWNER).sign();
    String tampered =
        TestTokens.tamper(genuine, Map.of("sub", "office-em", "groups", new String[] {"operator"}));
    unauthenticated(given().auth().oauth2(tampered).get("/v1/me").then());
  }

  @Test
  void refusesATokenFromAnotherIssuer() {
    String token =
        TestTokens.forSubject("ops", Groups.OPERATOR).issuer("https://evil.example/auth").sign();
    unauthenticated(given().auth().oauth2(token).get("/v1/me").then());
  }

  @Test
  void refusesATokenForAnotherAudience() {
    String token = TestTokens.forSubject("ops", Groups.OPERATOR).audience("another-service").sign();
    unauthenticated(given().auth().oauth2(token).get("/v1/me").then());
  }

  @Test
  void refusesATokenWithoutAudience() {
    String token = TestTokens.forSubject("ops", Groups.OPERATOR).withoutAudience().sign();
    unauthenticated(given().auth().oauth2(token).get("/v1/me").then());
  }

  @Test
  void refusesAnUnsignedTokenWithAlgNone() {
    String token = TestTokens.forSubject("ops", Groups.OPERATOR).unsigned();
    unauthenticated(given().auth().oauth2(token).get("/v1/me").then());
  }

  @Test
  void refusesHs256MacedWithThePublicKeyBytes() {
    String token =
        TestTokens.forSubject("ops", Groups.OPERATOR).hs256(TestTokens.verificationKeyPemBytes());
    unauthenticated(given().auth().oauth2(token).get("/v1/me").then());
  }

  @Test
  void refusesATokenSignedByAnotherKey() {
    String token =
        TestTokens.forSubject("ops", Groups.OPERATOR).signedBy(TestTokens.untrustedKey()).sign();
    unauthenticated(given().auth().oauth2(token).get("/v1/me").then());
  }

  @Test
  void refusesGarbageInTheAuthorizationHeader() {
    unauthenticated(given().header("Authorization", "Bearer not.a.jwt").get("/v1/me").then());
  }

  @Test
  void forbidsAValidTokenWithoutARecognisedGroup() {
    String token = TestTokens.forSubject("someone", "admin").sign();
    given()
        .auth()
        .oauth2(token)
        .get("/v1/me")
        .then()
        .statusCode(403)
        .contentType("application/problem+json")
        .body("type", equalTo("https://markproof.dev/problems/forbidden"))
        .body("code", equalTo("forbidden"))
        .body("status", equalTo(403))
        .body("instance", equalTo("/v1/me"))
        .body(not(containsString("Exception")));
  }

  @Test
  void leavesThePublicInfoEndpointOpenEvenToABadToken() {
    given().get("/v1/info").then().statusCode(200);
    given().auth().oauth2("not.a.jwt").get("/v1/info").then().statusCode(200);
  }

  private static ValidatableResponse unauthenticated(ValidatableResponse response) {
    return response
        .statusCode(401)
        .contentType("application/problem+json")
        .body("type", equalTo("https://markproof.dev/problems/unauthenticated"))
        .body("title", equalTo("Authentication required"))
        .body("code", equalTo("unauthenticated"))
        .body("status", equalTo(401))
        .body("instance", equalTo("/v1/me"))
        .body(not(containsString("Exception")))
        .body(not(containsString("java.")));
  }
}
