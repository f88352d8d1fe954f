package org.markproof.service;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class HealthTest {

  @Test
  void livenessAndReadinessAnswerUp() {
    given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
  }

  @Test
  void infoNamesTheProtocol() {
    given().when().get("/v1/info").then().statusCode(200).body("protocol", equalTo("markproof/v1"));
  }
}
