package org.markproof.service.demo;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.markproof.contracts.checkpoint.Checkpoint;
import org.markproof.service.state.StateProjector;

/**
 * The demo seeds a real ledger through the public API on an empty database: every step accepted and
 * sequenced, tokens that the service accepts for each role, labels with their payloads, and a state
 * the query API shows; seeding again changes nothing.
 */
@QuarkusTest
@TestProfile(DemoLedgerProfile.class)
class DemoSeederTest {
  @Inject DemoSeeder seeder;
  @Inject StateProjector projector;

  @TestHTTPResource("/")
  URL base;

  @Test
  void seedsTheDemoLedgerThroughThePublicApiWhenTheServiceStarts() throws Exception {
    Path demo = seeder.seeded().toCompletableFuture().get(60, TimeUnit.SECONDS);
    assertEquals(DemoLedgerProfile.DATA_DIR.resolve("demo"), demo);
    assertTrue(Files.exists(demo.resolve("seeded")), "the demo marks its data directory seeded");

    String checkpoint = given().get("/checkpoint").then().statusCode(200).extract().asString();
    long size = Checkpoint.parse(checkpoint.substring(0, checkpoint.indexOf("\n\n") + 1)).size();
    int steps = DemoScenario.PARTICIPANTS.size() + 8;
    assertEquals(steps, size, "every demo step is in the log, and nothing else");

    for (String role :
        List.of("operator", "registrar-em", "registrar-au", "brand-owner", "licensee", "customs")) {
      Path file = demo.resolve("tokens/" + role + ".jwt");
      assertTrue(Files.exists(file), file.toString());
      given().auth().oauth2(token(demo, role)).get("/v1/me").then().statusCode(200);
    }
    List<String> payloads = Files.readAllLines(demo.resolve("labels/payloads.txt"));
    assertEquals(DemoLabels.GENUINE_PER_BATCH * 2 + 4, payloads.size());

    projector.catchUp();
    given()
        .auth()
        .oauth2(token(demo, "customs"))
        .get("/v1/trademarks/EM/018000001")
        .then()
        .statusCode(200)
        .body("holder", equalTo("acme"))
        .body("licenses", hasSize(1));
    given()
        .auth()
        .oauth2(token(demo, "brand-owner"))
        .get("/v1/batches/09506000134352/LOT2026A")
        .then()
        .statusCode(200)
        .body("revokedSerials", hasSize(1));
    given()
        .auth()
        .oauth2(token(demo, "licensee"))
        .get("/v1/batches/09506000134352/LOT2026A")
        .then()
        .statusCode(404);

    seeder.seed(base.toURI(), demo);
    String again = given().get("/checkpoint").then().statusCode(200).extract().asString();
    assertEquals(
        size,
        Checkpoint.parse(again.substring(0, again.indexOf("\n\n") + 1)).size(),
        "a seeded data directory is not seeded twice");
  }

  private static String token(Path demo, String role) throws Exception {
    return Files.readString(demo.resolve("tokens/" + role + ".jwt")).strip();
  }
}
