package org.markproof.edge.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * The real service from its built jar in demo mode (embedded PostgreSQL, a seeded ledger), on a
 * free port, with its data in {@code data}: started again on the same directory it keeps its
 * ledger, scans and keys, as a restarted service would.
 */
final class DemoService implements AutoCloseable {
  private final Process process;
  final String url;
  final Path data;

  private DemoService(Process process, String url, Path data) {
    this.process = process;
    this.url = url;
    this.data = data;
  }

  /**
   * Starts the service and waits until the demo is seeded and the HTTP port answers. Skips the test
   * when the service jar was not built.
   */
  static DemoService start(Path data) throws Exception {
    String jar = System.getProperty("service.jar");
    Assumptions.assumeTrue(
        jar != null && Files.isRegularFile(Path.of(jar)),
        "the service jar " + jar + " is not built: run 'mvn -B -DskipTests package' at the root");
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
    Path log = data.resolve("service-" + System.nanoTime() + ".log");
    List<String> command = new ArrayList<>(List.of(javaBin.toString()));
    command.addAll(JarRun.jvmFlags());
    command.addAll(
        List.of(
            "-Dmarkproof.demo=true",
            "-Dmarkproof.data-dir=" + data,
            "-Dquarkus.http.port=" + port,
            "-jar",
            jar));
    Process process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    DemoService service = new DemoService(process, "http://127.0.0.1:" + port, data);
    long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
    while (!Files.exists(data.resolve("demo/seeded")) || !service.answers()) {
      if (!process.isAlive() || System.nanoTime() > deadline) {
        process.destroyForcibly();
        throw new AssertionError(
            "the demo service did not start within 180 s:\n" + Files.readString(log));
      }
      Thread.sleep(200);
    }
    return service;
  }

  private boolean answers() {
    try {
      return get("/checkpoint", null).statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** {@code GET path}, with {@code token} as bearer when given. */
  HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(30));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The log's checkpoint verifier key, as {@code GET /v1/log/key} publishes it. */
  String logKey() throws IOException, InterruptedException {
    return new ObjectMapper()
        .readTree(get("/v1/log/key", null).body())
        .path("checkpointVerifierKey")
        .asText();
  }

  /**
   * The demo's printed labels ({@code demo/labels/payloads.txt}): the first payload of each kind
   * ({@code genuine}, {@code revoked}, …), in the file's order.
   */
  Map<String, String> labels() throws IOException {
    Map<String, String> labels = new LinkedHashMap<>();
    for (String line :
        Files.readAllLines(data.resolve("demo/labels/payloads.txt"), StandardCharsets.UTF_8)) {
      String[] parts = line.split("\t", 2);
      labels.putIfAbsent(parts[0], parts[1]);
    }
    return labels;
  }

  /**
   * Runs {@code sync} of the post's store {@code store} from this service with the built jar,
   * trusting the log and timestamp keys it publishes; the caller checks the run.
   */
  JarRun sync(Path store) throws IOException, InterruptedException {
    JsonNode keys = new ObjectMapper().readTree(get("/v1/log/key", null).body());
    return JarRun.of(
        "sync",
        "--store",
        store.toString(),
        "--server",
        url,
        "--log-key",
        keys.path("checkpointVerifierKey").asText(),
        "--timestamp-key",
        keys.path("timestampVerifierKey").asText());
  }

  /** {@link #sync}, which must succeed; returns the log's verifier key. */
  String syncPost(Path store) throws IOException, InterruptedException {
    JarRun sync = sync(store);
    org.junit.jupiter.api.Assertions.assertEquals(0, sync.exitCode(), sync::toString);
    return logKey();
  }

  /** A demo token file: {@code <data>/demo/tokens/<name>.jwt}. */
  Path token(String name) {
    return data.resolve("demo/tokens/" + name + ".jwt");
  }

  /** Stops the service and waits for it. */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
