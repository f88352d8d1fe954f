package org.markproof.service.audit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.markproof.contracts.entry.LogEntry;
import org.markproof.service.auth.Groups;
import org.markproof.service.log.store.LogStore;
import org.markproof.service.testing.LogFixture;
import org.markproof.service.testing.TestLogKey;
import org.markproof.service.testing.TestTokens;

/**
 * {@code POST /v1/audit} through real HTTP on real PostgreSQL: only operators may run it; a clean
 * log audits OK; and one stored entry, one stored hash or one checkpoint corrupted behind the
 * database's back (see {@link StoredLogTampering}) is each caught with the right index, node or
 * size. Every corruption is undone before the test ends.
 */
@QuarkusTest
class AuditEndpointTest {
  @Inject LogStore store;
  @Inject StoredLogTampering tampering;

  private LogFixture.Appended appended;

  @BeforeEach
  void checkpointedEntries() {
    appended = LogFixture.append(store, 7);
    LogFixture.checkpoint(store, TestLogKey.signer(), TestLogKey.origin());
  }

  @Test
  void aCleanLogAuditsOk() {
    JsonPath report = audit();
    assertTrue(report.getBoolean("ok"), report.prettify());
    assertTrue(report.getLong("entriesChecked") >= appended.endIndex(), report.prettify());
    assertTrue(report.getLong("checkpointsChecked") >= 1, report.prettify());
    assertEquals(report.getString("headRootHash"), report.getString("rootHash"));
  }

  @Test
  void aCorruptedLeafIsCaughtAtItsIndex() throws Exception {
    long index = appended.firstIndex() + 3;
    try (var undo = tampering.flipLeafByte(index)) {
      JsonPath report = audit();
      assertEquals(false, report.getBoolean("ok"));
      assertEquals(index, report.getLong("firstBadIndex"), report.prettify());
      assertEquals("leaf-hash-mismatch", report.getString("findings[0].code"), report.prettify());
      assertEquals(index, report.getLong("findings[0].index"));
    }
    assertTrue(audit().getBoolean("ok"), "the undone corruption audits clean again");
  }

  @Test
  void aRewrittenEntryWithAMatchingLeafHashBreaksTheTreeAndTheCheckpoints() throws Exception {
    long index = appended.firstIndex() + 4;
    // Another signed entry, stamped with the same time as the one it replaces: only the tree shows
    // it.
    LogEntry replaced = appended.entries().get(4);
    LogEntry other = LogEntry.of(replaced.sequencedAt(), LogFixture.entries(1).get(0).entry());
    try (var undo = tampering.rewriteEntry(index, other.encoded())) {
      JsonPath report = audit();
      assertEquals(false, report.getBoolean("ok"));
      List<String> codes = report.getList("findings.code", String.class);
      assertTrue(codes.contains("head-root-mismatch"), report.prettify());
      assertTrue(codes.contains("checkpoint-root-mismatch"), report.prettify());
      assertTrue(report.getLong("firstBadCheckpointSize") > index, report.prettify());
      // tree_node keeps levels 1 and up (LogStore), so the first node found wrong is the level-1
      // subtree over the rewritten entry and its neighbour: the audit pins the damage to two.
      assertTrue(codes.contains("node-mismatch"), report.prettify());
      assertEquals("1/" + index / 2, report.getString("firstBadNode"), report.prettify());
      assertEquals(index - index % 2, report.getLong("firstBadIndex"), report.prettify());
    }
  }

  @Test
  void aCorruptedStoredHashIsCaughtAtItsNode() throws Exception {
    StoredLogTampering.Node node = tampering.someStoredNodeAbove(appended.firstIndex());
    try (var undo = tampering.flipNodeByte(node)) {
      JsonPath report = audit();
      assertEquals(false, report.getBoolean("ok"));
      assertEquals(node.level() + "/" + node.index(), report.getString("firstBadNode"));
      assertEquals("node-mismatch", report.getString("findings[0].code"), report.prettify());
      assertEquals(node.index() << node.level(), report.getLong("firstBadIndex"));
      assertEquals(
          1, report.getList("findings").size(), "entries, head and checkpoints are intact");
    }
  }

  @Test
  void aCheckpointWhoseSignatureNoLongerVerifiesIsCaughtAtItsSize() throws Exception {
    long size = store.latestCheckpoint().await().indefinitely().size();
    try (var undo = tampering.breakCheckpointSignature(size)) {
      JsonPath report = audit();
      assertEquals(false, report.getBoolean("ok"));
      assertEquals(size, report.getLong("firstBadCheckpointSize"), report.prettify());
      List<String> codes = report.getList("findings.code", String.class);
      assertTrue(codes.contains("checkpoint-signature"), report.prettify());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {Groups.REGISTRAR, Groups.BRAND_OWNER, Groups.CUSTOMS, "admin"})
  void onlyOperatorsMayAudit(String group) {
    String token = TestTokens.forSubject("someone", group).sign();
    given()
        .auth()
        .oauth2(token)
        .post("/v1/audit")
        .then()
        .statusCode(403)
        .contentType("application/problem+json")
        .body("code", equalTo("forbidden"));
  }

  @Test
  void anAuditNeedsAToken() {
    given()
        .post("/v1/audit")
        .then()
        .statusCode(401)
        .contentType("application/problem+json")
        .body("code", equalTo("unauthenticated"));
    given().auth().oauth2("not.a.jwt").post("/v1/audit").then().statusCode(401);
  }

  @Test
  void anAuditIsAPostNotAGet() {
    String token = TestTokens.forSubject("ops", Groups.OPERATOR).sign();
    given()
        .auth()
        .oauth2(token)
        .get("/v1/audit")
        .then()
        .statusCode(405)
        .body("code", equalTo("method-not-allowed"));
  }

  private static JsonPath audit() {
    String token = TestTokens.forSubject("ops", Groups.OPERATOR).sign();
    return given()
        .auth()
        .oauth2(token)
        .post("/v1/audit")
        .then()
        .statusCode(200)
        .contentType("application/json")
        .extract()
        .jsonPath();
  }
}
