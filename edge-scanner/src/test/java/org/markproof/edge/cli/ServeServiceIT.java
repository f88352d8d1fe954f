package org.markproof.edge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve} as a drop-in for the service's scan API, through the built jars: the real service
 * in demo mode is up; {@code serve --server} fetches its token keys and accepts the demo customs
 * officer's own token (and refuses the brand owner's, as the service does); a multipart photo scan
 * of a demo label gets the same verdict at the post as at the service; the background upload
 * delivers each scan exactly once, and a scan sent again after a restart of {@code serve} is
 * answered {@code duplicate} by the service and recorded there once.
 */
class ServeServiceIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path data;
  @TempDir Path dir;

  @Test
  void verifiesTheServicesTokensGivesItsVerdictsAndUploadsEachScanOnce() throws Exception {
    try (DemoService service = DemoService.start(data)) {
      Path store = dir.resolve("post.db");
      service.syncPost(store);
      String customs = Files.readString(service.token("customs")).strip();
      String brandOwner = Files.readString(service.token("brand-owner")).strip();
      byte[] licensee = Files.readAllBytes(data.resolve("demo/labels/02-genuine-licensee.png"));
      Path revokedPng;
      try (var labels = Files.list(data.resolve("demo/labels"))) {
        revokedPng =
            labels
                .filter(p -> p.getFileName().toString().endsWith("-revoked.png"))
                .findFirst()
                .orElseThrow();
      }
      byte[] revoked = Files.readAllBytes(revokedPng);
      HttpClient http = HttpClient.newHttpClient();
      String scannedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();

      Path out = dir.resolve("serve-1.out");
      Process serve = serve(store, service, out);
      try {
        String base = base(serve, out);
        awaitLine(serve, out, "token keys: kept 1 key(s) of https://markproof.local/auth");

        for (String[] label :
            List.of(new String[] {"licensee", "GENUINE"}, new String[] {"revoked", "REVOKED"})) {
          byte[] png = label[0].equals("licensee") ? licensee : revoked;
          ServeIT.Multipart atPost = photoForm("edge-" + label[0], scannedAt, png);
          HttpResponse<String> edge =
              ServeIT.post(http, base, customs, atPost.contentType(), atPost.body());
          assertEquals(200, edge.statusCode(), edge.body());
          ServeIT.Multipart online = photoForm("online-" + label[0], scannedAt, png);
          HttpResponse<String> onService =
              ServeIT.post(http, service.url, customs, online.contentType(), online.body());
          assertEquals(200, onService.statusCode(), onService.body());
          JsonNode edgeDoc = JSON.readTree(edge.body());
          JsonNode serviceDoc = JSON.readTree(onService.body());
          assertEquals(label[1], serviceDoc.path("verdict").asText(), onService.body());
          assertEquals(serviceDoc.path("verdict"), edgeDoc.path("verdict"), edge.body());
          assertEquals(serviceDoc.path("reasons"), edgeDoc.path("reasons"), edge.body());
          assertEquals(serviceDoc.at("/scan/code"), edgeDoc.at("/scan/code"), edge.body());
          assertTrue(edgeDoc.path("offline").asBoolean(), edge.body());
        }

        // The brand owner's token is the service's too, without the customs group: 403 at both.
        ServeIT.Multipart form = photoForm("edge-brand", scannedAt, licensee);
        HttpResponse<String> brandAtPost =
            ServeIT.post(http, base, brandOwner, form.contentType(), form.body());
        HttpResponse<String> brandOnline =
            ServeIT.post(http, service.url, brandOwner, form.contentType(), form.body());
        assertEquals(403, brandOnline.statusCode(), brandOnline.body());
        assertEquals(brandOnline.statusCode(), brandAtPost.statusCode(), brandAtPost.body());
        HttpResponse<String> forged =
            ServeIT.post(http, base, customs + "A", form.contentType(), form.body());
        assertEquals(401, forged.statusCode(), forged.body());

        awaitLine(serve, out, "upload: recorded edge-licensee GENUINE");
        awaitLine(serve, out, "upload: recorded edge-revoked REVOKED");
      } finally {
        stop(serve);
      }

      // Sent again by the handheld after serve restarted: judged and queued again at the post,
      // answered duplicate by the service, recorded there once.
      Path again = dir.resolve("serve-2.out");
      Process restarted = serve(store, service, again);
      try {
        String base = base(restarted, again);
        ServeIT.Multipart retry = photoForm("edge-licensee", scannedAt, licensee);
        HttpResponse<String> resent =
            ServeIT.post(http, base, customs, retry.contentType(), retry.body());
        assertEquals(200, resent.statusCode(), resent.body());
        awaitLine(restarted, again, "upload: duplicate edge-licensee GENUINE");
      } finally {
        stop(restarted);
      }
      JsonNode scans =
          JSON.readTree(service.get("/v1/scans?post=de-fra-cargo&limit=1000", customs).body());
      int recorded = 0;
      for (JsonNode s : scans.path("scans")) {
        if (s.path("scanId").asText().equals("edge-licensee")) {
          recorded++;
          assertTrue(s.path("offline").asBoolean(), s::toString);
        }
      }
      assertEquals(1, recorded, scans::toString);
    }
  }

  private static ServeIT.Multipart photoForm(String scanId, String scannedAt, byte[] png) {
    return new ServeIT.Multipart()
        .field("scanId", scanId)
        .field("postId", "de-fra-cargo")
        .field("lat", "50.05")
        .field("lon", "8.57")
        .field("scannedAt", scannedAt)
        .file("photo", "label.png", "image/png", png);
  }

  private static Process serve(Path store, DemoService service, Path out) throws Exception {
    return ServeIT.startServe(
        out,
        "--store",
        store.toString(),
        "--post",
        "de-fra-cargo",
        "--lat",
        "50.05",
        "--lon",
        "8.57",
        "--server",
        service.url,
        "--upload-token",
        "@" + service.token("customs"),
        "--upload-interval",
        "1s");
  }

  private static String base(Process serve, Path out) throws Exception {
    Matcher serving = ServeIT.awaitServing(serve, out);
    return "http://127.0.0.1:" + serving.group(1);
  }

  private static void awaitLine(Process serve, Path out, String line) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      if (Files.readString(out).lines().anyMatch(l -> l.equals(line))) {
        return;
      }
      assertTrue(serve.isAlive(), "serve ended: " + Files.readString(out));
      Thread.sleep(200);
    }
    throw new AssertionError("serve never said '" + line + "':\n" + Files.readString(out));
  }

  private static void stop(Process serve) throws InterruptedException {
    serve.destroy();
    if (!serve.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
      serve.destroyForcibly();
    }
  }
}
