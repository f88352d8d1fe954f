package org.markproof.service.log.keys;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.markproof.contracts.checkpoint.CheckpointVerifier;
import org.markproof.contracts.checkpoint.VerifiedCheckpoint;
import org.markproof.contracts.note.Ed25519NoteSigner;
import org.markproof.contracts.note.Ed25519NoteVerifier;
import org.markproof.contracts.note.NoteSignature;
import org.markproof.service.auth.Groups;
import org.markproof.service.log.store.LogStore;
import org.markproof.service.testing.LogFixture;
import org.markproof.service.testing.TestLogKey;
import org.markproof.service.testing.TestTokens;

/**
 * The running service through a log key rotation window, over real HTTP: {@code /checkpoint} serves
 * checkpoints that a client holding only the old key and a client holding only the new key both
 * open (each ignoring the signature it does not know), {@code GET /v1/log/key} publishes the
 * primary, additional and retired keys, and the audit passes.
 */
@QuarkusTest
@TestProfile(LogKeyRotationProfile.class)
class LogKeyRotationEndpointsTest {
  @Inject LogStore store;

  @Test
  void aServedCheckpointOpensWithTheOldKeyAloneAndWithTheNewKeyAlone() throws Exception {
    LogFixture.append(store, 3);
    LogFixture.checkpoint(store, TestLogKey.signer(), TestLogKey.origin());
    byte[] served =
        given()
            .get("/checkpoint")
            .then()
            .statusCode(200)
            .extract()
            .asString()
            .getBytes(StandardCharsets.UTF_8);
    Ed25519NoteVerifier oldKey = TestLogKey.signer().verifier();
    Ed25519NoteVerifier newKey = nextKey();

    VerifiedCheckpoint byOld = CheckpointVerifier.forLog(oldKey).open(served);
    VerifiedCheckpoint byNew = CheckpointVerifier.forLog(newKey).open(served);

    assertEquals(byOld.checkpoint(), byNew.checkpoint());
    assertTrue(byOld.checkpoint().size() >= 3 + 1, "the genesis entry and ours");
    assertTrue(
        isBy(byOld.note().ignored(), newKey), "the old key's client ignores the new signature");
    assertTrue(
        isBy(byNew.note().ignored(), oldKey), "the new key's client ignores the old signature");
  }

  @Test
  void publishesThePrimaryTheAdditionalAndTheRetiredKeys() throws Exception {
    JsonPath key = given().get("/v1/log/key").then().statusCode(200).extract().jsonPath();
    assertEquals(
        TestLogKey.signer().verifier().verifierKey().text(),
        key.getString("checkpointVerifierKey"));
    assertEquals(List.of(nextKey().verifierKey().text()), key.getList("additionalVerifierKeys"));
    assertEquals(
        List.of(
            ConfigProvider.getConfig()
                .getValue("markproof.log.retired-verifier-keys", String.class)),
        key.getList("retiredVerifierKeys"));
  }

  @Test
  void theAuditPassesWithCheckpointsSignedByBothKeys() {
    LogFixture.append(store, 2);
    LogFixture.checkpoint(store, TestLogKey.signer(), TestLogKey.origin());
    JsonPath report =
        given()
            .auth()
            .oauth2(TestTokens.forSubject("ops", Groups.OPERATOR).sign())
            .post("/v1/audit")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertTrue(report.getBoolean("ok"), report.prettify());
    assertTrue(report.getLong("checkpointsChecked") >= 1, report.prettify());
  }

  private static Ed25519NoteVerifier nextKey() throws Exception {
    Path file =
        ConfigProvider.getConfig()
            .getValue("markproof.log.additional-signer-key-files", Path.class);
    return Ed25519NoteSigner.parse(Files.readString(file, StandardCharsets.US_ASCII).strip())
        .verifier();
  }

  private static boolean isBy(List<NoteSignature> signatures, Ed25519NoteVerifier key) {
    return signatures.stream().anyMatch(s -> s.isBy(key.name(), key.keyId()));
  }
}
