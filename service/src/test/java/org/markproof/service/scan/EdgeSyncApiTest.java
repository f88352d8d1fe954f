package org.markproof.service.scan;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.markproof.service.submission.TestLedger.token;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.markproof.contracts.checkpoint.Checkpoint;
import org.markproof.contracts.checkpoint.VerifiedCheckpoint;
import org.markproof.contracts.edge.EdgeBundle;
import org.markproof.contracts.edge.EdgeBundleReader;
import org.markproof.contracts.merkle.MerkleHashes;
import org.markproof.contracts.merkle.ProofVerifier;
import org.markproof.contracts.note.Ed25519NoteSigner;
import org.markproof.contracts.note.SignedNote;
import org.markproof.service.auth.Groups;
import org.markproof.service.submission.TestLedger;
import org.markproof.service.testing.TestLogKey;

/**
 * What a border post syncs from and reports to, through real HTTP on a real PostgreSQL: the edge
 * bundle read back with contracts' reader and proven against the checkpoint it carries, its bad
 * {@code since} values, and fork/rollback evidence checked against the log's key and tree.
 */
@QuarkusTest
@TestProfile(ScanProfile.class)
class EdgeSyncApiTest {
  private ScanWorld w;

  @BeforeEach
  void world() {
    w = ScanWorld.get();
  }

  /** A bundle read back: its checkpoint verified with the log key, its entries in order. */
  private record Bundle(EdgeBundle header, Checkpoint checkpoint, List<byte[]> entries) {}

  private static Bundle bundle(long since) throws Exception {
    Response response = given().queryParam("since", since).get("/v1/edge/bundle");
    assertEquals(200, response.statusCode(), response.asString());
    assertEquals(EdgeBundle.MEDIA_TYPE, response.contentType());
    EdgeBundleReader reader =
        EdgeBundleReader.open(new ByteArrayInputStream(response.asByteArray()));
    VerifiedCheckpoint checkpoint =
        TestLogKey.verifier().open(reader.header().checkpoint().getBytes(StandardCharsets.UTF_8));
    assertEquals(since, reader.header().from());
    assertEquals(checkpoint.checkpoint().size(), reader.header().to());
    List<byte[]> entries = new ArrayList<>();
    while (reader.remaining() > 0) {
      entries.add(reader.next());
    }
    reader.finish();
    return new Bundle(reader.header(), checkpoint.checkpoint(), entries);
  }

  private static List<byte[]> leafHashes(List<byte[]> entries) {
    return entries.stream().map(MerkleHashes::leafHash).toList();
  }

  @Test
  void aBundleFromZeroAndOneFromTheMiddleProveTheirEntriesAgainstTheirCheckpoints()
      throws Exception {
    Bundle all = bundle(0);
    long size = all.header().to();
    assertTrue(size > 10, "the scan world made entries: " + size);
    assertTrue(all.header().consistency().isEmpty());
    assertArrayEquals(all.checkpoint().rootHash(), MerkleHashes.root(leafHashes(all.entries())));

    long middle = size / 2;
    Bundle rest = bundle(middle);
    long to = rest.header().to();
    assertTrue(to >= size);
    List<byte[]> prefix = all.entries().subList(0, (int) middle);
    ProofVerifier.verifyConsistency(
        middle,
        to,
        rest.header().consistency(),
        MerkleHashes.root(leafHashes(prefix)),
        rest.checkpoint().rootHash());
    List<byte[]> joined = new ArrayList<>(prefix);
    joined.addAll(rest.entries());
    assertEquals(to, joined.size());
    for (int i = (int) middle; i < size; i++) {
      assertArrayEquals(all.entries().get(i), joined.get(i), "entry " + i);
    }
    assertArrayEquals(rest.checkpoint().rootHash(), MerkleHashes.root(leafHashes(joined)));

    Bundle none = bundle(to);
    if (none.header().to() == to) {
      assertTrue(none.entries().isEmpty());
      assertTrue(none.header().consistency().isEmpty());
    }
  }

  @Test
  void aBadSinceIsAProblemNamingIt() throws Exception {
    long size = bundle(0).header().to();
    for (String since :
        List.of("-1", "abc", "01", "1.5", "", String.valueOf(size + 1_000_000), "9".repeat(25))) {
      Response r = given().queryParam("since", since).get("/v1/edge/bundle");
      assertEquals(400, r.statusCode(), since + ": " + r.asString());
      assertEquals("application/problem+json", r.contentType());
      assertEquals("since", r.jsonPath().getString("violations[0].path"), r.asString());
    }
    Response missing = given().get("/v1/edge/bundle");
    assertEquals(400, missing.statusCode());
    assertEquals("since", missing.jsonPath().getString("violations[0].path"));
  }

  private static String signed(Ed25519NoteSigner signer, long size, byte[] root) throws Exception {
    return SignedNote.sign(Checkpoint.of(signer.name(), size, root).format(), List.of(signer))
        .format();
  }

  private Response report(String token, String kind, String adopted, String offered) {
    return given()
        .auth()
        .oauth2(token)
        .contentType("application/json")
        .body(
            Map.of(
                "postId",
                w.post,
                "kind",
                kind,
                "adopted",
                adopted,
                "offered",
                offered,
                "proof",
                List.of(),
                "detectedAt",
                Instant.now().toString()))
        .post("/v1/edge/evidence");
  }

  /** {@code markproof_split_view_evidence_total{source="edge-upload"}} as Prometheus reads it. */
  private static double splitViews() {
    String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
    for (String line : metrics.split("\n")) {
      if (line.startsWith("markproof_split_view_evidence_total{")
          && line.contains("source=\"edge-upload\"")) {
        return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    throw new AssertionError("no markproof_split_view_evidence_total series in /q/metrics");
  }

  @Test
  void evidenceIsCheckedAgainstTheLogKeyAndTreeAndListedToOperatorsOnly() throws Exception {
    double before = splitViews();
    String adopted = given().get("/checkpoint").then().statusCode(200).extract().asString();
    Ed25519NoteSigner forger = Ed25519NoteSigner.of(TestLogKey.origin(), TestLedger.newKey());
    byte[] bogusRoot = MerkleHashes.leafHash(Instant.now().toString().getBytes());
    String forged = signed(forger, 3, bogusRoot);

    Response notOurs = report(w.officerToken(), "rollback", adopted, forged);
    assertEquals(201, notOurs.statusCode(), notOurs.asString());
    assertFalse(notOurs.jsonPath().getBoolean("verified"));
    List<String> findings = notOurs.jsonPath().getList("findings");
    assertTrue(
        findings.stream().anyMatch(f -> f.startsWith("offered: not signed by this log's key")),
        findings.toString());
    assertTrue(findings.stream().anyMatch(f -> f.startsWith("adopted: signed by this log")));

    assertEquals(0.0, splitViews() - before, "a note not signed by this log is no split view");

    String splitView = signed(TestLogKey.signer(), 3, bogusRoot);
    Response ours = report(w.officerToken(), "rollback", adopted, splitView);
    assertEquals(201, ours.statusCode(), ours.asString());
    assertTrue(ours.jsonPath().getBoolean("verified"));
    List<String> checked = ours.jsonPath().getList("findings");
    assertTrue(
        checked.contains(
            "rollback confirmed: offered size 3 < adopted "
                + Checkpoint.parse(
                        SignedNote.parse(adopted.getBytes(StandardCharsets.UTF_8)).text())
                    .size()),
        checked.toString());
    assertTrue(
        checked.stream().anyMatch(f -> f.contains("NOT this log's root")), checked.toString());

    assertEquals(1.0, splitViews() - before, "this log's key signed another tree: counted once");

    Response again = report(w.officerToken(), "rollback", adopted, splitView);
    assertEquals(200, again.statusCode());
    assertEquals(ours.jsonPath().getLong("id"), again.jsonPath().getLong("id"));
    assertEquals(1.0, splitViews() - before, "the same report again is not counted again");

    assertEquals(
        403, report(token(w.farOfficer, Groups.CUSTOMS), "fork", adopted, forged).statusCode());
    assertEquals(
        403, report(token(w.holder, Groups.BRAND_OWNER), "fork", adopted, forged).statusCode());
    Response badKind = report(w.officerToken(), "split", adopted, forged);
    assertEquals(400, badKind.statusCode());
    assertTrue(badKind.asString().contains("/kind"), badKind.asString());

    List<Long> ids =
        given()
            .auth()
            .oauth2(TestLedger.operatorToken())
            .queryParam("limit", "1000")
            .get("/v1/edge/evidence")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("evidence.id", Long.class);
    assertTrue(ids.contains(notOurs.jsonPath().getLong("id")), ids.toString());
    assertTrue(ids.contains(ours.jsonPath().getLong("id")), ids.toString());
    given().auth().oauth2(w.officerToken()).get("/v1/edge/evidence").then().statusCode(403);
    given().get("/v1/edge/evidence").then().statusCode(401);
  }
}
