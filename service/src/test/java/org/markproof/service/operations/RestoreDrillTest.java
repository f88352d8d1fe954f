package org.markproof.service.operations;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.markproof.contracts.checkpoint.CheckpointVerifier;
import org.markproof.contracts.checkpoint.VerifiedCheckpoint;
import org.markproof.contracts.entry.ParticipantRole;
import org.markproof.contracts.merkle.ProofVerifier;
import org.markproof.contracts.note.SignerKey;
import org.markproof.service.auth.Groups;
import org.markproof.service.log.index.IndexMismatchException;
import org.markproof.service.log.index.LedgerIndex;
import org.markproof.service.log.keys.FreshLogKeys;
import org.markproof.service.log.keys.LogKeys;
import org.markproof.service.log.store.LogStore;
import org.markproof.service.log.store.StoredCheckpoint;
import org.markproof.service.problem.ProblemResponses;
import org.markproof.service.testing.LedgerFixture;
import org.markproof.service.testing.TestTokens;

/**
 * The restore drill of docs/operations.md on real PostgreSQL and real HTTP: a production log signed
 * with key K is backed up and restored into a new database ({@link RestoreDrill}), and this service
 * runs on the copy with K's verifier key alone. It serves production's checkpoint as stored, proofs
 * that verify with K, an audit that reports the log good, and a consistency proof from the restored
 * checkpoint to production's newer one verifies; it signs nothing, sequences nothing and answers
 * submissions 503 {@code log-read-only}; the copy is still refused with any other key.
 */
@QuarkusTest
@TestProfile(RestoreDrillProfile.class)
class RestoreDrillTest {
  private static final Duration WAIT = Duration.ofSeconds(30);

  @Inject Vertx vertx;
  @Inject Pool pool;

  @Test
  void servesProductionsCheckpointAsStoredAndProofsThatVerifyWithItsKey() throws Exception {
    String served = given().get("/checkpoint").then().statusCode(200).extract().asString();

    assertEquals(Files.readString(RestoreDrill.checkpointFile(workDir())), served);
    VerifiedCheckpoint checkpoint = production().open(served.getBytes(StandardCharsets.UTF_8));
    long size = checkpoint.checkpoint().size();
    assertEquals(1 + RestoreDrill.ENTRIES_BEFORE_BACKUP, size, "genesis and the entries");

    JsonPath proof =
        given()
            .get("/v1/log/proof/inclusion?index=2&size=" + size)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    ProofVerifier.verifyInclusion(
        2,
        size,
        base64(proof.getString("leafHash")),
        proof.getList("proof", String.class).stream().map(RestoreDrillTest::base64).toList(),
        checkpoint.checkpoint().rootHash());
    assertEquals(served, proof.getString("checkpoint"));
  }

  @Test
  void saysItIsVerifierOnlyInItsKeysAndItsReadiness() throws Exception {
    JsonPath key = given().get("/v1/log/key").then().statusCode(200).extract().jsonPath();
    assertEquals("verifier-only", key.getString("mode"));
    assertEquals(RestoreDrill.ORIGIN, key.getString("origin"));
    assertEquals(
        productionKeys().checkpointVerifier().verifierKey().text(),
        key.getString("checkpointVerifierKey"));
    assertNull(key.getString("timestampVerifierKey"), "no timestamp verifier key was configured");

    JsonPath ready = given().get("/q/health/ready").then().statusCode(200).extract().jsonPath();
    String check = "checks.find { it.name == 'markproof log index' }";
    assertEquals("UP", ready.getString(check + ".status"), ready.prettify());
    assertEquals("verifier-only", ready.getString(check + ".data.mode"), ready.prettify());
  }

  @Test
  void theAuditReportsTheRestoredLogGood() {
    JsonPath report =
        given()
            .auth()
            .oauth2(TestTokens.forSubject("drill-operator", Groups.OPERATOR).sign())
            .post("/v1/audit")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertTrue(report.getBoolean("ok"), report.prettify());
    assertEquals(1 + RestoreDrill.ENTRIES_BEFORE_BACKUP, report.getLong("entriesChecked"));
    assertTrue(report.getLong("checkpointsChecked") >= 1, report.prettify());
  }

  @Test
  void submissionsAnswer503AndNothingIsWrittenSequencedOrSigned() throws Exception {
    Map<String, Long> before = counts();
    assertEquals(1L, before.get("pending"), "production left one submission pending");
    assertEquals(0L, before.get("advisory locks"), "no sequencer holds the lock");
    String operator = TestTokens.forSubject(LedgerFixture.OPERATOR, Groups.OPERATOR).sign();

    given()
        .auth()
        .oauth2(operator)
        .contentType("application/json")
        .body(
            LedgerFixture.enrol(LedgerFixture.freshId("drill"), new ParticipantRole.BrandOwner())
                .encoded())
        .post("/v1/entries?wait=true")
        .then()
        .statusCode(503)
        .contentType(startsWith(ProblemResponses.MEDIA_TYPE))
        .body("code", equalTo("log-read-only"))
        .body("type", equalTo("https://markproof.dev/problems/log-read-only"))
        .body("instance", equalTo("/v1/entries"));
    // Authentication comes first: an anonymous caller learns nothing more than elsewhere.
    given().contentType("application/json").body("{}").post("/v1/entries").then().statusCode(401);
    // Custodial: refused before the service makes a key for the new participant.
    given()
        .auth()
        .oauth2(operator)
        .contentType("application/json")
        .body(
            "{\"participant\": \"drill-custodial\", \"displayName\": \"Drill\","
                + " \"role\": {\"type\": \"brand-owner\"}}")
        .post("/v1/participants")
        .then()
        .statusCode(503)
        .body("code", equalTo("log-read-only"));

    // The sequencer never started: no advisory lock, the pending submission stays pending and no
    // checkpoint is signed, well past the settle time and the lock retry interval.
    Thread.sleep(1_500);
    assertEquals(before, counts());
  }

  @Test
  void aConsistencyProofFromTheRestoredCheckpointToProductionsNewerOneVerifies() throws Exception {
    String restoredNote = given().get("/checkpoint").then().statusCode(200).extract().asString();
    VerifiedCheckpoint restored = production().open(restoredNote.getBytes(StandardCharsets.UTF_8));
    long size1 = restored.checkpoint().size();

    try (ProductionLog log = ProductionLog.start(vertx, productionDatabase(), productionKeys())) {
      StoredCheckpoint newer = log.append(3);
      VerifiedCheckpoint latest = production().open(newer.note().getBytes(StandardCharsets.UTF_8));
      long size2 = latest.checkpoint().size();
      assertTrue(size2 > size1, size2 + " after " + size1);

      ProofVerifier.verifyConsistency(
          size1,
          size2,
          log.consistencyProof(size1, size2),
          restored.checkpoint().rootHash(),
          latest.checkpoint().rootHash());
    }
    assertEquals(
        restoredNote,
        given().get("/checkpoint").then().statusCode(200).extract().asString(),
        "the copy does not follow production");
  }

  @Test
  void theRestoredLogIsRefusedAtStartWithAnyOtherKey() throws Exception {
    LogStore store = new LogStore(pool);
    LedgerIndex withK =
        new LedgerIndex(
            store,
            LogKeys.verifierOnly(
                RestoreDrill.ORIGIN,
                List.of(productionKeys().checkpointVerifier().verifierKey()),
                List.of(),
                Optional.empty()));
    withK.catchUp();
    assertTrue(withK.isCaughtUp(), "K's verifier key opens the restored checkpoints");

    SignerKey drillKey = FreshLogKeys.checkpointKey(RestoreDrill.ORIGIN);
    SignerKey drillTimestamp = FreshLogKeys.timestampKey(RestoreDrill.ORIGIN);
    for (LogKeys other :
        List.of(
            LogKeys.of(RestoreDrill.ORIGIN, drillKey, drillTimestamp),
            LogKeys.verifierOnly(
                RestoreDrill.ORIGIN,
                List.of(drillKey.verifierKey()),
                List.of(),
                Optional.empty()))) {
      LedgerIndex index = new LedgerIndex(store, other);
      IndexMismatchException refused = assertThrows(IndexMismatchException.class, index::catchUp);
      assertTrue(refused.getMessage().contains("does not verify"), refused.getMessage());
      assertFalse(index.isCaughtUp(), "a replica with " + other + " never becomes ready");
    }
  }

  /** Rows that a submission, a custodial enrolment, a sequencer or a signer would change. */
  private Map<String, Long> counts() {
    return Map.of(
        "submissions",
        count("SELECT count(*) FROM submission"),
        "pending",
        count("SELECT count(*) FROM submission WHERE status = 'pending'"),
        "custodial keys",
        count("SELECT count(*) FROM custodial_key"),
        "entries",
        count("SELECT count(*) FROM log_entry"),
        "checkpoints",
        count("SELECT count(*) FROM checkpoint"),
        "advisory locks",
        count(
            "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND database ="
                + " (SELECT oid FROM pg_database WHERE datname = current_database())"));
  }

  private long count(String sql) {
    return pool.query(sql).execute().await().atMost(WAIT).iterator().next().getLong(0);
  }

  private static CheckpointVerifier production() throws Exception {
    return CheckpointVerifier.forLog(productionKeys().checkpointVerifier());
  }

  private static LogKeys productionKeys() throws Exception {
    return RestoreDrill.productionKeys(workDir());
  }

  private static Path workDir() {
    return ConfigProvider.getConfig().getValue("markproof.test.drill.work-dir", Path.class);
  }

  private static DrillServer.Database productionDatabase() {
    Config config = ConfigProvider.getConfig();
    return new DrillServer.Database(
        config.getValue("markproof.test.drill.host", String.class),
        config.getValue("markproof.test.drill.port", Integer.class),
        config.getValue("markproof.test.drill.production-database", String.class),
        config.getValue("quarkus.datasource.username", String.class),
        config.getOptionalValue("quarkus.datasource.password", String.class).orElse(""));
  }

  private static byte[] base64(String text) {
    return Base64.getDecoder().decode(text);
  }
}
