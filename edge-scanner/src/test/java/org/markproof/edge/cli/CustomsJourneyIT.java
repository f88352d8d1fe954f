package org.markproof.edge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The customs journey end to end through the built jars: the real service in demo mode (a real
 * ledger on an embedded PostgreSQL), a customs officer scanning the demo's printed labels by text
 * and by photo over real HTTP, and an auditor checking every verdict offline with {@code
 * edge-scanner evidence verify} and nothing but the two published keys.
 */
class CustomsJourneyIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String POST = "de-fra-cargo";

  private static DemoService service;
  private static String logKey;
  private static String verdictKey;
  private static Map<String, String> payloads;

  @TempDir static Path data;
  @TempDir Path dir;

  @BeforeAll
  static void startService() throws Exception {
    service = DemoService.start(data);
    logKey = service.logKey();
    verdictKey =
        JSON.readTree(service.get("/v1/scans/key", null).body()).path("verdictKey").asText();
    payloads = service.labels();
  }

  @AfterAll
  static void stopService() throws InterruptedException {
    if (service != null) {
      service.close();
    }
  }

  private static HttpResponse<String> scan(String code) throws Exception {
    ObjectNode body = JSON.createObjectNode();
    body.put("code", code);
    body.put("postId", POST);
    body.put("lat", 50.0500);
    body.put("lon", 8.5700);
    body.put("scannedAt", Instant.now().toString());
    body.put("scanId", UUID.randomUUID().toString());
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(service.url + "/v1/scans"))
                .header(
                    "Authorization", "Bearer " + Files.readString(service.token("customs")).strip())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> scanPhoto(Path image) throws Exception {
    String boundary = "----markproof" + UUID.randomUUID();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Map<String, String> fields =
        Map.of(
            "postId",
            POST,
            "lat",
            "50.05",
            "lon",
            "8.57",
            "scannedAt",
            Instant.now().toString(),
            "scanId",
            UUID.randomUUID().toString());
    for (Map.Entry<String, String> field : fields.entrySet()) {
      out.write(
          ("--"
                  + boundary
                  + "\r\nContent-Disposition: form-data; name=\""
                  + field.getKey()
                  + "\"\r\n\r\n"
                  + field.getValue()
                  + "\r\n")
              .getBytes(StandardCharsets.UTF_8));
    }
    out.write(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"photo\"; filename=\""
                + image.getFileName()
                + "\"\r\nContent-Type: image/png\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    out.write(Files.readAllBytes(image));
    out.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(service.url + "/v1/scans"))
                .header(
                    "Authorization", "Bearer " + Files.readString(service.token("customs")).strip())
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray()))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  /** Saves the verdict and checks it with the auditor's command; returns the verdict code. */
  private String auditedVerdict(HttpResponse<String> response, String name) throws Exception {
    assertEquals(200, response.statusCode(), response.body());
    Path file = dir.resolve(name + ".json");
    Files.writeString(file, response.body());
    JarRun run =
        JarRun.of(
            "evidence",
            "verify",
            "--log-key",
            logKey,
            "--verdict-key",
            verdictKey,
            file.toString());
    assertEquals(0, run.exitCode(), name + ": " + run);
    JsonNode doc = JSON.readTree(response.body());
    assertTrue(run.out().contains(doc.path("verdict").asText()), run::toString);
    return doc.path("verdict").asText();
  }

  @Test
  void everyVerdictByTextAndPhotoVerifiesOfflineWithTheCommandLine() throws Exception {
    assertEquals("GENUINE", auditedVerdict(scan(payloads.get("genuine")), "genuine"));
    assertEquals(
        "GENUINE", auditedVerdict(scan(payloads.get("genuine-licensee")), "genuine-licensee"));
    assertEquals("REVOKED", auditedVerdict(scan(payloads.get("revoked")), "revoked"));
    assertEquals(
        "COUNTERFEIT",
        auditedVerdict(scan(payloads.get("counterfeit-signature")), "counterfeit-signature"));
    assertEquals(
        "COUNTERFEIT",
        auditedVerdict(scan(payloads.get("counterfeit-batch")), "counterfeit-batch"));
    assertEquals("UNKNOWN", auditedVerdict(scan(payloads.get("plain-ean")), "plain-ean"));
    assertEquals("MALFORMED", auditedVerdict(scan("'; DROP TABLE scan; --"), "malformed"));

    Path labels = data.resolve("demo/labels");
    try (var files = Files.list(labels)) {
      List<Path> pngs = files.filter(p -> p.toString().endsWith(".png")).sorted().toList();
      Path revokedPng =
          pngs.stream()
              .filter(p -> p.getFileName().toString().contains("revoked"))
              .findFirst()
              .orElseThrow();
      Path matrix = labels.resolve("genuine-datamatrix.png");
      assertEquals("REVOKED", auditedVerdict(scanPhoto(revokedPng), "photo-revoked"));
      assertEquals("GENUINE", auditedVerdict(scanPhoto(matrix), "photo-datamatrix"));
    }

    // The same genuine label, scanned over and over at one post: past the clone policy's count
    // (10 in 24 hours) it is a suspect clone, listing the earlier sightings.
    String label = payloads.get("genuine");
    String last = null;
    for (int i = 0; i < 10; i++) {
      last = auditedVerdict(scan(label), "repeat-" + i);
    }
    assertEquals("SUSPECT_CLONE", last);
  }

  @Test
  void aVerdictAlteredAfterSigningFailsTheCheck() throws Exception {
    HttpResponse<String> response = scan(payloads.get("counterfeit-signature"));
    assertEquals(200, response.statusCode(), response.body());
    ObjectNode doc = (ObjectNode) JSON.readTree(response.body());
    doc.put("verdict", "GENUINE");
    Path file = dir.resolve("altered.json");
    Files.writeString(file, JSON.writeValueAsString(doc));
    JarRun run =
        JarRun.of(
            "evidence",
            "verify",
            "--log-key",
            logKey,
            "--verdict-key",
            verdictKey,
            file.toString());
    assertEquals(1, run.exitCode(), run::toString);
  }
}
