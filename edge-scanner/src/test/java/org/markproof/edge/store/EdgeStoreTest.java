package org.markproof.edge.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.markproof.contracts.entry.LogEntry;
import org.markproof.contracts.merkle.CompactRange;
import org.markproof.contracts.merkle.ProofGenerator;
import org.markproof.contracts.rules.LedgerState;
import org.markproof.contracts.rules.Rules;

/**
 * The edge store on a real SQLite file: what a committed sync wrote survives a reopen, an
 * uncommitted one does not, the schema version is checked, proofs from the stored hashes equal
 * {@link ProofGenerator}'s from the leaves, and replaying the stored entries gives the rules'
 * state.
 */
class EdgeStoreTest {
  private static final int SIZE = 300;
  private static final Instant T = Instant.parse("2026-11-26T10:00:00Z");

  private static List<LogEntry> entries;
  private static List<byte[]> leafHashes;

  @TempDir Path dir;

  @BeforeAll
  static void buildEntries() throws Exception {
    entries = org.markproof.edge.sync.TestLog.of(SIZE).entries;
    leafHashes = entries.stream().map(LogEntry::leafHash).toList();
  }

  /** Writes entries {@code [0, size)} and their subtree hashes as a sync does, and commits. */
  private static void fill(EdgeStore store, int size) throws Exception {
    try (SyncWriter writer = store.beginSync()) {
      List<Object[]> nodes = new ArrayList<>();
      CompactRange range =
          CompactRange.empty()
              .appendAll(leafHashes.subList(0, size), (id, h) -> nodes.add(new Object[] {id, h}));
      for (int i = 0; i < size; i++) {
        writer.putEntry(i, entries.get(i).encoded());
      }
      for (Object[] n : nodes) {
        writer.putNode((org.markproof.contracts.merkle.NodeId) n[0], (byte[]) n[1]);
      }
      writer.adopt("note of " + size + "\n", size, range.root(), T, Optional.of(T));
      writer.commit();
    }
  }

  @Test
  void aQueuedBodyGivenAsUtf8BytesIsStoredAsTheSameText() throws Exception {
    Path file = dir.resolve("post.db");
    // The signed note's line starts with an em dash: text beyond Latin-1, as in every verdict.
    String body = "{\"scanId\":\"s-1\",\"verdict\":{\"checkpoint\":\"\u2014 log ÅÉ\"}}";
    try (EdgeStore store = EdgeStore.open(file)) {
      store
          .scanQueue()
          .enqueue(
              "s-1",
              body.getBytes(java.nio.charset.StandardCharsets.UTF_8),
              Instant.ofEpochMilli(5));
      // Queued again with the same text, as a String: the same scan, nothing added.
      store.scanQueue().enqueue("s-1", body, Instant.ofEpochMilli(5));
      assertThrows(
          EdgeStoreException.class,
          () -> store.scanQueue().enqueue("s-1", body.replace("log", "gol"), Instant.EPOCH));
      assertEquals(body, store.scanQueue().find("s-1").orElseThrow().body());
      assertEquals(1, store.scanQueue().size());
    }
    try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = db.createStatement();
        java.sql.ResultSet r = s.executeQuery("SELECT typeof(body), body FROM scan_queue")) {
      assertTrue(r.next());
      assertEquals("text", r.getString(1));
      assertEquals(body, r.getString(2));
    }
  }

  /** A queued body with its verdict's evidence member, as OfflineScanner writes one. */
  private static RecordedScan withEvidence(String scanId, String code, String evidence) {
    String head = "{\"scanId\":\"" + scanId + "\",\"code\":\"" + code + "\",\"verdict\":{";
    String member = "\"evidence\":" + evidence;
    String body = head + "\"checkpointAge\":0," + member + ",\"signature\":{\"sig\":\"x\"}}}";
    byte[] utf8 = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    int start =
        (head + "\"checkpointAge\":0,").getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    int end = start + member.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    return new RecordedScan(
        scanId, utf8, T, Optional.empty(), Optional.of(new RecordedScan.EvidenceSpan(start, end)));
  }

  private static long evidenceRows(Path file) throws Exception {
    return count(file, "SELECT count(*) FROM queued_evidence");
  }

  /** A recorded scan's body as the queue gives it back. */
  private static String text(RecordedScan scan) {
    return new String(scan.body(), java.nio.charset.StandardCharsets.UTF_8);
  }

  private static long count(Path file, String query) throws Exception {
    try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = db.createStatement();
        java.sql.ResultSet r = s.executeQuery(query)) {
      assertTrue(r.next());
      return r.getLong(1);
    }
  }

  /** Takes away what version 3 added: the queue as versions 1 and 2 made it, empty. */
  private static void queueOfVersion2(Statement s) throws java.sql.SQLException {
    s.execute("DROP TABLE scan_queue"); // and its indexes
    s.execute("DROP TABLE queued_evidence");
    s.execute(
        "CREATE TABLE scan_queue (scan_id TEXT PRIMARY KEY, body TEXT NOT NULL,"
            + " queued_at INTEGER NOT NULL)");
  }

  @Test
  void queuedScansCarryingTheSameEvidenceStoreItOnceAndGiveTheirBodiesBackByteForByte()
      throws Exception {
    Path file = dir.resolve("post.db");
    // Text beyond the BMP and beyond Latin-1 before the member (the offset is kept in UTF-16
    // units) and inside it (a signed note's em dash).
    String shared = "{\"checkpoint\":\"\u2014 log \",\"proofs\":[\"AAE=\"]}";
    List<RecordedScan> scans =
        List.of(
            withEvidence("s-1", "\uD83D\uDCE6 caf\u00e9", shared),
            withEvidence("s-2", "plain", shared),
            withEvidence("s-3", "plain", "{\"checkpoint\":\"other\"}"));
    try (EdgeStore store = EdgeStore.open(file)) {
      store.scanQueue().enqueueAll(scans);
      // Queued again as they are: nothing added. With other evidence under the same id: refused.
      store.scanQueue().enqueueAll(scans.subList(0, 1));
      assertThrows(
          EdgeStoreException.class,
          () ->
              store
                  .scanQueue()
                  .enqueueAll(List.of(withEvidence("s-1", "\uD83D\uDCE6 caf\u00e9", "[]"))));
      for (RecordedScan scan : scans) {
        assertEquals(text(scan), store.scanQueue().find(scan.scanId()).orElseThrow().body());
      }
      assertEquals(
          scans.stream().map(EdgeStoreTest::text).toList(),
          store.scanQueue().list(10).stream().map(QueuedScan::body).toList());
    }
    assertEquals(2, evidenceRows(file));
    assertEquals(
        0, count(file, "SELECT count(*) FROM scan_queue WHERE instr(body, 'evidence') > 0"));
    try (EdgeStore store = EdgeStore.open(file)) {
      assertTrue(store.scanQueue().remove("s-1"));
      assertEquals(text(scans.get(1)), store.scanQueue().find("s-2").orElseThrow().body());
      assertEquals(2, evidenceRows(file));
      assertTrue(store.scanQueue().remove("s-2"));
      assertEquals(1, evidenceRows(file));
      assertTrue(store.scanQueue().remove("s-3"));
      assertEquals(0, evidenceRows(file));
    }
  }

  @Test
  void theUploadPagesThroughTheQueueAlongAnIndexWithoutSortingIt() throws Exception {
    Path file = dir.resolve("edge.db");
    try (EdgeStore store = EdgeStore.open(file)) {
      for (int i = 0; i < 5; i++) {
        // Two scans share each time; ids out of time order.
        store.scanQueue().enqueue("s-" + (9 - i), "{}", T.plusMillis(i / 2));
      }
      List<String> pages = new ArrayList<>();
      Optional<QueuedScan> last = Optional.empty();
      List<QueuedScan> page;
      while (!(page = store.scanQueue().listAfter(last, 2)).isEmpty()) {
        page.forEach(q -> pages.add(q.scanId()));
        last = Optional.of(page.get(page.size() - 1));
      }
      assertEquals(List.of("s-8", "s-9", "s-6", "s-7", "s-5"), pages);
    }
    try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = db.createStatement()) {
      for (String query :
          List.of(
              ScanQueue.LIST.replace("?", "2"),
              ScanQueue.LIST_AFTER
                  .replaceFirst("\\?", "0")
                  .replaceFirst("\\?", "'a'")
                  .replace("?", "2"))) {
        StringBuilder plan = new StringBuilder();
        try (java.sql.ResultSet r = s.executeQuery("EXPLAIN QUERY PLAN " + query)) {
          while (r.next()) {
            plan.append(r.getString("detail")).append('\n');
          }
        }
        assertTrue(plan.toString().contains("USING INDEX scan_queue_order"), plan.toString());
        assertFalse(plan.toString().contains("TEMP B-TREE"), plan.toString());
      }
    }
  }

  @Test
  void aScanQueuedBeforeEvidenceWasSharedIsReadAsItWasAfterTheMigration() throws Exception {
    Path file = dir.resolve("edge.db");
    EdgeStore.open(file).close();
    String old = "{\"scanId\":\"old\",\"verdict\":{\"evidence\":[],\"signature\":{}}}";
    try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = db.createStatement()) {
      queueOfVersion2(s);
      s.execute("INSERT INTO scan_queue VALUES ('old', '" + old + "', 7)");
      s.execute("PRAGMA user_version = 2");
    }
    try (EdgeStore store = EdgeStore.open(file)) {
      assertEquals(3, store.schemaVersion());
      assertEquals(old, store.scanQueue().find("old").orElseThrow().body());
      RecordedScan shared = withEvidence("new", "plain", "[\"e\"]");
      store.scanQueue().enqueueAll(List.of(shared));
      assertEquals(
          List.of(old, text(shared)),
          store.scanQueue().list(10).stream().map(QueuedScan::body).toList());
      assertTrue(store.scanQueue().remove("old"));
      assertEquals(1, evidenceRows(file));
    }
  }

  @Test
  void aCommittedSyncSurvivesAReopen() throws Exception {
    Path file = dir.resolve("post/edge.db");
    try (EdgeStore store = EdgeStore.open(file)) {
      assertEquals(Optional.empty(), store.checkpoint());
      fill(store, SIZE);
    }
    try (EdgeStore store = EdgeStore.open(file)) {
      AdoptedCheckpoint adopted = store.checkpoint().orElseThrow();
      assertEquals(SIZE, adopted.size());
      assertArrayEquals(MerkleRoot.of(leafHashes), adopted.root());
      assertEquals(T, adopted.adoptedAt());
      assertEquals(Optional.of(T), adopted.checkpointTime());
      assertArrayEquals(entries.get(123).encoded(), store.entry(123));
      assertEquals(3, store.schemaVersion());
    }
  }

  @Test
  void anUncommittedSyncLeavesNothing() throws Exception {
    Path file = dir.resolve("edge.db");
    try (EdgeStore store = EdgeStore.open(file)) {
      try (SyncWriter writer = store.beginSync()) {
        writer.putEntry(0, entries.get(0).encoded());
        writer.adopt("note\n", 1, leafHashes.get(0), T, Optional.empty());
      }
      assertEquals(0, store.size());
      assertEquals(0, store.entryCount());
    }
    try (EdgeStore store = EdgeStore.open(file)) {
      assertEquals(0, store.entryCount());
      assertEquals(Optional.empty(), store.checkpoint());
    }
  }

  @Test
  void refusesAStoreWithANewerSchema() throws Exception {
    Path file = dir.resolve("edge.db");
    EdgeStore.open(file).close();
    try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = db.createStatement()) {
      s.execute("PRAGMA user_version = 4");
    }
    EdgeStoreException e = assertThrows(EdgeStoreException.class, () -> EdgeStore.open(file));
    assertTrue(e.getMessage().contains("schema version 4"), e.getMessage());
  }

  @Test
  void migratesAVersion1StoreKeepingItsContents() throws Exception {
    Path file = dir.resolve("edge.db");
    try (EdgeStore store = EdgeStore.open(file)) {
      fill(store, SIZE);
    }
    try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = db.createStatement()) {
      // What versions 2 and 3 added, taken away again.
      s.execute("DROP TABLE setting");
      queueOfVersion2(s);
      s.execute("PRAGMA user_version = 1");
    }
    try (EdgeStore store = EdgeStore.open(file)) {
      assertEquals(3, store.schemaVersion());
      assertEquals(SIZE, store.size());
      assertEquals(Optional.empty(), store.post());
      PostProfile post = new PostProfile("de-fra-cargo", 50.05, 8.57, Optional.of("DE"));
      store.setPost(post);
      assertEquals(Optional.of(post), store.post());
    }
  }

  @Test
  void theClocksHighWaterMarkNeverMovesBack() throws Exception {
    Path file = dir.resolve("edge.db");
    Instant later = Instant.parse("2026-12-01T00:00:00Z");
    try (EdgeStore store = EdgeStore.open(file)) {
      ClockReading first = store.observeClock(later);
      assertEquals(later, first.effective());
      assertEquals(java.time.Duration.ZERO, first.clockBehind());
    }
    try (EdgeStore store = EdgeStore.open(file)) {
      Instant setBack = later.minusSeconds(3600);
      ClockReading reading = store.observeClock(setBack);
      assertEquals(later, reading.effective());
      assertEquals(java.time.Duration.ofHours(1), reading.clockBehind());
      assertEquals(later, store.observeClock(setBack).highWater());
    }
  }

  @Test
  void refusesAnSqliteFileOfSomethingElseAndAFileThatIsNoDatabase() throws Exception {
    Path other = dir.resolve("other.db");
    try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + other);
        Statement s = db.createStatement()) {
      s.execute("CREATE TABLE t (x)");
    }
    assertThrows(EdgeStoreException.class, () -> EdgeStore.open(other));
    Path text =
        Files.writeString(dir.resolve("notes.txt"), "not a database, just text\n".repeat(100));
    assertThrows(EdgeStoreException.class, () -> EdgeStore.open(text));
  }

  @Test
  void inclusionProofsFromStoredHashesEqualTheGeneratorsFromTheLeaves() throws Exception {
    try (EdgeStore store = EdgeStore.open(dir.resolve("edge.db"))) {
      fill(store, SIZE);
      List<String> wrong = new ArrayList<>();
      for (int treeSize : new int[] {1, 2, 3, 7, 8, 9, 255, 256, 257, 299, SIZE}) {
        List<byte[]> leaves = leafHashes.subList(0, treeSize);
        for (int index = 0; index < treeSize; index++) {
          if (!same(
              ProofGenerator.inclusion(leaves, index), store.inclusionProof(index, treeSize))) {
            wrong.add("inclusion " + index + " in " + treeSize);
          }
        }
        for (int size1 = 1; size1 <= treeSize; size1++) {
          if (!same(
              ProofGenerator.consistency(leaves, size1), store.consistencyProof(size1, treeSize))) {
            wrong.add("consistency " + size1 + " to " + treeSize);
          }
        }
      }
      assertEquals(List.of(), wrong);
      assertThrows(IllegalArgumentException.class, () -> store.inclusionProof(0, SIZE + 1));
      assertThrows(IllegalArgumentException.class, () -> store.entry(SIZE));
    }
  }

  @Test
  void aReaderKeepingUpperSubtreeHashesGivesTheGeneratorsProofs() throws Exception {
    try (EdgeStore store = EdgeStore.open(dir.resolve("edge.db"))) {
      fill(store, SIZE);
      java.util.concurrent.ConcurrentHashMap<org.markproof.contracts.merkle.NodeId, byte[]> kept =
          new java.util.concurrent.ConcurrentHashMap<>();
      List<String> wrong = new ArrayList<>();
      try (StoreReader reader = store.openReader()) {
        // Twice: the second round takes the upper hashes from what the first one kept.
        for (int round = 0; round < 2; round++) {
          for (int treeSize : new int[] {256, 257, 299, SIZE}) {
            List<byte[]> leaves = leafHashes.subList(0, treeSize);
            for (int index = 0; index < treeSize; index++) {
              if (!same(
                  ProofGenerator.inclusion(leaves, index),
                  reader.inclusionProof(index, treeSize, kept))) {
                wrong.add("round " + round + ": inclusion " + index + " in " + treeSize);
              }
            }
          }
        }
      }
      assertEquals(List.of(), wrong);
      assertFalse(kept.isEmpty());
      assertTrue(
          kept.keySet().stream().allMatch(id -> id.level() >= StoreReader.KEPT_FROM_LEVEL),
          kept.keySet().toString());
    }
  }

  @Test
  void replayedStateIsTheRulesStateOfTheSameEntries() throws Exception {
    try (EdgeStore store = EdgeStore.open(dir.resolve("edge.db"))) {
      fill(store, SIZE);
      LedgerState expected = LedgerState.empty();
      for (LogEntry e : entries) {
        expected = Rules.apply(expected, e);
      }
      assertEquals(expected, store.replayState());
    }
  }

  @Test
  void theAdoptionTimeStaysAndTheCheckpointTimeNeverMovesBack() throws Exception {
    try (EdgeStore store = EdgeStore.open(dir.resolve("edge.db"))) {
      fill(store, 5);
      Instant later = T.plusSeconds(3600);
      try (SyncWriter writer = store.beginSync()) {
        writer.adopt(
            "again\n",
            5,
            MerkleRoot.of(leafHashes.subList(0, 5)),
            later,
            Optional.of(T.minusSeconds(60)));
        writer.commit();
      }
      AdoptedCheckpoint adopted = store.checkpoint().orElseThrow();
      assertEquals(T, adopted.adoptedAt());
      assertEquals(later, adopted.lastSyncAt());
      assertEquals(Optional.of(T), adopted.checkpointTime());
    }
  }

  @Test
  void scansQueueAndLeaveTheQueueOncePosted() throws Exception {
    try (EdgeStore store = EdgeStore.open(dir.resolve("edge.db"))) {
      ScanQueue queue = store.scanQueue();
      queue.enqueue("scan-2", "{\"scanId\":\"scan-2\"}", T.plusSeconds(1));
      queue.enqueue("scan-1", "{\"scanId\":\"scan-1\"}", T);
      queue.enqueue("scan-1", "{\"scanId\":\"scan-1\"}", T);
      assertThrows(EdgeStoreException.class, () -> queue.enqueue("scan-1", "{}", T));
      assertEquals(
          List.of("scan-1", "scan-2"), queue.list(10).stream().map(QueuedScan::scanId).toList());
      assertEquals("{\"scanId\":\"scan-1\"}", queue.find("scan-1").orElseThrow().body());
      assertTrue(queue.remove("scan-1"));
      assertFalse(queue.remove("scan-1"));
      assertEquals(Optional.empty(), queue.find("scan-1"));
      assertEquals(1, queue.size());
      Sighting s = new Sighting("scan-2", "09506000134352", "LOT1", "S1", "FR-CDG", 49.0, 2.5, T);
      store.sightings().record(s);
      store.sightings().record(s);
      assertEquals(List.of(s), store.sightings().of("09506000134352", "LOT1", "S1"));
    }
  }

  @Test
  void settingsOfOtherPartsSurviveAReopenAndCannotTouchThePostOrTheClock() throws Exception {
    Path file = dir.resolve("edge.db");
    try (EdgeStore store = EdgeStore.open(file)) {
      assertEquals(Optional.empty(), store.setting("serve.token-keys"));
      store.putSetting("serve.token-keys", "{\"keys\":[]}");
      store.putSetting("serve.token-keys", "{\"keys\":[1]}");
      assertThrows(IllegalArgumentException.class, () -> store.putSetting("post.id", "x"));
      assertThrows(IllegalArgumentException.class, () -> store.setting("clock.high-water-ms"));
      assertThrows(IllegalArgumentException.class, () -> store.setting("Serve keys"));
    }
    try (EdgeStore store = EdgeStore.open(file)) {
      assertEquals(Optional.of("{\"keys\":[1]}"), store.setting("serve.token-keys"));
    }
  }

  private static boolean same(List<byte[]> a, List<byte[]> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      if (!java.util.Arrays.equals(a.get(i), b.get(i))) {
        return false;
      }
    }
    return true;
  }

  /** The root of leaf hashes, by contracts' reference definition. */
  private static final class MerkleRoot {
    static byte[] of(List<byte[]> leafHashes) {
      return org.markproof.contracts.merkle.MerkleHashes.root(leafHashes);
    }
  }
}
