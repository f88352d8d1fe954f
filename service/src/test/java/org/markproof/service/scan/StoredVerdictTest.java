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
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.markproof.contracts.crypto.Sha256;
import org.markproof.contracts.entry.CanonicalJson;
import org.markproof.contracts.note.Ed25519NoteVerifier;
import org.markproof.contracts.verdict.VerdictParts;
import org.markproof.contracts.verdict.VerdictSignature;

/**
 * How verdicts are stored: each document without its evidence, the evidence's parts (the
 * checkpoint, each entry relied on) once each in {@code verdict_evidence} for all scans that carry
 * them, and a stored verdict read back through real HTTP exactly as it was answered, its signature
 * valid; rows of the earlier layouts read back as well. On a real PostgreSQL.
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
  void scansStoreTheirEvidenceInSharedPartsAndReadBackAsAnswered() throws Exception {
    List<Map<String, Object>> bodies = new ArrayList<>();
    for (String serial : List.of("STORE001", "STORE002", "STORE003")) {
      bodies.add(w.scanBody(ScanWorld.label(w.labelKey, w.gtin, "L1", serial)));
    }
    // Another batch of the same product (revoked): its own entries, the product's and mark's
    // shared.
    bodies.add(w.scanBody(ScanWorld.label(w.revokedBatchKey, w.gtin, "RB1", "STORE004")));
    bodies.add(w.scanBody("not a label \u2014 caf\u00e9"));
    List<byte[]> answers = new ArrayList<>();
    for (Map<String, Object> body : bodies) {
      answers.add(durableScan(body).asByteArray());
    }
    Ed25519NoteVerifier key = verdictKey();

    List<List<byte[]>> named = new ArrayList<>();
    for (int i = 0; i < bodies.size(); i++) {
      String scanId = (String) bodies.get(i).get("scanId");
      Row stored =
          row(
              "SELECT document, evidence_id, evidence_parts, octet_length(document) AS size"
                  + " FROM scan WHERE scan_id = $1",
              scanId);
      ObjectNode rest = (ObjectNode) JSON.readTree(stored.getString("document"));
      assertFalse(rest.has("evidence"), "the document is stored without its evidence");
      assertTrue(rest.has("signature"));
      assertNull(stored.getValue("evidence_id"), "a new row names parts, not whole evidence");
      byte[] ids = stored.getBuffer("evidence_parts").getBytes();
      assertEquals(0, ids.length % 32);
      List<byte[]> partIds = new ArrayList<>();
      List<byte[]> parts = new ArrayList<>();
      for (int at = 0; at < ids.length; at += 32) {
        byte[] id = Arrays.copyOfRange(ids, at, at + 32);
        Row part = row("SELECT evidence FROM verdict_evidence WHERE id = $1", id);
        byte[] text = part.getString("evidence").getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(Sha256.hash(text), id, "a part is named by its hash");
        partIds.add(id);
        parts.add(text);
      }
      named.add(partIds);
      ObjectNode answered = (ObjectNode) JSON.readTree(answers.get(i));
      byte[] evidence = StoredEvidence.join(parts);
      assertEquals(answered.get("evidence"), JSON.readTree(evidence));
      assertEquals(
          answered.get("evidence").get("entries").size() + 1, parts.size(), "checkpoint, entries");
      assertTrue(
          stored.getInteger("size") < answers.get(i).length - evidence.length + 16,
          "the stored document is the answer less its evidence");

      byte[] back = readBack(scanId);
      assertArrayEquals(answers.get(i), back, new String(back, StandardCharsets.UTF_8));
      VerdictSignature.verify((ObjectNode) JSON.readTree(back), key);
    }
    for (int i = 1; i < 3; i++) {
      assertPartsEqual(named.get(0), named.get(i), "scans of one batch share every part");
    }
    // The other batch, against the same checkpoint: the checkpoint's part and the product's and
    // mark's are those of the first; its batch's entries are its own.
    List<byte[]> first = named.get(0);
    List<byte[]> other = named.get(3);
    assertArrayEquals(first.get(0), other.get(0), "the checkpoint's part is shared");
    int shared = 0;
    int own = 0;
    for (byte[] part : other.subList(1, other.size())) {
      if (first.stream().anyMatch(p -> Arrays.equals(p, part))) {
        shared++;
      } else {
        own++;
      }
    }
    assertEquals(2, shared, "the product's and the mark's entries are stored once for both");
    assertTrue(own >= 1, "the batch's entry is its own");
    for (byte[] id : first) {
      assertEquals(
          1L, row("SELECT count(*) AS n FROM verdict_evidence WHERE id = $1", id).getLong("n"));
    }
  }

  private static void assertPartsEqual(List<byte[]> expected, List<byte[]> actual, String why) {
    assertEquals(expected.size(), actual.size(), why);
    for (int p = 0; p < expected.size(); p++) {
      assertArrayEquals(expected.get(p), actual.get(p), why);
    }
  }

  @Test
  void evidenceRowsCannotBeChangedRemovedOrMisnamed() throws Exception {
    Map<String, Object> body = w.scanBody(ScanWorld.label(w.labelKey, w.gtin, "L1", "STORE010"));
    durableScan(body);
    byte[] id =
        Arrays.copyOf(
            row("SELECT evidence_parts FROM scan WHERE scan_id = $1", body.get("scanId"))
                .getBuffer("evidence_parts")
                .getBytes(),
            32);
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
    byte[] nothing = Sha256.hash("nothing stored under this".getBytes(StandardCharsets.UTF_8));
    assertRefused(
        "scan_evidence_parts_stored",
        "UPDATE scan SET evidence_parts = evidence_parts || $1 WHERE scan_id = $2",
        nothing,
        body.get("scanId"));
    assertRefused(
        "scan_evidence_parts_are_names",
        "UPDATE scan SET evidence_parts = substring(evidence_parts FROM 2) WHERE scan_id = $1",
        body.get("scanId"));
    assertRefused(
        "scan_evidence_stored_one_way",
        "UPDATE scan SET evidence_id = $1 WHERE scan_id = $2",
        id,
        body.get("scanId"));
    assertRefused(
        "scan_evidence_id_fkey",
        "UPDATE scan SET evidence_parts = NULL, evidence_id = $1 WHERE scan_id = $2",
        nothing,
        body.get("scanId"));
    // A whole statement of rows is checked, not just its first row.
    Map<String, Object> second = w.scanBody(ScanWorld.label(w.labelKey, w.gtin, "L1", "STORE011"));
    durableScan(second);
    assertRefused(
        "scan_evidence_parts_stored",
        "UPDATE scan SET evidence_parts = CASE WHEN scan_id = $2 THEN evidence_parts || $1"
            + " ELSE evidence_parts END WHERE scan_id IN ($2, $3)",
        nothing,
        second.get("scanId"),
        body.get("scanId"));
  }

  @Test
  void aRowWrittenWithWholeEvidenceIsReadAsAnswered() throws Exception {
    Map<String, Object> body = w.scanBody(ScanWorld.label(w.labelKey, w.gtin, "L1", "STORE030"));
    byte[] answer = durableScan(body).asByteArray();
    VerdictParts parts = VerdictParts.split(signed(answer)).orElseThrow();
    String wholeId = UUID.randomUUID().toString();
    // As V10..V14 wrote rows: the document without its evidence, the evidence whole.
    row(
        "INSERT INTO verdict_evidence (id, evidence) VALUES ($1, convert_from($2, 'UTF8'))"
            + " ON CONFLICT DO NOTHING",
        parts.evidenceId(),
        parts.evidence());
    row(
        "INSERT INTO scan (scan_id, submitter, post_id, lat, lon, scanned_at, received_at, code,"
            + " verdict, fingerprint, document, evidence_id)"
            + " SELECT $1, submitter, post_id, lat, lon, scanned_at, received_at, code, verdict,"
            + " fingerprint, convert_from($2, 'UTF8'), $3 FROM scan WHERE scan_id = $4",
        wholeId,
        parts.rest(),
        parts.evidenceId(),
        body.get("scanId"));
    assertArrayEquals(answer, readBack(wholeId));
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

  /** An answered verdict with its evidence member located, as the service signed it. */
  private static VerdictSignature.Signed signed(byte[] answer) throws Exception {
    byte[] evidence = CanonicalJson.bytes(JSON.readTree(answer).get("evidence"));
    String text = new String(answer, StandardCharsets.UTF_8);
    String name = "\"evidence\":";
    int start = text.indexOf(name);
    assertTrue(start > 0 && text.indexOf(name, start + 1) < 0, "one evidence member");
    int byteStart = text.substring(0, start).getBytes(StandardCharsets.UTF_8).length;
    return new VerdictSignature.Signed(
        answer, byteStart, byteStart + name.length() + evidence.length);
  }

  private void assertRefused(String why, String sql, Object... args) {
    RuntimeException e = assertThrows(RuntimeException.class, () -> row(sql, args));
    assertTrue(e.getMessage().contains(why), e.getMessage());
  }
}
