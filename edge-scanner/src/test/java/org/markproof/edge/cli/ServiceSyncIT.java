package org.markproof.edge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sync --server} through the built jar against the real service, started from its built jar
 * in demo mode (embedded PostgreSQL, a seeded ledger): the post adopts the service's log, dated by
 * the log's own timestamp, and a bundle exported from it brings a second post to the same
 * checkpoint. Skipped only when the service jar was not built (a reactor build without the service
 * module); {@code mvn verify} from the root builds it first.
 */
class ServiceSyncIT {
  private static DemoService service;
  private static String url;
  private static String logKey;

  @TempDir static Path data;
  @TempDir Path dir;

  @BeforeAll
  static void startService() throws Exception {
    service = DemoService.start(data);
    url = service.url;
    logKey = service.logKey();
  }

  @AfterAll
  static void stopService() throws InterruptedException {
    if (service != null) {
      service.close();
    }
  }

  private static JsonNode status(Path store) throws Exception {
    JarRun run = JarRun.of("status", "--json", "--store", store.toString());
    assertEquals(0, run.exitCode(), run::toString);
    return new ObjectMapper().readTree(run.out());
  }

  @Test
  void syncsTheServicesLogAndPassesItOnAsABundle() throws Exception {
    Path store = dir.resolve("post.db");
    JarRun run = service.sync(store);
    assertEquals(0, run.exitCode(), run::toString);
    assertTrue(run.out().startsWith("synced: 0 -> "), run::toString);
    System.out.println("ServiceSyncIT: " + run.out().strip());
    JsonNode status = status(store);
    long size = status.path("checkpoint").path("size").asLong();
    assertTrue(size > 0, status::toString);
    assertEquals(size, status.path("entries").asLong());
    assertTrue(status.path("checkpoint").has("signedAt"), status::toString);

    JarRun again =
        JarRun.of("sync", "--store", store.toString(), "--server", url, "--log-key", logKey);
    assertEquals(0, again.exitCode(), again::toString);

    Path bundle = dir.resolve("post.bundle");
    JarRun export =
        JarRun.of(
            "bundle",
            "export",
            "--store",
            store.toString(),
            "--since",
            "0",
            "--out",
            bundle.toString());
    assertEquals(0, export.exitCode(), export::toString);
    Path other = dir.resolve("other.db");
    JarRun fromBundle =
        JarRun.of(
            "sync",
            "--store",
            other.toString(),
            "--bundle",
            bundle.toString(),
            "--log-key",
            logKey);
    assertEquals(0, fromBundle.exitCode(), fromBundle::toString);
    assertEquals(
        status(store).path("checkpoint").path("root"),
        status(other).path("checkpoint").path("root"));
  }
}
