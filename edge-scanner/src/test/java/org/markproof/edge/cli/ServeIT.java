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
import java.util.ArrayList;
import java.util.List;
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
 * {@code serve} through the built jar: a handheld's scan in each form the service takes (JSON with
 * the service's fields, a multipart photo with them, a raw PNG) answered with the same signed,
 * verifiable document {@code scan} prints and queued once with the handheld's scan id, position and
 * time; a retry of a scan id answered the first verdict; post tokens required ({@code token issue},
 * a revoked handheld refused); bad requests refused with the service's problem documents; {@code
 * GET /checkpoint} answering the adopted note.
 */
class ServeIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern SERVING = Pattern.compile("on http://[^:]+:(\\d+), bearer tokens");

  @TempDir Path dir;

  @Test
  void answersHandheldScansAsTheServiceWouldForTokenHoldersOnly() throws Exception {
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
    JarRun revokedIssue =
        JarRun.of(
            "token",
            "issue",
            "--store",
            store.toString(),
            "--handheld",
            "hh-lost",
            "--post",
            "xx-lan",
            "--lat",
            "1",
            "--lon",
            "2");
    assertEquals(0, revokedIssue.exitCode(), revokedIssue::toString);
    JarRun revoke =
        JarRun.of("token", "revoke", "--store", store.toString(), "--handheld", "hh-lost");
    assertEquals(0, revoke.exitCode(), revoke::toString);
    JarRun issue = JarRun.of("token", "issue", "--store", store.toString(), "--handheld", "hh-1");
    assertEquals(0, issue.exitCode(), issue::toString);
    String token = issue.out().strip();
    Path out = dir.resolve("serve.out");
    Process serve = startServe(out, "--store", store.toString());
    try {
      Matcher serving = awaitServing(serve, out);
      String base = "http://127.0.0.1:" + serving.group(1);
      HttpClient http = HttpClient.newHttpClient();
      String code = "{\"code\":\"9506000134352\"}";

      HttpResponse<String> noToken = post(http, base, null, code);
      assertEquals(401, noToken.statusCode(), noToken.body());
      assertEquals(
          "Bearer realm=\"markproof\"", noToken.headers().firstValue("WWW-Authenticate").get());
      assertEquals(
          "unauthenticated", JSON.readTree(noToken.body()).path("code").asText(), noToken.body());
      HttpResponse<String> tampered = post(http, base, token + "x", code);
      assertEquals(401, tampered.statusCode(), tampered.body());
      HttpResponse<String> revoked = post(http, base, revokedIssue.out().strip(), code);
      assertEquals(401, revoked.statusCode(), revoked.body());
      HttpResponse<String> unknown = post(http, base, token, "{\"code\":\"1\",\"post\":\"x\"}");
      assertEquals(400, unknown.statusCode(), unknown.body());
      assertEquals("application/problem+json", unknown.headers().firstValue("Content-Type").get());
      assertEquals("unknown-field", JSON.readTree(unknown.body()).path("code").asText());
      HttpResponse<String> bad =
          post(http, base, token, "{\"code\":\"1\",\"lat\":91,\"lon\":\"x\",\"scanId\":\"-\"}");
      assertEquals(400, bad.statusCode(), bad.body());
      assertEquals(3, JSON.readTree(bad.body()).path("violations").size(), bad.body());
      HttpResponse<String> elsewhere =
          post(http, base, token, "{\"code\":\"1\",\"postId\":\"de-fra-cargo\"}");
      assertEquals(403, elsewhere.statusCode(), elsewhere.body());
      assertEquals(
          "post-mismatch",
          JSON.readTree(elsewhere.body()).at("/violations/0/code").asText(),
          elsewhere.body());

      String scan =
          "{\"code\":\"9506000134352\",\"symbology\":\"ean13\",\"postId\":\"xx-lan\","
              + "\"lat\":1.5,\"lon\":2.5,\"scannedAt\":\"2026-01-01T10:00:00Z\","
              + "\"scanId\":\"hh1-0001\"}";
      HttpResponse<String> scanned = post(http, base, token, scan);
      assertEquals(200, scanned.statusCode(), scanned.body());
      assertEquals("durable", scanned.headers().firstValue("Markproof-Record").get());
      JsonNode doc = JSON.readTree(scanned.body());
      assertEquals("UNKNOWN", doc.path("verdict").asText());
      assertEquals("hh1-0001", doc.at("/scan/scanId").asText());
      assertEquals("xx-lan", doc.at("/scan/postId").asText());
      assertEquals(1.5, doc.at("/scan/lat").asDouble());
      assertEquals("2026-01-01T10:00:00Z", doc.at("/scan/scannedAt").asText());
      assertTrue(doc.path("offline").asBoolean());
      HttpResponse<String> retry = post(http, base, token, scan);
      assertEquals(200, retry.statusCode(), retry.body());
      assertEquals(scanned.body(), retry.body());
      assertEquals("true", retry.headers().firstValue("Markproof-Replayed").get());
      HttpResponse<String> reused = post(http, base, token, scan.replace("1.5", "1.6"));
      assertEquals(409, reused.statusCode(), reused.body());

      // ?durable=false answers before the commit, as the service does; a retry without it waits.
      String early = scan.replace("hh1-0001", "hh1-0003");
      HttpResponse<String> pending =
          post(http, URI.create(base + "/v1/scans?durable=false"), token, early);
      assertEquals(200, pending.statusCode(), pending.body());
      String record = pending.headers().firstValue("Markproof-Record").orElseThrow();
      assertTrue(record.equals("pending") || record.equals("durable"), record);
      HttpResponse<String> waited = post(http, base, token, early);
      assertEquals(pending.body(), waited.body());
      assertEquals("durable", waited.headers().firstValue("Markproof-Record").orElseThrow());
      HttpResponse<String> maybe =
          post(http, URI.create(base + "/v1/scans?durable=maybe"), token, early);
      assertEquals(400, maybe.statusCode(), maybe.body());

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

      Multipart form =
          new Multipart()
              .field("scanId", "hh1-0002")
              .field("lat", "1.25")
              .field("lon", "2.25")
              .field("scannedAt", "2026-01-01T10:05:00+01:00")
              .file("photo", "label.png", "image/png", png);
      HttpResponse<String> formScan = post(http, base, token, form.contentType(), form.body());
      assertEquals(200, formScan.statusCode(), formScan.body());
      JsonNode formDoc = JSON.readTree(formScan.body());
      assertEquals("hh1-0002", formDoc.at("/scan/scanId").asText());
      assertEquals("]Q19506000134352", formDoc.at("/scan/code").asText());
      assertEquals("2026-01-01T09:05:00Z", formDoc.at("/scan/scannedAt").asText());
      HttpResponse<String> formRetry = post(http, base, token, form.contentType(), form.body());
      assertEquals(formScan.body(), formRetry.body());
      Multipart codePart =
          new Multipart().field("code", "1").file("photo", "label.png", "image/png", png);
      HttpResponse<String> withCode =
          post(http, base, token, codePart.contentType(), codePart.body());
      assertEquals(400, withCode.statusCode(), withCode.body());
      HttpResponse<String> cut =
          post(
              http,
              base,
              token,
              form.contentType(),
              java.util.Arrays.copyOf(form.body(), form.body().length - 10));
      assertEquals(400, cut.statusCode(), cut.body());
      assertTrue(cut.body().contains("closing boundary"), cut.body());

      HttpResponse<String> checkpoint =
          http.send(
              HttpRequest.newBuilder(URI.create(base + "/checkpoint")).build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(200, checkpoint.statusCode());
      assertEquals(log.note(8), checkpoint.body());

      serve.destroy();
      assertTrue(serve.waitFor(30, java.util.concurrent.TimeUnit.SECONDS));
      JarRun key = JarRun.of("keys", "verdict", "--store", store.toString());
      EvidenceVerifier verifier =
          EvidenceVerifier.of(
              CheckpointVerifier.forLog(Ed25519NoteVerifier.parse(log.verifierKey())),
              Ed25519NoteVerifier.parse(key.out().strip()));
      verifier.verify(scanned.body().getBytes(StandardCharsets.UTF_8));
      verifier.verify(formScan.body().getBytes(StandardCharsets.UTF_8));
      try (EdgeStore edge = EdgeStore.open(store)) {
        assertEquals(4, edge.scanQueue().size());
        assertTrue(edge.scanQueue().contains("hh1-0003"));
        assertTrue(edge.scanQueue().contains(photoDoc.at("/scan/scanId").asText()));
        assertTrue(edge.scanQueue().contains("hh1-0001"));
        assertTrue(edge.scanQueue().contains("hh1-0002"));
        JsonNode queued = JSON.readTree(edge.scanQueue().find("hh1-0001").orElseThrow().body());
        assertEquals(2.5, queued.path("lon").asDouble());
        assertEquals("2026-01-01T10:00:00Z", queued.path("scannedAt").asText());
      }
    } finally {
      serve.destroyForcibly();
    }
  }

  /**
   * Starts {@code serve} from the built jar on a free loopback port with {@code args}, its standard
   * output in {@code out} and its standard error beside it.
   */
  static Process startServe(Path out, String... args) throws java.io.IOException {
    List<String> command =
        new ArrayList<>(
            List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    command.addAll(JarRun.jvmFlags());
    command.addAll(
        List.of(
            "-jar", System.getProperty("edge.jar"), "serve", "--bind", "127.0.0.1", "--port", "0"));
    command.addAll(List.of(args));
    return new ProcessBuilder(command)
        .redirectOutput(out.toFile())
        .redirectError(Path.of(out + ".err").toFile())
        .start();
  }

  static Matcher awaitServing(Process serve, Path out) throws Exception {
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

  /** {@code POST url} with a JSON scan. */
  private static HttpResponse<String> post(HttpClient http, URI url, String token, String json)
      throws Exception {
    return http.send(
        HttpRequest.newBuilder(url)
            .header("Content-Type", "application/json")
            .header("Authorization", "Bearer " + token)
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** A multipart/form-data body (RFC 7578) as an HTTP client writes one. */
  static final class Multipart {
    private final String boundary = "edge-it-" + System.nanoTime();
    private final java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();

    Multipart field(String name, String value) {
      return part("form-data; name=\"" + name + "\"", null, value.getBytes(StandardCharsets.UTF_8));
    }

    Multipart file(String name, String filename, String type, byte[] content) {
      return part("form-data; name=\"" + name + "\"; filename=\"" + filename + "\"", type, content);
    }

    private Multipart part(String disposition, String type, byte[] content) {
      String head =
          "--"
              + boundary
              + "\r\nContent-Disposition: "
              + disposition
              + "\r\n"
              + (type == null ? "" : "Content-Type: " + type + "\r\n")
              + "\r\n";
      out.writeBytes(head.getBytes(StandardCharsets.UTF_8));
      out.writeBytes(content);
      out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
      return this;
    }

    String contentType() {
      return "multipart/form-data; boundary=" + boundary;
    }

    byte[] body() {
      byte[] parts = out.toByteArray();
      byte[] end = ("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
      byte[] all = java.util.Arrays.copyOf(parts, parts.length + end.length);
      System.arraycopy(end, 0, all, parts.length, end.length);
      return all;
    }
  }

  static HttpResponse<String> post(
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
