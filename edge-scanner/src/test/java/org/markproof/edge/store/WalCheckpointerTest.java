package org.markproof.edge.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The log checkpointer on a real SQLite file, with scans committed as {@code GroupCommit} commits
 * them (under the writes lock): while it runs, the writing connection does not checkpoint itself;
 * the log is copied back and made to start over, so it stays far smaller than what was written;
 * every committed scan is in the store, also when the file is opened afresh; once it is closed, the
 * writing connection checkpoints itself again.
 */
class WalCheckpointerTest {
  @TempDir Path dir;

  @Test
  void theLogIsCopiedBackAndStartsOverWhileScansAreCommitted() throws Exception {
    Path file = dir.resolve("post.db");
    Path wal = dir.resolve("post.db-wal");
    int scans = 600;
    long written = 0;
    ReentrantLock writes = new ReentrantLock();
    try (EdgeStore store = EdgeStore.open(file)) {
      WalCheckpointer checkpointer = store.checkpointInBackground(writes, 2, 64);
      assertEquals(0, store.autoCheckpointPages(), "the writer's own checkpoints are off");
      for (int i = 0; i < scans; i++) {
        RecordedScan scan = scan(i);
        written += scan.body().length;
        writes.lock();
        try {
          store.recordScans(List.of(scan), scan.queuedAt());
        } finally {
          writes.unlock();
        }
      }
      assertTrue(
          checkpointer.awaitRestart(java.time.Duration.ofSeconds(10)),
          "the log never started over");
      // Each scan adds ~6 pages (~24 kB) of log: ~14 MB in all had the log never started over.
      assertTrue(
          Files.size(wal) < 4_000_000,
          "log " + Files.size(wal) + " bytes after " + written + " bytes of scans written");
      checkpointer.close();
      assertTrue(checkpointer.failure().isEmpty(), () -> "failed: " + checkpointer.failure());
      assertEquals(1000, store.autoCheckpointPages(), "SQLite's own checkpoints are back on");
      assertEquals(scans, store.scanQueue().size());
      store.recordScans(List.of(scan(scans)), Instant.now());
    }
    try (EdgeStore reopened = EdgeStore.open(file)) {
      assertEquals(scans + 1, reopened.scanQueue().size());
      assertEquals(
          new String(scan(scans - 1).body(), java.nio.charset.StandardCharsets.UTF_8),
          reopened.scanQueue().find("scan-" + (scans - 1)).get().body());
      assertEquals(1, reopened.sightings().of("09506000134352", "LOT1", "S" + (scans - 1)).size());
    }
  }

  @Test
  void aStoreWithItsCheckpointerClosedIsClosedCleanly() throws Exception {
    Path file = dir.resolve("post.db");
    ReentrantLock writes = new ReentrantLock();
    try (EdgeStore store = EdgeStore.open(file)) {
      try (WalCheckpointer checkpointer = store.checkpointInBackground(writes)) {
        store.recordScans(List.of(scan(0)), Instant.now());
      }
    }
    // The last connection to close copies the log back and removes it.
    assertTrue(Files.notExists(dir.resolve("post.db-wal")));
    try (EdgeStore reopened = EdgeStore.open(file)) {
      assertEquals(1, reopened.scanQueue().size());
    }
  }

  /** A scan with a sighting and a body of the size of a verdict with its proofs (~7 kB). */
  private static RecordedScan scan(int i) {
    String id = "scan-" + i;
    Instant at = Instant.parse("2026-11-27T08:00:00Z").plusSeconds(i);
    StringBuilder body = new StringBuilder("{\"scanId\":\"").append(id).append("\",\"proof\":\"");
    for (int k = 0; body.length() < 7_000; k++) {
      body.append(Integer.toHexString(i * 7_919 + k * 104_729));
    }
    body.append("\"}");
    return new RecordedScan(
        id,
        body.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8),
        at,
        Optional.of(new Sighting(id, "09506000134352", "LOT1", "S" + i, "fr-cdg", 49.0, 2.5, at)));
  }
}
