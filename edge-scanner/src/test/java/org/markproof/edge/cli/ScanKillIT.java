package org.markproof.edge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.markproof.edge.store.EdgeStore;
import org.markproof.edge.store.QueuedScan;
import org.markproof.edge.sync.TestLog;

/**
 * A {@code scan} killed with SIGKILL at a random moment loses nothing it acknowledged: every
 * verdict a killed process printed has its scan queued, every queued scan is whole, and the store
 * stays a sound SQLite file that later scans use.
 */
class ScanKillIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int ROUNDS = 40;

  @TempDir Path dir;

  @Test
  void aScanKilledAtAnyMomentLosesNoAcknowledgedVerdict() throws Exception {
    TestLog log = TestLog.of(8);
    Path bundle = log.writeBundle(dir.resolve("log.bundle"), 0, 8);
    Path store = dir.resolve("post.db");
    JarRun sync =
        JarRun.of(
            "sync",
            "--store",
            store.toString(),
            "--bundle",
            bundle.toString(),
            "--log-key",
            log.verifierKey());
    assertEquals(0, sync.exitCode(), sync::toString);
    long started = System.nanoTime();
    JarRun first =
        JarRun.of(
            "scan",
            "--store",
            store.toString(),
            "--post",
            "xx-test",
            "--lat",
            "1",
            "--lon",
            "2",
            "9506000134352");
    assertEquals(0, first.exitCode(), first::toString);

    // Kill times spread over the later part of a whole scan's run, so that some land before the
    // commit, some between the commit and the print, and some after.
    List<String> printed = new ArrayList<>();
    printed.add(JSON.readTree(first.out()).at("/scan/scanId").asText());
    long whole = (System.nanoTime() - started) / 1_000_000;
    for (int i = 0; i < 2; i++) {
      long again = System.nanoTime();
      JarRun timed = JarRun.of("scan", "--store", store.toString(), "9506000134352");
      assertEquals(0, timed.exitCode(), timed::toString);
      printed.add(JSON.readTree(timed.out()).at("/scan/scanId").asText());
      whole = Math.min(whole, (System.nanoTime() - again) / 1_000_000);
    }
    String jar = System.getProperty("edge.jar");
    Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
    Random random = new Random(20261126);
    int killedBeforePrint = 0;
    for (int round = 0; round < ROUNDS; round++) {
      Path out = dir.resolve("out-" + round + ".txt");
      Process p =
          new ProcessBuilder(
                  javaBin.toString(),
                  "-jar",
                  jar,
                  "scan",
                  "--store",
                  store.toString(),
                  "9506000134352")
              .redirectOutput(out.toFile())
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      Thread.sleep(whole * 2 / 5 + random.nextInt((int) Math.max(1, whole * 3 / 5)));
      p.destroyForcibly();
      assertTrue(p.waitFor(30, TimeUnit.SECONDS));
      String text = Files.readString(out, StandardCharsets.UTF_8);
      if (text.endsWith("\n")) {
        printed.add(JSON.readTree(text).at("/scan/scanId").asText());
      } else {
        killedBeforePrint++;
      }
    }
    try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + store);
        Statement s = db.createStatement();
        ResultSet r = s.executeQuery("PRAGMA integrity_check")) {
      assertTrue(r.next());
      assertEquals("ok", r.getString(1));
    }
    try (EdgeStore edge = EdgeStore.open(store)) {
      for (String id : printed) {
        assertTrue(edge.scanQueue().contains(id), "printed scan " + id + " is not queued");
      }
      List<QueuedScan> queued = edge.scanQueue().list(Integer.MAX_VALUE);
      assertTrue(queued.size() >= printed.size(), queued.size() + " < " + printed.size());
      System.out.println(
          "ScanKillIT: "
              + ROUNDS
              + " scans killed with SIGKILL: "
              + (printed.size() - 3)
              + " after printing their verdict, "
              + (queued.size() - printed.size())
              + " after committing but before printing, "
              + (killedBeforePrint - (queued.size() - printed.size()))
              + " before committing");
      for (QueuedScan q : queued) {
        JsonNode body = JSON.readTree(q.body());
        assertEquals(q.scanId(), body.path("scanId").asText());
        assertEquals(q.scanId(), body.at("/verdict/scan/scanId").asText());
        assertTrue(body.at("/verdict/signature").isObject(), q.body());
      }
    }
    JarRun after = JarRun.of("scan", "--store", store.toString(), "9506000134352");
    assertEquals(0, after.exitCode(), after::toString);
  }
}
