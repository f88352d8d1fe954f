package org.markproof.service.submission;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;
import org.markproof.service.auth.Groups;
import org.markproof.service.testing.TestTokens;

/**
 * How the custodial endpoints read their JSON bodies: malformed JSON, unknown, missing and mistyped
 * fields, fields the service sets itself, and oversized bodies are refused with a problem naming
 * what is wrong, before any key is used or anything is stored.
 */
@QuarkusTest
class SubmissionBodiesTest {
  private static final String PRODUCT =
      "{\"gtin\":\"09506000134352\",\"trademark\":{\"office\":\"EM\",\"number\":\"018000001\"},"
          + "\"niceClass\":25,\"description\":\"Shoe\",\"territories\":[\"EM\"]%s}";

  private static ValidatableResponse postProduct(String body) {
    return given()
        .auth()
        .oauth2(TestTokens.forSubject("bodies-brand", Groups.BRAND_OWNER).sign())
        .contentType(ContentType.JSON)
        .body(body)
        .post("/v1/products")
        .then()
        .contentType("application/problem+json");
  }

  @Test
  void refusesMalformedJson() {
    postProduct("{\"gtin\": ").statusCode(400).body("code", equalTo("malformed-json"));
  }

  @Test
  void refusesTrailingContentAndDuplicateKeys() {
    postProduct(String.format(PRODUCT, "") + " {}")
        .statusCode(400)
        .body("code", equalTo("malformed-json"));
    postProduct(String.format(PRODUCT, ",\"gtin\":\"09506000134352\""))
        .statusCode(400)
        .body("code", equalTo("malformed-json"));
  }

  @Test
  void refusesAnythingButAnObject() {
    postProduct("[1, 2]").statusCode(400).body("code", equalTo("malformed-json"));
    postProduct("").statusCode(400).body("code", equalTo("malformed-json"));
  }

  @Test
  void namesAnUnknownField() {
    postProduct(String.format(PRODUCT, ",\"colour\":\"red\""))
        .statusCode(400)
        .body("code", equalTo("unknown-field"))
        .body("violations[0].path", equalTo("/colour"));
  }

  @Test
  void namesAnUnknownNestedField() {
    postProduct(
            PRODUCT
                .replace("\"number\":\"018000001\"", "\"number\":\"018000001\",\"x\":1")
                .formatted(""))
        .statusCode(400)
        .body("code", equalTo("unknown-field"))
        .body("violations[0].path", equalTo("/trademark/x"));
  }

  @Test
  void namesAMissingField() {
    postProduct(String.format(PRODUCT, "").replace("\"niceClass\":25,", ""))
        .statusCode(400)
        .body("code", equalTo("invalid-field"))
        .body("violations[0].code", equalTo("missing-field"))
        .body("violations[0].path", equalTo("/niceClass"));
  }

  @Test
  void namesAMistypedFieldAndABadCheckDigit() {
    postProduct(String.format(PRODUCT, "").replace("\"niceClass\":25", "\"niceClass\":\"25\""))
        .statusCode(400)
        .body("violations[0].path", equalTo("/niceClass"))
        .body("detail", containsString("integer"));
    postProduct(String.format(PRODUCT, "").replace("09506000134352", "09506000134353"))
        .statusCode(400)
        .body("violations[0].path", equalTo("/gtin"));
  }

  @Test
  void refusesFieldsTheServiceSets() {
    for (String field : new String[] {"submitter", "kind", "type"}) {
      postProduct(String.format(PRODUCT, ",\"" + field + "\":\"x\""))
          .statusCode(400)
          .body("code", equalTo("unknown-field"))
          .body("violations[0].path", equalTo("/" + field));
    }
  }

  @Test
  void refusesTheTrademarkInTheBodyWhenTheUrlNamesIt() {
    given()
        .auth()
        .oauth2(TestTokens.forSubject("bodies-office", Groups.REGISTRAR).sign())
        .contentType(ContentType.JSON)
        .body(
            "{\"trademark\":{\"office\":\"EM\",\"number\":\"1\"},\"newHolder\":\"b\","
                + "\"effectiveDate\":\"2030-01-01\"}")
        .post("/v1/trademarks/EM/018000001/assignments")
        .then()
        .statusCode(400)
        .body("code", equalTo("unknown-field"))
        .body("violations[0].path", equalTo("/trademark"));
  }

  @Test
  void refusesAUrlThatNamesNoTrademark() {
    given()
        .auth()
        .oauth2(TestTokens.forSubject("bodies-office", Groups.REGISTRAR).sign())
        .contentType(ContentType.JSON)
        .body("{\"status\":\"lapsed\",\"effectiveDate\":\"2030-01-01\"}")
        .post("/v1/trademarks/ZZ/018000001/status")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("detail", containsString("ST.3"));
  }

  @Test
  void refusesARevocationWithoutAKnownKind() {
    given()
        .auth()
        .oauth2(TestTokens.forSubject("bodies-brand", Groups.BRAND_OWNER).sign())
        .contentType(ContentType.JSON)
        .body("{\"gtin\":\"09506000134352\",\"batch\":\"L1\",\"reason\":\"recall\"}")
        .post("/v1/revocations")
        .then()
        .statusCode(400)
        .body("violations[0].code", equalTo("missing-field"))
        .body("violations[0].path", equalTo("/kind"));
  }

  @Test
  void refusesABodyLargerThanAnEntryMayBe() {
    postProduct(String.format(PRODUCT, ",\"description2\":\"" + "x".repeat(70_000) + "\""))
        .statusCode(413)
        .body("code", equalTo("body-too-large"));
  }

  @Test
  void refusesABodyOverTheHttpLimit() {
    // Sent as a client sending a large body should: with Expect: 100-continue, so the refusal
    // arrives before the body and the client does not write into a closed connection.
    given()
        .config(
            io.restassured.RestAssured.config()
                .httpClient(
                    io.restassured.config.HttpClientConfig.httpClientConfig()
                        .setParam(
                            org.apache.http.params.CoreProtocolPNames.USE_EXPECT_CONTINUE, true)))
        .auth()
        .oauth2(TestTokens.forSubject("bodies-brand", Groups.BRAND_OWNER).sign())
        .contentType(ContentType.JSON)
        .body("{\"x\":\"" + "x".repeat(1_100_000) + "\"}")
        .post("/v1/products")
        .then()
        .contentType("application/problem+json")
        .statusCode(413)
        .body("code", equalTo("body-too-large"));
  }

  @Test
  void refusesAMalformedIdempotencyKeyOrWaitFlag() {
    given()
        .auth()
        .oauth2(TestTokens.forSubject("bodies-brand", Groups.BRAND_OWNER).sign())
        .contentType(ContentType.JSON)
        .header("Idempotency-Key", "has space")
        .body(String.format(PRODUCT, ""))
        .post("/v1/products")
        .then()
        .statusCode(400)
        .body("code", equalTo("bad-request"));
    given()
        .auth()
        .oauth2(TestTokens.forSubject("bodies-brand", Groups.BRAND_OWNER).sign())
        .contentType(ContentType.JSON)
        .body(String.format(PRODUCT, ""))
        .post("/v1/products?wait=soon")
        .then()
        .statusCode(400)
        .body("code", equalTo("bad-request"));
  }
}
