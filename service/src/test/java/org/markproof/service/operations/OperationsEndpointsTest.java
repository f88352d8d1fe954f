package org.markproof.service.operations;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** What an operator and a Kubernetes probe see: health, metrics, the API description. */
@QuarkusTest
class OperationsEndpointsTest {

  @Test
  void livenessAnswersUp() {
    given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
  }

  @Test
  void readinessAnswersUpAndIncludesTheDatabase() {
    given()
        .get("/q/health/ready")
        .then()
        .statusCode(200)
        .body("status", equalTo("UP"))
        .body("checks.name", hasItem(containsString("PostgreSQL")))
        .body("checks.status", hasItem("UP"));
  }

  @Test
  void prometheusMetricsCountHttpRequests() {
    given().get("/v1/info").then().statusCode(200);
    given()
        .accept("text/plain")
        .get("/q/metrics")
        .then()
        .statusCode(200)
        .body(containsString("http_server_requests_seconds_count"))
        .body(containsString("uri=\"/v1/info\""));
  }

  @Test
  void openApiDescribesTheEndpointsAndTheirBearerAuth() {
    given()
        .accept("application/json")
        .get("/q/openapi")
        .then()
        .statusCode(200)
        .body("info.title", equalTo("markproof"))
        .body("paths.'/v1/info'.get", notNullValue())
        .body("paths.'/v1/me'.get.security[0].bearer", notNullValue())
        .body("components.securitySchemes.bearer.scheme", equalTo("bearer"));
  }

  @Test
  void swaggerUiIsServed() {
    given().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger"));
  }

  @Test
  void infoNamesTheProtocol() {
    given().get("/v1/info").then().statusCode(200).body("protocol", equalTo("markproof/v1"));
  }
}
