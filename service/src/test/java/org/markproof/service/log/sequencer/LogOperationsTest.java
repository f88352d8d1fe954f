package org.markproof.service.log.sequencer;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.markproof.contracts.checkpoint.Ed25519CosignatureVerifier;
import org.markproof.contracts.entry.ParticipantRole;
import org.markproof.contracts.note.Ed25519NoteVerifier;
import org.markproof.service.intake.EntryIntake;
import org.markproof.service.log.index.LedgerView;
import org.markproof.service.log.keys.LogKeys;
import org.markproof.service.testing.LedgerFixture;

/**
 * What operators and clients see of the log engine over real HTTP: the published keys, the
 * readiness check of the index, and the gauges the PrometheusRule alerts on.
 */
@QuarkusTest
class LogOperationsTest {
  @Inject LogKeys keys;
  @Inject EntryIntake intake;
  @Inject LedgerView ledger;
  @Inject SequencerService service;

  @Test
  void publishesTheVerifierKeysAndOrigin() throws Exception {
    JsonPath key = given().get("/v1/log/key").then().statusCode(200).extract().jsonPath();
    assertEquals(keys.origin(), key.getString("origin"));
    Ed25519NoteVerifier log = Ed25519NoteVerifier.parse(key.getString("checkpointVerifierKey"));
    Ed25519CosignatureVerifier timestamp =
        Ed25519CosignatureVerifier.parse(key.getString("timestampVerifierKey"));
    assertEquals(keys.checkpointVerifier().verifierKey(), log.verifierKey());
    assertEquals(keys.timestampVerifier().verifierKey(), timestamp.verifierKey());
    assertEquals(key.getString("origin"), log.name(), "the log key is named after the origin");
    assertEquals(List.of(), key.getList("additionalVerifierKeys"), "no rotation under way");
    assertEquals(List.of(), key.getList("retiredVerifierKeys"));
  }

  @Test
  void readinessReportsTheIndexCaughtUp() {
    given()
        .get("/q/health/ready")
        .then()
        .statusCode(200)
        .body("checks.name", hasItem("markproof log index"))
        .body("checks.find { it.name == 'markproof log index' }.status", equalTo("UP"));
  }

  @Test
  void exportsTheGaugesTheAlertsUse() throws InterruptedException {
    LedgerFixture.ensureGenesis(intake, ledger);
    Sequencer sequencer = service.sequencer().orElseThrow();
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!sequencer.isLeader() && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    String metrics =
        given().accept("text/plain").get("/q/metrics").then().statusCode(200).extract().asString();
    for (String name :
        new String[] {
          "markproof_checkpoint_signed_timestamp_seconds",
          "markproof_checkpoint_size",
          "markproof_sequencer_leader",
          "markproof_sequencer_pending_entries",
          "markproof_sequencer_oldest_pending_age_seconds"
        }) {
      assertTrue(metrics.contains("\n" + name + " ") || metrics.contains("\n" + name + "{"), name);
    }
    assertTrue(
        metrics.contains("\nmarkproof_sequencer_leader 1.0"),
        "the service's sequencer is the one leader of the shared test log");
  }

  @Test
  void countsSubmissionsByKindAndOutcomeAndMeasuresAppends() {
    LedgerFixture.ensureGenesis(intake, ledger);
    String id = LedgerFixture.freshId("metered");
    var accepted =
        intake
            .submit(LedgerFixture.enrol(id, new ParticipantRole.BrandOwner()), null)
            .await()
            .atMost(Duration.ofSeconds(30));
    assertTrue(
        intake
                .awaitSequenced(accepted.submission(), Duration.ofSeconds(30))
                .await()
                .atMost(Duration.ofSeconds(40))
            != null,
        "sequenced");
    intake
        .submit(LedgerFixture.enrol(id, new ParticipantRole.BrandOwner()), null)
        .await()
        .atMost(Duration.ofSeconds(30));
    String metrics =
        given().accept("text/plain").get("/q/metrics").then().statusCode(200).extract().asString();
    for (String series :
        new String[] {
          "markproof_submissions_total{kind=\"participant.enrolled\",outcome=\"accepted\"",
          "markproof_submissions_total{kind=\"participant.enrolled\",outcome=\"replayed\"",
          "markproof_sequencer_batch_entries_count",
          "markproof_sequencer_append_seconds_count",
          "markproof_sequencer_rejected_total"
        }) {
      assertTrue(metrics.contains("\n" + series), series + " in\n" + metrics);
    }
  }
}
