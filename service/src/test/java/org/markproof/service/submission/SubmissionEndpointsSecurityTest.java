package org.markproof.service.submission;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.markproof.service.auth.Groups;
import org.markproof.service.testing.TestTokens;

/**
 * The role matrix of every submission endpoint through real HTTP: without a token, or with an
 * expired, tampered, foreign-key, {@code alg: none} or HS256 token, 401; with a valid token of a
 * group the endpoint does not serve, 403; with one it serves, the request gets past authorization
 * (here: to the body check, 400, or the object lookup, 404). Every refusal is a problem body.
 */
@QuarkusTest
class SubmissionEndpointsSecurityTest {

  /** An endpoint, the groups it serves, and the status a served caller gets for an empty body. */
  private record Endpoint(String method, String path, Set<String> groups, int servedStatus) {
    Response call(RequestSpecification request) {
      RequestSpecification r = request.contentType(ContentType.JSON);
      return method.equals("GET") ? r.get(path) : r.body("{}").post(path);
    }
  }

  private static final Set<String> EVERYONE =
      Set.of(Groups.REGISTRAR, Groups.BRAND_OWNER, Groups.CUSTOMS, Groups.OPERATOR);

  private static final List<Endpoint> ENDPOINTS =
      List.of(
          new Endpoint("POST", "/v1/entries", EVERYONE, 400),
          new Endpoint("GET", "/v1/submissions/" + UUID.randomUUID(), EVERYONE, 404),
          new Endpoint("POST", "/v1/participants", Set.of(Groups.OPERATOR), 400),
          new Endpoint("POST", "/v1/trademarks", Set.of(Groups.REGISTRAR), 400),
          new Endpoint("POST", "/v1/trademarks/EM/018000001/status", Set.of(Groups.REGISTRAR), 400),
          new Endpoint(
              "POST", "/v1/trademarks/EM/018000001/assignments", Set.of(Groups.REGISTRAR), 400),
          new Endpoint("POST", "/v1/licenses", Set.of(Groups.BRAND_OWNER, Groups.REGISTRAR), 400),
          new Endpoint("POST", "/v1/products", Set.of(Groups.BRAND_OWNER), 400),
          new Endpoint("POST", "/v1/batches", Set.of(Groups.BRAND_OWNER), 400),
          new Endpoint("POST", "/v1/revocations", Set.of(Groups.BRAND_OWNER), 400),
          // The body is checked before the batch is looked up: "{}" names neither count nor
          // serials.
          new Endpoint(
              "POST", "/v1/batches/09506000134352/L-1/labels", Set.of(Groups.BRAND_OWNER), 400));

  @Test
  void everyGroupAgainstEveryEndpoint() {
    List<String> wrong = new ArrayList<>();
    for (Endpoint endpoint : ENDPOINTS) {
      for (String group : EVERYONE) {
        String token = TestTokens.forSubject("matrix-" + group, group).sign();
        Response answer = endpoint.call(given().auth().oauth2(token));
        int expected = endpoint.groups().contains(group) ? endpoint.servedStatus() : 403;
        if (answer.statusCode() != expected
            || !"application/problem+json".equals(answer.contentType())) {
          wrong.add(
              group
                  + " "
                  + endpoint.method()
                  + " "
                  + endpoint.path()
                  + ": "
                  + answer.statusCode()
                  + " "
                  + answer.asString());
        }
      }
    }
    assertEquals(List.of(), wrong);
  }

  @Test
  void aTokenWithOnlyUnknownGroupsIsForbiddenEverywhere() {
    String token = TestTokens.forSubject("stranger", "admin").sign();
    for (Endpoint endpoint : ENDPOINTS) {
      endpoint
          .call(given().auth().oauth2(token))
          .then()
          .statusCode(403)
          .body("code", equalTo("forbidden"));
    }
  }

  @Test
  void everyEndpointRefusesMissingAndBadTokensWith401() {
    Map<String, String> bad =
        Map.of(
            "expired",
                TestTokens.forSubject("ops", Groups.OPERATOR)
                    .expiresIn(Duration.ofMinutes(-10))
                    .sign(),
            "tampered",
                TestTokens.tamper(
                    TestTokens.forSubject("someone", Groups.CUSTOMS).sign(),
                    Map.of(
                        "groups", List.of(Groups.OPERATOR, Groups.REGISTRAR, Groups.BRAND_OWNER))),
            "untrusted key",
                TestTokens.forSubject("ops", Groups.OPERATOR)
                    .signedBy(TestTokens.untrustedKey())
                    .sign(),
            "alg none", TestTokens.forSubject("ops", Groups.OPERATOR).unsigned(),
            "hs256 with the public key",
                TestTokens.forSubject("ops", Groups.OPERATOR)
                    .hs256(TestTokens.verificationKeyPemBytes()));
    List<String> wrong = new ArrayList<>();
    for (Endpoint endpoint : ENDPOINTS) {
      check(wrong, endpoint, "no token", endpoint.call(given()));
      for (Map.Entry<String, String> token : bad.entrySet()) {
        check(
            wrong,
            endpoint,
            token.getKey(),
            endpoint.call(given().auth().oauth2(token.getValue())));
      }
    }
    assertEquals(List.of(), wrong);
  }

  @Test
  void onlyOperatorsReencryptCustodialKeys() {
    String path = "/v1/custody/master-key/reencryption";
    given().post(path).then().statusCode(401);
    for (String group : List.of(Groups.REGISTRAR, Groups.BRAND_OWNER, Groups.CUSTOMS)) {
      given()
          .auth()
          .oauth2(TestTokens.forSubject("x", group).sign())
          .post(path)
          .then()
          .statusCode(403)
          .contentType("application/problem+json");
    }
    given()
        .auth()
        .oauth2(TestTokens.forSubject("ops", Groups.OPERATOR).sign())
        .post(path)
        .then()
        .statusCode(200)
        .body("masterKeyId", org.hamcrest.Matchers.matchesPattern("[0-9a-f]{16}"));
  }

  private static void check(List<String> wrong, Endpoint endpoint, String what, Response answer) {
    if (answer.statusCode() != 401
        || !"application/problem+json".equals(answer.contentType())
        || !"unauthenticated".equals(answer.jsonPath().getString("code"))) {
      wrong.add(
          what + " " + endpoint.method() + " " + endpoint.path() + ": " + answer.statusCode());
    }
  }
}
