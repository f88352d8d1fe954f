package org.markproof.service.problem;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every way a request can fail answers with an RFC 9457 problem body, through real HTTP: the stable
 * type and code, the status, the request path as instance, a detail naming what was wrong, and
 * never a Java class name or stack trace.
 */
@QuarkusTest
class ProblemBodiesTest {
  private static final String ECHO = "/test/probe/echo";

  private static final HttpClient HTTP_1_1 =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @TestHTTPResource(ECHO)
  URI echoUri;

  private static final String GOOD =
      "{\"name\":\"n\",\"count\":1,\"urgent\":false,\"address\":{\"country\":\"DE\"},"
          + "\"lines\":[{\"gtin\":\"09506000134352\",\"quantity\":2}]}";

  @Test
  void acceptsAWellFormedBody() {
    post(GOOD).statusCode(200).body("lines[0].quantity", equalTo(2));
  }

  @Test
  void malformedJsonIsABadRequestNamingWhere() {
    problem(post("{\"name\": \"n\", "), 400, "malformed-json", ECHO)
        .body("detail", containsString("line 1"));
  }

  @Test
  void trailingContentAfterTheObjectIsMalformed() {
    problem(post(GOOD + " {}"), 400, "malformed-json", ECHO);
  }

  @Test
  void aDuplicateKeyIsMalformed() {
    problem(post("{\"name\":\"a\",\"name\":\"b\",\"count\":1}"), 400, "malformed-json", ECHO)
        .body("detail", containsString("name"));
  }

  @Test
  void anUnknownFieldIsNamedWithItsPathAndTheAllowedFields() {
    String body = "{\"name\":\"n\",\"count\":1,\"urgent\":false,\"colour\":\"red\"}";
    problem(post(body), 400, "unknown-field", ECHO)
        .body("detail", containsString("colour"))
        .body("violations[0].code", equalTo("unknown-field"))
        .body("violations[0].path", equalTo("/colour"))
        .body("hint", containsString("count"));
  }

  @Test
  void anUnknownFieldInANestedObjectIsNamedByItsFullPath() {
    String body =
        "{\"name\":\"n\",\"count\":1,\"urgent\":true,\"lines\":[{\"gtin\":\"x\",\"quantity\":1,\"qty\":1}]}";
    problem(post(body), 400, "unknown-field", ECHO)
        .body("violations[0].path", equalTo("/lines/0/qty"));
  }

  @Test
  void aStringWhereAnIntegerBelongsIsAnInvalidField() {
    problem(post("{\"name\":\"n\",\"count\":\"12\"}"), 400, "invalid-field", ECHO)
        .body("violations[0].path", equalTo("/count"))
        .body("violations[0].message", equalTo("expected an integer"));
  }

  @Test
  void aFractionWhereAnIntegerBelongsIsAnInvalidField() {
    String body = "{\"name\":\"n\",\"count\":1,\"lines\":[{\"gtin\":\"x\",\"quantity\":1.5}]}";
    problem(post(body), 400, "invalid-field", ECHO)
        .body("violations[0].path", equalTo("/lines/0/quantity"));
  }

  @Test
  void aNumberWhereAStringBelongsIsAnInvalidField() {
    problem(post("{\"name\":7,\"count\":1}"), 400, "invalid-field", ECHO)
        .body("violations[0].path", equalTo("/name"))
        .body("violations[0].message", equalTo("expected a string"));
  }

  @Test
  void anObjectWhereAnArrayBelongsIsAnInvalidField() {
    problem(post("{\"name\":\"n\",\"count\":1,\"lines\":{}}"), 400, "invalid-field", ECHO)
        .body("violations[0].path", equalTo("/lines"))
        .body("violations[0].message", equalTo("expected an array"));
  }

  @Test
  void nullForABooleanIsAnInvalidField() {
    problem(post("{\"name\":\"n\",\"count\":1,\"urgent\":null}"), 400, "invalid-field", ECHO)
        .body("violations[0].path", equalTo("/urgent"));
  }

  @Test
  void anEmptyBodyIsABadRequest() {
    problem(post(""), 400, "bad-request", ECHO);
  }

  @Test
  void aBodyOverTheLimitIsRefusedBeforeItIsRead() {
    String big = "{\"name\":\"" + "x".repeat(1024 * 1024 + 1) + "\",\"count\":1}";
    // With Expect: 100-continue the refusal comes before the body is sent, as it should for a
    // large upload; without it the client may still be writing when the server closes.
    ValidatableResponse refused =
        given()
            .config(
                io.restassured.RestAssured.config()
                    .httpClient(
                        io.restassured.config.HttpClientConfig.httpClientConfig()
                            .setParam(
                                org.apache.http.params.CoreProtocolPNames.USE_EXPECT_CONTINUE,
                                true)))
            .contentType(ContentType.JSON)
            .body(big)
            .post(ECHO)
            .then();
    problem(refused, 413, "body-too-large", ECHO).body("detail", containsString("1048576"));
  }

  @ParameterizedTest
  @EnumSource(HttpClient.Version.class)
  void aStreamedBodyOverTheLimitIsRefusedWithAProblemToo(HttpClient.Version version)
      throws Exception {
    byte[] big = ("{\"name\":\"" + "x".repeat(2 * 1024 * 1024) + "\",\"count\":1}").getBytes();
    HttpRequest request =
        HttpRequest.newBuilder(echoUri)
            .header("Content-Type", "application/json")
            // No length known up front: sent chunked, so only reading the body finds it too large.
            .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big)))
            .build();
    HttpResponse<String> response =
        HttpClient.newBuilder()
            .version(version)
            .build()
            .send(request, HttpResponse.BodyHandlers.ofString());
    assertEquals(413, response.statusCode(), response.body());
    assertEquals(
        "application/problem+json", response.headers().firstValue("Content-Type").orElse(""));
    assertTrue(response.body().contains("\"code\":\"body-too-large\""), response.body());
  }

  @Test
  void aStreamedBodyWithinTheLimitIsRead() throws Exception {
    byte[] body = GOOD.getBytes();
    HttpRequest request =
        HttpRequest.newBuilder(echoUri)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
            .build();
    HttpResponse<String> response = HTTP_1_1.send(request, HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode(), response.body());
    assertTrue(response.body().contains("09506000134352"), response.body());
  }

  @Test
  void anUnknownPathIsNotFound() {
    problem(given().get("/v1/no-such-thing").then(), 404, "not-found", "/v1/no-such-thing");
  }

  @Test
  void aWrongMethodIsNotAllowedAndPointsToOptions() {
    problem(given().delete("/v1/info").then(), 405, "method-not-allowed", "/v1/info")
        .body("detail", containsString("OPTIONS"));
    given().options("/v1/info").then().header("Allow", containsString("GET"));
  }

  @Test
  void aMissingRequiredNumberIsAnInvalidField() {
    problem(post("{\"name\":\"n\",\"urgent\":true}"), 400, "invalid-field", ECHO)
        .body("violations[0].path", equalTo("/count"));
  }

  @Test
  void aBodyOfTheWrongMediaTypeIsUnsupported() {
    problem(
        given().contentType(ContentType.XML).body("<order/>").post(ECHO).then(),
        415,
        "unsupported-media-type",
        ECHO);
  }

  @Test
  void anAcceptHeaderNoRepresentationMatchesIsNotAcceptable() {
    problem(
        given().accept("image/png").get("/test/probe/text").then(),
        406,
        "not-acceptable",
        "/test/probe/text");
  }

  @Test
  void anUnexpectedFailureIsAGenericInternalErrorWithACorrelationId() {
    problem(given().get("/test/probe/boom").then(), 500, "internal-error", "/test/probe/boom")
        .body("correlationId", matchesPattern("[0-9a-f-]{36}"))
        .body(not(containsString("secret")));
  }

  @Test
  void anUnexpectedFailureOfAnAsynchronousAnswerIsAGenericInternalError() {
    problem(
            given().get("/test/probe/boom-later").then(),
            500,
            "internal-error",
            "/test/probe/boom-later")
        .body("correlationId", notNullValue())
        .body(not(containsString("secret")));
  }

  @Test
  void aRouteThatThrowsOutsideTheRestLayerIsAGenericInternalError() {
    problem(
            given().get("/test/http-layer/throws").then(),
            500,
            "internal-error",
            "/test/http-layer/throws")
        .body("correlationId", notNullValue())
        .body(not(containsString("secret")));
  }

  @Test
  void aRouteThatFailsWithAStatusKeepsIt() {
    problem(
        given().get("/test/http-layer/fails-503").then(),
        503,
        "service-unavailable",
        "/test/http-layer/fails-503");
  }

  private static ValidatableResponse post(String body) {
    return given().contentType(ContentType.JSON).body(body).post(ECHO).then();
  }

  /** The checks every problem answer must pass. */
  static ValidatableResponse problem(
      ValidatableResponse response, int status, String code, String instance) {
    Matcher<String> noInternals =
        allOf(
            not(containsString("Exception")),
            not(containsString("java.")),
            not(containsString("jakarta.")),
            not(containsString("\tat ")));
    return response
        .statusCode(status)
        .contentType("application/problem+json")
        .body("type", equalTo("https://markproof.dev/problems/" + code))
        .body("code", equalTo(code))
        .body("status", equalTo(status))
        .body("title", notNullValue())
        .body("detail", notNullValue())
        .body("instance", equalTo(instance))
        .body(noInternals);
  }
}
