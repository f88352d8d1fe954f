package org.markproof.edge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
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
  private static Process service;
  private static String url;
  private static String logKey;
  private static String timestampKey;

  @TempDir static Path data;
  @TempDir Path dir;

  @BeforeAll
  static void startService() throws Exception {
    String jar = System.getProperty("service.jar");
    Assumptions.assumeTrue(
        jar != null && Files.isRegularFile(Path.of(jar)),
        "the service jar " + jar + " is not built: run 'mvn -B -DskipTests package' at the root");
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
    service =
        new ProcessBuilder(
                List.of(
                    javaBin.toString(),
                    "-Dmarkproof.demo=true",
                    "-Dmarkproof.data-dir=" + data,
                    "-Dquarkus.http.port=" + port,
                    "-jar",
                    jar))
            .redirectErrorStream(true)
            .redirectOutput(data.resolve("service.log").toFile())
            .start();
    long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
    while (!Files.exists(data.resolve("demo/seeded"))) {
      if (!service.isAlive() || System.nanoTime() > deadline) {
        throw new AssertionError(
            "the demo service did not seed within 180 s:\n"
                + Files.readString(data.resolve("service.log")));
      }
      Thread.sleep(200);
    }
    url = "http://127.0.0.1:" + port;
    JsonNode keys = new ObjectMapper().readTree(get(url + "/v1/log/key"));
    logKey = keys.path("checkpointVerifierKey").asText();
    timestampKey = keys.path("timestampVerifierKey").asText();
  }

  @AfterAll
  static void stopService() throws InterruptedException {
    if (service != null) {
      service.destroy();
      service.waitFor();
    }
  }

  private static String get(String uri) throws IOException, InterruptedException {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(uri)).build(),
                HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode(), uri + ": " + response.body());
    return response.body();
  }

  private static JsonNode status(Path store) throws Exception {
    JarRun run = JarRun.of("status", "--json", "--store", store.toString());
    assertEquals(0, run.exitCode(), run::toString);
    return new ObjectMapper().readTree(run.out());
  }

  @Test
  void syncsTheServicesLogAndPassesItOnAsABundle() throws Exception {
    Path store = dir.resolve("post.db");
    JarRun run =
        JarRun.of(
            "sync",
            "--store",
            store.toString(),
            "--server",
            url,
            "--log-key",
            logKey,
            "--timestamp-key",
            timestampKey);
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
