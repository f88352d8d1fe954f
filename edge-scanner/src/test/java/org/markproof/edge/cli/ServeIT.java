package org.markproof.edge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.markproof.contracts.barcode.BarcodeEncoder;
import org.markproof.contracts.barcode.PngRenderer;
import org.markproof.contracts.barcode.QrErrorCorrection;
import org.markproof.contracts.checkpoint.CheckpointVerifier;
import org.markproof.contracts.note.Ed25519NoteVerifier;
import org.markproof.contracts.verdict.EvidenceVerifier;
import org.markproof.edge.store.EdgeStore;
import org.markproof.edge.sync.TestLog;

/**
 * {@code serve} through the built jar: a handheld's JSON scan answered with the same signed,
 * verifiable document {@code scan} prints and queued; the post's LAN token required; bad requests
 * refused with problem documents; {@code GET /checkpoint} answering the adopted note.
 */
class ServeIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern SERVING =
      Pattern.compile("on http://[^:]+:(\\d+), bearer token in (\\S+);");

  @TempDir Path dir;

  @Test
  void answersHandheldScansWithQueuedVerdictsForTokenHoldersOnly() throws Exception {
    TestLog log = TestLog.of(8);
    Path store = dir.resolve("post.db");
    JarRun sync =
        JarRun.of(
            "sync",
            "--store",
            store.toString(),
            "--bundle",
            log.writeBundle(dir.resolve("log.bundle"), 0, 8).toString(),
            "--log-key",
            log.verifierKey());
    assertEquals(0, sync.exitCode(), sync::toString);
    Path out = dir.resolve("serve.out");
    Process serve =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                System.getProperty("edge.jar"),
                "serve",
                "--store",
                store.toString(),
                "--post",
                "xx-lan",
                "--lat",
                "1",
                "--lon",
                "2",
                "--bind",
                "127.0.0.1",
                "--port",
                "0")
            .redirectOutput(out.toFile())
            .redirectErrorStream(false)
            .redirectError(dir.resolve("serve.err").toFile())
            .start();
    try {
      Matcher serving = awaitServing(serve, out);
      String base = "http://127.0.0.1:" + serving.group(1);
      String token = Files.readString(Path.of(serving.group(2))).strip();
      HttpClient http = HttpClient.newHttpClient();

      HttpResponse<String> noToken = post(http, base, null, "{\"code\":\"9506000134352\"}");
      assertEquals(401, noToken.statusCode(), noToken.body());
      HttpResponse<String> wrongToken =
          post(http, base, "x" + token, "{\"code\":\"9506000134352\"}");
      assertEquals(401, wrongToken.statusCode(), wrongToken.body());
      HttpResponse<String> unknown = post(http, base, token, "{\"code\":\"1\",\"postId\":\"x\"}");
      assertEquals(400, unknown.statusCode(), unknown.body());
      assertEquals("application/problem+json", unknown.headers().firstValue("Content-Type").get());

      HttpResponse<String> scanned =
          post(http, base, token, "{\"code\":\"9506000134352\",\"symbology\":\"ean13\"}");
      assertEquals(200, scanned.statusCode(), scanned.body());
      JsonNode doc = JSON.readTree(scanned.body());
      assertEquals("UNKNOWN", doc.path("verdict").asText());
      assertEquals("xx-lan", doc.at("/scan/postId").asText());
      assertTrue(doc.path("offline").asBoolean());

      byte[] png =
          PngRenderer.render(BarcodeEncoder.qrCode("9506000134352", QrErrorCorrection.M), 6);
      HttpResponse<String> photo = post(http, base, token, "image/png", png);
      assertEquals(200, photo.statusCode(), photo.body());
      JsonNode photoDoc = JSON.readTree(photo.body());
      assertEquals("UNKNOWN", photoDoc.path("verdict").asText(), photo.body());
      assertEquals("]Q19506000134352", photoDoc.at("/scan/code").asText());
      assertEquals("qr_code", photoDoc.at("/scan/symbology").asText());
      HttpResponse<String> notAnImage =
          post(http, base, token, "image/png", "not a png".getBytes(StandardCharsets.UTF_8));
      assertEquals(400, notAnImage.statusCode(), notAnImage.body());

      HttpResponse<String> checkpoint =
          http.send(
              HttpRequest.newBuilder(URI.create(base + "/checkpoint")).build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(200, checkpoint.statusCode());
      assertEquals(log.note(8), checkpoint.body());

      serve.destroy();
      assertTrue(serve.waitFor(30, java.util.concurrent.TimeUnit.SECONDS));
      JarRun key = JarRun.of("keys", "verdict", "--store", store.toString());
      EvidenceVerifier.of(
              CheckpointVerifier.forLog(Ed25519NoteVerifier.parse(log.verifierKey())),
              Ed25519NoteVerifier.parse(key.out().strip()))
          .verify(scanned.body().getBytes(StandardCharsets.UTF_8));
      try (EdgeStore edge = EdgeStore.open(store)) {
        assertEquals(2, edge.scanQueue().size());
        assertTrue(edge.scanQueue().contains(photoDoc.at("/scan/scanId").asText()));
        assertTrue(edge.scanQueue().contains(doc.at("/scan/scanId").asText()));
      }
    } finally {
      serve.destroyForcibly();
    }
  }

  private static Matcher awaitServing(Process serve, Path out) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      Matcher m = SERVING.matcher(Files.readString(out));
      if (m.find()) {
        return m;
      }
      assertTrue(serve.isAlive(), "serve ended: " + Files.readString(out));
      Thread.sleep(100);
    }
    throw new AssertionError("serve did not start: " + Files.readString(out));
  }

  private static HttpResponse<String> post(HttpClient http, String base, String token, String json)
      throws Exception {
    return post(http, base, token, "application/json", json.getBytes(StandardCharsets.UTF_8));
  }

  private static HttpResponse<String> post(
      HttpClient http, String base, String token, String type, byte[] body) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + "/v1/scans"))
            .header("Content-Type", type)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
