package org.markproof.service.scan;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.markproof.contracts.checkpoint.CheckpointVerifier;
import org.markproof.contracts.crypto.SignatureVerificationException;
import org.markproof.contracts.note.Ed25519NoteVerifier;
import org.markproof.contracts.note.VerifierKey;
import org.markproof.contracts.verdict.EvidenceVerifier;
import org.markproof.contracts.verdict.VerdictSignature;

/**
 * After a verdict key rotation the service signs new verdicts with the new key and publishes the
 * old one at {@code GET /v1/scans/key} ({@code previousVerdictKeys}): a verdict signed before the
 * rotation still verifies, offline, with the key its {@code signature.key} names.
 */
@QuarkusTest
@TestProfile(VerdictKeyRotationProfile.class)
class VerdictKeyRotationTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void aVerdictSignedBeforeTheRotationVerifiesWithThePublishedPreviousKey() throws Exception {
    ScanWorld w = ScanWorld.get();
    JsonPath published = given().get("/v1/scans/key").then().statusCode(200).extract().jsonPath();
    Ed25519NoteVerifier current = Ed25519NoteVerifier.parse(published.getString("verdictKey"));
    List<Ed25519NoteVerifier> keys = new ArrayList<>(List.of(current));
    for (String text : published.getList("previousVerdictKeys", String.class)) {
      keys.add(Ed25519NoteVerifier.parse(text));
    }
    Ed25519NoteVerifier old = VerdictKeyRotationProfile.previousKey().verifier();
    assertEquals(
        List.of(old.verifierKey().text()), published.getList("previousVerdictKeys", String.class));

    String serial = "R" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    Response response =
        w.scan(w.officerToken(), w.scanBody(ScanWorld.label(w.labelKey, w.gtin, "L1", serial)));
    assertEquals(200, response.statusCode(), response.asString());
    ObjectNode now = (ObjectNode) JSON.readTree(response.asString());
    assertEquals("GENUINE", now.get("verdict").textValue(), now.toString());
    assertEquals(keyName(current), now.at("/signature/key").textValue(), "new verdicts name B");
    assertEquals("GENUINE", verifyOffline(now, named(now, keys)));

    // The same verdict as the service signed it while the old key was its verdict key.
    ObjectNode before =
        VerdictSignature.sign(now.deepCopy(), VerdictKeyRotationProfile.previousKey());
    Ed25519NoteVerifier namedKey = named(before, keys);
    assertEquals(old.verifierKey(), namedKey.verifierKey());
    assertEquals("GENUINE", verifyOffline(before, namedKey));
    assertThrows(
        SignatureVerificationException.class, () -> VerdictSignature.verify(before, current));
  }

  /** What {@code edge-scanner evidence verify --verdict-key KEY} checks, with the log's key. */
  private static String verifyOffline(ObjectNode document, Ed25519NoteVerifier verdictKey)
      throws Exception {
    String logKey =
        given().get("/v1/log/key").then().statusCode(200).extract().path("checkpointVerifierKey");
    return EvidenceVerifier.of(
            CheckpointVerifier.forLog(Ed25519NoteVerifier.parse(logKey)), verdictKey)
        .verify(JSON.writeValueAsBytes(document))
        .verdict();
  }

  /** The published key that {@code signature.key} names, as an auditor picks it. */
  private static Ed25519NoteVerifier named(ObjectNode document, List<Ed25519NoteVerifier> keys) {
    String name = document.at("/signature/key").textValue();
    return keys.stream()
        .filter(k -> keyName(k).equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no published verdict key is named " + name));
  }

  private static String keyName(Ed25519NoteVerifier key) {
    return key.name() + "+" + VerifierKey.hexKeyId(key.keyId());
  }
}
