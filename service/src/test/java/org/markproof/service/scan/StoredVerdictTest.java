package org.markproof.service.scan;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.markproof.contracts.crypto.Sha256;
import org.markproof.contracts.note.Ed25519NoteVerifier;
import org.markproof.contracts.verdict.VerdictSignature;

/**
 * How verdicts are stored: each document without its evidence, the evidence once in {@code
 * verdict_evidence} for all scans that carry it, and a stored verdict read back through real HTTP
 * exactly as it was answered, its signature valid. On a real PostgreSQL.
 */
@QuarkusTest
@TestProfile(ScanProfile.class)
class StoredVerdictTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration WAIT = Duration.ofSeconds(30);

  @Inject Pool pool;
  @Inject ScanRecorder recorder;

  private ScanWorld w;

  @org.junit.jupiter.api.BeforeEach
  void world() {
    w = ScanWorld.get();
  }

  private Response durableScan(Map<String, Object> body) {
    Response r = w.durableScan(w.officerToken(), body);
    assertEquals(200, r.statusCode(), r.asString());
    assertEquals("durable", r.header("Markproof-Record"));
    return r;
  }

  private byte[] readBack(String scanId) {
    assertTrue(recorder.recent(scanId).isEmpty(), "a written verdict is read from the table");
    return given()
        .auth()
        .oauth2(w.officerToken())
        .get("/v1/scans/" + scanId)
        .then()
        .statusCode(200)
        .header("Markproof-Record", "durable")
        .extract()
        .asByteArray();
  }

  private Row row(String sql, Object... args) {
    Object[] values = new Object[args.length];
    for (int i = 0; i < args.length; i++) {
      values[i] = args[i] instanceof byte[] b ? io.vertx.core.buffer.Buffer.buffer(b) : args[i];
    }
    var rows = pool.preparedQuery(sql).execute(Tuple.from(values)).await().atMost(WAIT);
    return rows.iterator().hasNext() ? rows.iterator().next() : null;
  }

  private Ed25519NoteVerifier verdictKey() throws Exception {
    String key = given().get("/v1/scans/key").then().statusCode(200).extract().path("verdictKey");
    return Ed25519NoteVerifier.parse(key);
  }

  @Test
  void scansOfOneBatchStoreTheirEvidenceOnceAndReadBackAsAnswered() throws Exception {
    List<Map<String, Object>> bodies = new ArrayList<>();
    String lot = "L1";
    for (String serial : List.of("STORE001", "STORE002", "STORE003")) {
      bodies.add(w.scanBody(ScanWorld.label(w.labelKey, w.gtin, lot, serial)));
    }
    bodies.add(w.scanBody("not a label \u2014 caf\u00e9"));
    List<byte[]> answers = new ArrayList<>();
    for (Map<String, Object> body : bodies) {
      answers.add(durableScan(body).asByteArray());
    }
    Ed25519NoteVerifier key = verdictKey();

    byte[] evidenceId = null;
    for (int i = 0; i < bodies.size(); i++) {
      String scanId = (String) bodies.get(i).get("scanId");
      Row stored =
          row(
              "SELECT document, evidence_id, octet_length(document) AS size FROM scan"
                  + " WHERE scan_id = $1",
              scanId);
      ObjectNode rest = (ObjectNode) JSON.readTree(stored.getString("document"));
      assertFalse(rest.has("evidence"), "the document is stored without its evidence");
      assertTrue(rest.has("signature"));
      byte[] id = stored.getBuffer("evidence_id").getBytes();
      Row evidence = row("SELECT evidence FROM verdict_evidence WHERE id = $1", id);
      byte[] evidenceText = evidence.getString("evidence").getBytes(StandardCharsets.UTF_8);
      assertArrayEquals(Sha256.hash(evidenceText), id, "named by its hash");
      ObjectNode answered = (ObjectNode) JSON.readTree(answers.get(i));
      assertEquals(answered.get("evidence"), JSON.readTree(evidenceText));
      assertTrue(
          stored.getInteger("size") < answers.get(i).length - evidenceText.length + 16,
          "the stored document is the answer less its evidence");
      if (i == 1 || i == 2) {
        assertArrayEquals(evidenceId, id, "scans of one batch share one evidence row");
      }
      if (i == 0) {
        evidenceId = id;
      }

      byte[] back = readBack(scanId);
      assertArrayEquals(answers.get(i), back, new String(back, StandardCharsets.UTF_8));
      VerdictSignature.verify((ObjectNode) JSON.readTree(back), key);
    }
    assertEquals(
        1L,
        row("SELECT count(*) AS n FROM verdict_evidence WHERE id = $1", evidenceId).getLong("n"));
  }

  @Test
  void evidenceRowsCannotBeChangedRemovedOrMisnamed() throws Exception {
    Map<String, Object> body = w.scanBody(ScanWorld.label(w.labelKey, w.gtin, "L1", "STORE010"));
    durableScan(body);
    byte[] id =
        row("SELECT evidence_id FROM scan WHERE scan_id = $1", body.get("scanId"))
            .getBuffer("evidence_id")
            .getBytes();
    assertRefused(
        "verdict_evidence is append-only",
        "UPDATE verdict_evidence SET evidence = evidence || ' ' WHERE id = $1",
        id);
    assertRefused(
        "verdict_evidence is append-only", "DELETE FROM verdict_evidence WHERE id = $1", id);
    assertRefused(
        "verdict_evidence_named_by_hash",
        "INSERT INTO verdict_evidence (id, evidence) VALUES ($1, '{\"checkpoint\":\"forged\"}')",
        Sha256.hash("{}".getBytes(StandardCharsets.UTF_8)));
    assertRefused(
        "scan_evidence_id_fkey",
        "UPDATE scan SET evidence_id = $1 WHERE scan_id = $2",
        Sha256.hash("nothing stored under this".getBytes(StandardCharsets.UTF_8)),
        body.get("scanId"));
  }

  @Test
  void aRowWrittenBeforeEvidenceWasSharedIsReadAsItsWholeDocument() throws Exception {
    Map<String, Object> body = w.scanBody(ScanWorld.label(w.labelKey, w.gtin, "L1", "STORE020"));
    byte[] answer = durableScan(body).asByteArray();
    String legacyId = UUID.randomUUID().toString();
    // As V6..V9 wrote rows: the whole signed document, no evidence_id.
    row(
        "INSERT INTO scan (scan_id, submitter, post_id, lat, lon, scanned_at, received_at, code,"
            + " verdict, fingerprint, document)"
            + " SELECT $1, submitter, post_id, lat, lon, scanned_at, received_at, code, verdict,"
            + " fingerprint, $2 FROM scan WHERE scan_id = $3",
        legacyId,
        new String(answer, StandardCharsets.UTF_8),
        body.get("scanId"));
    assertNull(
        row("SELECT evidence_id FROM scan WHERE scan_id = $1", legacyId).getValue("evidence_id"));
    assertArrayEquals(answer, readBack(legacyId));
  }

  private void assertRefused(String why, String sql, Object... args) {
    RuntimeException e = assertThrows(RuntimeException.class, () -> row(sql, args));
    assertTrue(e.getMessage().contains(why), e.getMessage());
  }
}
