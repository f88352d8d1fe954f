package org.markproof.service.state;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.markproof.service.auth.Groups;
import org.markproof.service.testing.TestTokens;

/**
 * The state query API through real HTTP, as a matrix: every endpoint × no token, a bad token, each
 * group; and a batch × its issuer, another brand owner, an operator, customs and a registrar. The
 * rows are written straight into the state tables (derived data the projector normally writes, see
 * {@link StateProjectorTest}), under names no other test uses.
 */
@QuarkusTest
class StateEndpointsTest {
  private static final List<String> GROUPS =
      List.of(Groups.REGISTRAR, Groups.BRAND_OWNER, Groups.CUSTOMS, Groups.OPERATOR);

  @Inject AgroalDataSource dataSource;

  private String suffix;
  private String gtin;

  @BeforeEach
  void rows() throws SQLException {
    suffix = UUID.randomUUID().toString().substring(0, 8);
    gtin = "0950600013435" + "2";
    insert(
        "INSERT INTO participant_state VALUES (?, 'brand-owner', true, ?::jsonb, 3)",
        "issuer-" + suffix,
        "{\"id\":\"issuer-" + suffix + "\"}");
    insert(
        "INSERT INTO trademark_state VALUES ('EM', ?, ?, 'registered', ?::jsonb, 4)",
        "T" + suffix,
        "issuer-" + suffix,
        "{\"holder\":\"issuer-" + suffix + "\"}");
    insert(
        "INSERT INTO license_state VALUES (?, ?, 'someone', ?::jsonb, 5)",
        "lic-" + suffix,
        "issuer-" + suffix,
        "{\"id\":\"lic-" + suffix + "\"}");
    insert(
        "INSERT INTO batch_state VALUES (?, ?, ?, ?::jsonb, 6)",
        gtin,
        "B" + suffix,
        "issuer-" + suffix,
        "{\"labelKey\":\"secret-of-" + suffix + "\"}");
  }

  private List<String> publicPaths() {
    return List.of(
        "/v1/participants/issuer-" + suffix,
        "/v1/trademarks/EM/T" + suffix,
        "/v1/licenses/lic-" + suffix);
  }

  @Test
  void publicFactsAreReadableByEveryGroup() {
    for (String path : publicPaths()) {
      for (String group : GROUPS) {
        given()
            .auth()
            .oauth2(TestTokens.forSubject("reader-" + group, group).sign())
            .get(path)
            .then()
            .statusCode(200)
            .body(containsString(suffix));
      }
    }
  }

  @Test
  void everyEndpointRefusesCallersWithoutAValidTokenOrGroup() {
    List<String> paths = new java.util.ArrayList<>(publicPaths());
    paths.add("/v1/batches/" + gtin + "/B" + suffix);
    paths.add("/v1/products/" + gtin);
    for (String path : paths) {
      given().get(path).then().statusCode(401).contentType("application/problem+json");
      given()
          .auth()
          .oauth2(
              TestTokens.forSubject("x", Groups.OPERATOR).expiresIn(Duration.ofMinutes(-5)).sign())
          .get(path)
          .then()
          .statusCode(401);
      given()
          .auth()
          .oauth2(TestTokens.forSubject("x", Groups.OPERATOR).unsigned())
          .get(path)
          .then()
          .statusCode(401);
      given()
          .auth()
          .oauth2(TestTokens.forSubject("x", "admin").sign())
          .get(path)
          .then()
          .statusCode(403)
          .body("code", equalTo("forbidden"));
    }
  }

  @Test
  void aBatchIsVisibleOnlyToItsIssuerAndOperators() {
    String path = "/v1/batches/" + gtin + "/B" + suffix;
    given()
        .auth()
        .oauth2(TestTokens.forSubject("issuer-" + suffix, Groups.BRAND_OWNER).sign())
        .get(path)
        .then()
        .statusCode(200)
        .body("labelKey", equalTo("secret-of-" + suffix));
    given()
        .auth()
        .oauth2(TestTokens.forSubject("ops-" + suffix, Groups.OPERATOR).sign())
        .get(path)
        .then()
        .statusCode(200);
    for (String group : List.of(Groups.BRAND_OWNER, Groups.CUSTOMS, Groups.REGISTRAR)) {
      given()
          .auth()
          .oauth2(TestTokens.forSubject("other-" + suffix, group).sign())
          .get(path)
          .then()
          .statusCode(404)
          .contentType("application/problem+json")
          .body(org.hamcrest.Matchers.not(containsString("secret-of")));
    }
  }

  @Test
  void answersUnknownObjectsWith404AndMalformedKeysWith400() {
    String token = TestTokens.forSubject("reader", Groups.CUSTOMS).sign();
    given().auth().oauth2(token).get("/v1/trademarks/EM/none-" + suffix).then().statusCode(404);
    given().auth().oauth2(token).get("/v1/products/09506000134369").then().statusCode(404);
    given()
        .auth()
        .oauth2(token)
        .get("/v1/products/09506000134353")
        .then()
        .statusCode(400)
        .body("detail", containsString("gtin"));
    given()
        .auth()
        .oauth2(token)
        .get("/v1/trademarks/em/123")
        .then()
        .statusCode(400)
        .body("detail", containsString("office"));
    given()
        .auth()
        .oauth2(token)
        .get("/v1/participants/" + "x".repeat(65))
        .then()
        .statusCode(400)
        .body("detail", containsString("id"));
    given()
        .auth()
        .oauth2(token)
        .get("/v1/batches/" + gtin + "/" + "B".repeat(21))
        .then()
        .statusCode(400)
        .body("detail", containsString("batch"));
  }

  private void insert(String sql, String... values) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < values.length; i++) {
        s.setString(i + 1, values[i]);
      }
      s.executeUpdate();
    }
  }
}
