package org.markproof.service.k8s;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Probe;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The running service answers every probe path the rendered Deployments use: 200 when healthy or
 * 503 when a check is down, with a health report, never 404 (a probe on a path the service does not
 * serve would restart every pod, or keep it out of the Service forever).
 */
@QuarkusTest
class ProbeEndpointsTest {

  @Test
  void everyRenderedProbePathIsServed() {
    List<String> paths = new ArrayList<>();
    for (String overlay : List.of("dev", "prod")) {
      Container container =
          Kustomize.overlay(overlay)
              .workloadRunning(ServiceEnvironmentTest.SERVICE_CONTAINER)
              .container(ServiceEnvironmentTest.SERVICE_CONTAINER);
      Stream.of(
              container.getStartupProbe(),
              container.getReadinessProbe(),
              container.getLivenessProbe())
          .map(Probe::getHttpGet)
          .forEach(get -> paths.add(get.getPath()));
    }
    assertEquals(6, paths.size());
    for (String path : paths.stream().distinct().toList()) {
      given()
          .get(path)
          .then()
          .statusCode(anyOf(is(200), is(503)))
          .body("status", anyOf(equalTo("UP"), equalTo("DOWN")))
          .body("checks", notNullValue());
    }
  }

  @Test
  void anUnservedPathWouldBeCaught() {
    given().get("/q/health/startup").then().statusCode(404);
  }
}
