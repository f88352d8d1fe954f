package org.markproof.edge.cli;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * The real service, started from its built jar in demo mode (embedded PostgreSQL, the seeded demo
 * ledger, tokens and labels under its data directory), for integration tests of the command line
 * against it. Skips the calling test only when the service jar was not built (a reactor build
 * without the service module); {@code mvn verify} from the root builds it first.
 */
final class DemoService implements AutoCloseable {
  private final Process process;
  final Path data;
  final String url;

  private DemoService(Process process, Path data, String url) {
    this.process = process;
    this.data = data;
    this.url = url;
  }

  /** Starts the demo service on a free port with {@code data} as its data directory. */
  static DemoService start(Path data, String... properties) throws Exception {
    String jar = System.getProperty("service.jar");
    Assumptions.assumeTrue(
        jar != null && Files.isRegularFile(Path.of(jar)),
        "the service jar " + jar + " is not built: run 'mvn -B -DskipTests package' at the root");
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dmarkproof.demo=true",
                "-Dmarkproof.data-dir=" + data,
                "-Dquarkus.http.port=" + port));
    for (String property : properties) {
      command.add("-D" + property);
    }
    command.addAll(List.of("-jar", jar));
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(data.resolve("service.log").toFile())
            .start();
    long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
    while (!Files.exists(data.resolve("demo/seeded"))) {
      if (!process.isAlive() || System.nanoTime() > deadline) {
        process.destroyForcibly();
        throw new AssertionError(
            "the demo service did not seed within 180 s:\n"
                + Files.readString(data.resolve("service.log")));
      }
      Thread.sleep(200);
    }
    return new DemoService(process, data, "http://127.0.0.1:" + port);
  }

  /** The demo's access token of {@code role} ({@code customs}, {@code brand-owner}, …). */
  String token(String role) throws IOException {
    return Files.readString(data.resolve("demo/tokens/" + role + ".jwt")).strip();
  }

  /** GET {@code path}, expecting 200. */
  String get(String path) throws IOException, InterruptedException {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(url + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new AssertionError(path + ": " + response.statusCode() + " " + response.body());
    }
    return response.body();
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    process.waitFor();
  }
}
