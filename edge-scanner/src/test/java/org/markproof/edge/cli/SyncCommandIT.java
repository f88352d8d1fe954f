package org.markproof.edge.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.markproof.edge.sync.TestLog;

/**
 * {@code sync}, {@code status} and {@code bundle export} through the built jar on bundle files of a
 * real signed log: adoption, a forked bundle refused (exit 1) with the evidence shown by status and
 * warned about by every command, and an exported bundle equal byte for byte to the format's
 * reference writer.
 */
class SyncCommandIT {
  private static TestLog log;
  private static TestLog fork;

  @TempDir Path dir;

  @BeforeAll
  static void buildLogs() throws Exception {
    log = TestLog.of(600);
    fork = TestLog.forkedAt(600, 200);
  }

  private JarRun sync(Path store, Path bundle) throws Exception {
    return JarRun.of(
        "sync",
        "--store",
        store.toString(),
        "--bundle",
        bundle.toString(),
        "--log-key",
        log.verifierKey(),
        "--timestamp-key",
        log.timestampVerifierKey());
  }

  private static JsonNode status(Path store) throws Exception {
    JarRun run = JarRun.of("status", "--store", store.toString(), "--json");
    assertEquals(0, run.exitCode(), run::toString);
    return new ObjectMapper().readTree(run.out());
  }

  @Test
  void syncsABundleAndStatusShowsIt() throws Exception {
    Path store = dir.resolve("post/edge.db");
    JarRun run = sync(store, log.writeBundle(dir.resolve("b.bundle"), 0, 300));
    assertEquals(0, run.exitCode(), run::toString);
    assertTrue(run.out().startsWith("synced: 0 -> 300 entries, 300 added in "), run::toString);
    assertEquals("", run.err());

    JsonNode status = status(store);
    assertEquals(300, status.path("checkpoint").path("size").asLong(), status::toString);
    assertEquals(TestLog.ORIGIN, status.path("checkpoint").path("origin").asText());
    assertEquals(TestLog.SIGNED_AT.toString(), status.path("checkpoint").path("signedAt").asText());
    assertEquals(300, status.path("entries").asLong());
    assertEquals(0, status.path("queue").asLong());
    assertEquals(0, status.path("evidenceNotUploaded").asLong());
    assertTrue(status.path("storeBytes").asLong() > 0);

    JarRun again = sync(store, log.writeBundle(dir.resolve("same.bundle"), 300, 300));
    assertEquals(0, again.exitCode(), again::toString);
    assertTrue(again.out().startsWith("up to date: 300 entries"), again::toString);
  }

  @Test
  void refusesAForkedBundleAndEveryCommandWarnsOfTheEvidence() throws Exception {
    Path store = dir.resolve("edge.db");
    assertEquals(0, sync(store, log.writeBundle(dir.resolve("a.bundle"), 0, 300)).exitCode());
    JarRun run = sync(store, fork.writeBundle(dir.resolve("fork.bundle"), 300, 600));
    assertEquals(1, run.exitCode(), run::toString);
    assertTrue(run.err().contains("verification failed: fork: "), run::toString);
    assertTrue(run.err().contains("evidence 1 kept"), run::toString);
    assertTrue(run.err().contains("WARNING: "), run::toString);

    JarRun text = JarRun.of("status", "--store", store.toString());
    assertEquals(0, text.exitCode(), text::toString);
    assertTrue(text.out().contains("THE LOG MISBEHAVED"), text::toString);
    assertTrue(text.err().startsWith("WARNING: "), text::toString);

    JsonNode status = status(store);
    assertEquals(300, status.path("checkpoint").path("size").asLong());
    assertEquals(1, status.path("evidenceNotUploaded").asLong());
    assertEquals("fork", status.path("evidence").path(0).path("kind").asText());
    assertFalse(status.path("evidence").path(0).path("uploaded").asBoolean());
  }

  @Test
  void exportsTheBundleFormatThatAnotherPostSyncsFrom() throws Exception {
    Path synced = dir.resolve("synced.db");
    assertEquals(0, sync(synced, log.writeBundle(dir.resolve("all.bundle"), 0, 600)).exitCode());
    Path out = dir.resolve("usb/since-300.bundle");
    Files.createDirectories(out.getParent());
    JarRun export =
        JarRun.of(
            "bundle",
            "export",
            "--store",
            synced.toString(),
            "--since",
            "300",
            "--out",
            out.toString());
    assertEquals(0, export.exitCode(), export::toString);
    assertArrayEquals(log.bundle(300, 600), Files.readAllBytes(out));

    Path other = dir.resolve("other.db");
    assertEquals(0, sync(other, log.writeBundle(dir.resolve("first.bundle"), 0, 300)).exitCode());
    JarRun run = sync(other, out);
    assertEquals(0, run.exitCode(), run::toString);
    assertTrue(run.out().startsWith("synced: 300 -> 600 entries, 300 added"), run::toString);

    JarRun tooFar =
        JarRun.of(
            "bundle",
            "export",
            "--store",
            synced.toString(),
            "--since",
            "601",
            "--out",
            out.toString());
    assertEquals(2, tooFar.exitCode(), tooFar::toString);
  }

  @Test
  void aMissingStoreAndAnUnreachableServiceAreBadInput() throws Exception {
    JarRun status = JarRun.of("status", "--store", dir.resolve("none.db").toString());
    assertEquals(2, status.exitCode(), status::toString);
    assertTrue(status.err().contains("run 'edge-scanner sync' first"), status::toString);
    JarRun sync =
        JarRun.of(
            "sync",
            "--store",
            dir.resolve("edge.db").toString(),
            "--server",
            "http://127.0.0.1:1",
            "--log-key",
            log.verifierKey());
    assertEquals(2, sync.exitCode(), sync::toString);
  }
}
