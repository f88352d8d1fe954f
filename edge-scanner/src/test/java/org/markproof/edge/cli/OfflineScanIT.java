package org.markproof.edge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.markproof.contracts.checkpoint.CheckpointVerifier;
import org.markproof.contracts.note.Ed25519NoteVerifier;
import org.markproof.contracts.verdict.EvidenceVerifier;
import org.markproof.edge.store.EdgeStore;
import org.markproof.edge.store.Evidence;

/**
 * The issue's "Done when", through the built jars: a post syncs from the real service in demo mode,
 * the service goes away, the post scans the demo's labels of every kind offline (and one serial
 * often enough to be a clone, and once past its age limit), the service comes back on the same
 * data, the post uploads with the demo customs officer's token, every offline verdict equals the
 * service's for the same scan, and the clone reaches the brand owner's alerts.
 */
class OfflineScanIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, String> EXPECTED =
      Map.of(
          "genuine", "GENUINE",
          "genuine-licensee", "GENUINE",
          "revoked", "REVOKED",
          "counterfeit-signature", "COUNTERFEIT",
          "counterfeit-batch", "COUNTERFEIT",
          "plain-ean", "UNKNOWN");

  @TempDir Path data;
  @TempDir Path dir;

  @Test
  void offlineVerdictsEqualTheServicesAfterUploadAndTheCloneAlertsTheBrandOwner() throws Exception {
    Path store = dir.resolve("post.db");
    String logKey;
    try (DemoService service = DemoService.start(data)) {
      logKey = service.syncPost(store);
    }

    // Offline from here: the service is stopped.
    List<String[]> labels = new ArrayList<>();
    for (String line :
        Files.readAllLines(data.resolve("demo/labels/payloads.txt"), StandardCharsets.UTF_8)) {
      labels.add(line.split("\t", 2));
    }
    Map<String, JsonNode> documents = new LinkedHashMap<>();
    boolean first = true;
    for (String[] label : labels) {
      JsonNode doc =
          first
              ? scan(store, label[1], "--post", "de-fra-cargo", "--lat", "50.05", "--lon", "8.57")
              : scan(store, label[1]);
      first = false;
      assertEquals(EXPECTED.get(label[0]), doc.path("verdict").asText(), label[0] + ": " + doc);
      assertTrue(doc.path("offline").asBoolean(), doc::toString);
      assertTrue(doc.has("checkpointAgeSeconds"), doc::toString);
      documents.put(doc.at("/scan/scanId").asText(), doc);
    }
    // A photo of the first licensee label, decoded as the service decodes a photo scan.
    JarRun photoRun =
        jar(
            "scan",
            "--store",
            store.toString(),
            "--image",
            data.resolve("demo/labels/02-genuine-licensee.png").toString());
    assertEquals(0, photoRun.exitCode(), photoRun::toString);
    JsonNode photo = JSON.readTree(photoRun.out());
    assertEquals("GENUINE", photo.path("verdict").asText(), photo::toString);
    assertEquals("]Q1" + labels.get(1)[1], photo.at("/scan/code").asText(), photo::toString);
    assertEquals("qr_code", photo.at("/scan/symbology").asText(), photo::toString);
    documents.put(photo.at("/scan/scanId").asText(), photo);
    JsonNode malformed = scan(store, "<script>alert(1)</script>");
    assertEquals("MALFORMED", malformed.path("verdict").asText(), malformed::toString);
    documents.put(malformed.at("/scan/scanId").asText(), malformed);

    // The first genuine label, already scanned once: ten more at this post within the window
    // make the eleventh sighting, one more than the default policy's ten.
    String copied = labels.get(0)[1];
    String cloneId = null;
    for (int i = 2; i <= 11; i++) {
      JsonNode doc = scan(store, copied);
      String expected = i <= 10 ? "GENUINE" : "SUSPECT_CLONE";
      assertEquals(expected, doc.path("verdict").asText(), "sighting " + i + ": " + doc);
      documents.put(doc.at("/scan/scanId").asText(), doc);
      cloneId = doc.at("/scan/scanId").asText();
    }
    assertEquals("seen-too-often", documents.get(cloneId).path("reasons").get(0).asText());

    // The checkpoint was signed before the sync and eleven scans (each a new JVM) ago: older than
    // the one second allowed here, which the age asserted below confirms.
    JsonNode stale = scan(store, labels.get(1)[1], "--max-age", "1s");
    assertEquals("STALE", stale.path("verdict").asText(), stale::toString);
    assertEquals("GENUINE", stale.path("wouldBe").asText(), stale::toString);
    assertTrue(stale.path("checkpointAgeSeconds").asLong() >= 1, stale::toString);
    documents.put(stale.at("/scan/scanId").asText(), stale);

    JarRun key = jar("keys", "verdict", "--store", store.toString());
    assertEquals(0, key.exitCode(), key::toString);
    EvidenceVerifier verifier =
        EvidenceVerifier.of(
            CheckpointVerifier.forLog(Ed25519NoteVerifier.parse(logKey)),
            Ed25519NoteVerifier.parse(key.out().strip()));
    for (JsonNode doc : documents.values()) {
      EvidenceVerifier.Result checked = verifier.verify(JSON.writeValueAsBytes(doc));
      assertEquals(doc.path("verdict").asText(), checked.verdict());
    }
    JsonNode status = JSON.readTree(jar("status", "--json", "--store", store.toString()).out());
    assertEquals(documents.size(), status.path("queue").asInt(), status::toString);
    assertEquals(key.out().strip(), status.path("verdictKey").asText());

    // The store as it was when the upload below sent its scans: as if the post crashed after
    // sending and before removing them from its queue.
    Path crashed = dir.resolve("crashed.db");
    for (String suffix : List.of("", "-wal")) {
      Path file = Path.of(store + suffix);
      if (Files.exists(file)) {
        Files.copy(file, Path.of(crashed + suffix));
      }
    }

    try (DemoService service = DemoService.start(data)) {
      JarRun upload =
          jar(
              "upload",
              "--store",
              store.toString(),
              "--server",
              service.url,
              "--token",
              "@" + service.token("customs"));
      assertEquals(0, upload.exitCode(), upload::toString);
      System.out.println("OfflineScanIT upload:\n" + upload.out());
      Map<String, String> serviceVerdicts = new HashMap<>();
      for (String line : upload.out().split("\n")) {
        String[] words = line.split(" ");
        if (words[0].equals("recorded")) {
          serviceVerdicts.put(words[1], words[2]);
        }
      }
      assertEquals(documents.keySet(), serviceVerdicts.keySet(), upload::toString);
      for (Map.Entry<String, JsonNode> e : documents.entrySet()) {
        JsonNode doc = e.getValue();
        String offline =
            doc.has("wouldBe") ? doc.get("wouldBe").asText() : doc.get("verdict").asText();
        assertEquals(offline, serviceVerdicts.get(e.getKey()), "scan " + e.getKey() + ": " + doc);
      }
      JsonNode alerts =
          JSON.readTree(
              service
                  .get(
                      "/v1/alerts?limit=1000",
                      Files.readString(service.token("brand-owner")).strip())
                  .body());
      boolean alerted = false;
      for (JsonNode alert : alerts.path("alerts")) {
        if (alert.path("scanId").asText().equals(cloneId)) {
          assertEquals("SUSPECT_CLONE", alert.path("verdict").asText(), alert::toString);
          assertTrue(alert.path("offline").asBoolean(), alert::toString);
          alerted = true;
        }
      }
      assertTrue(alerted, "no alert for the clone " + cloneId + " in " + alerts);

      JarRun again =
          jar(
              "upload",
              "--store",
              store.toString(),
              "--server",
              service.url,
              "--token",
              "@" + service.token("customs"));
      assertEquals(0, again.exitCode(), again::toString);
      assertTrue(
          again.out().contains("0 scan(s) acknowledged, 0 refused, 0 still queued"),
          again::toString);

      // After the crash the post sends everything again: the service answers duplicate, with
      // the verdicts it gave. One scan changed since (a conflict) and one it cannot read
      // (invalid) stay queued; the upload says so and exits 1.
      String changed = documents.keySet().iterator().next();
      try (EdgeStore edge = EdgeStore.open(crashed)) {
        String body = edge.scanQueue().list(1).get(0).body();
        assertEquals(changed, JSON.readTree(body).path("scanId").asText());
        edge.scanQueue().remove(changed);
        edge.scanQueue()
            .enqueue(changed, body.replace("\"lat\":50.05", "\"lat\":50.06"), Instant.EPOCH);
        edge.scanQueue()
            .enqueue(
                "not-a-scan",
                "{\"scanId\":\"not-a-scan\",\"code\":\"x\",\"lat\":91,\"lon\":0,"
                    + "\"scannedAt\":\"2026-01-01T00:00:00Z\"}",
                Instant.now());
        // Evidence of a fork (the service records any report and checks it itself) and of an
        // invalid entry, which the endpoint does not take and the post keeps.
        String adopted = edge.checkpoint().orElseThrow().note();
        edge.evidence()
            .record(
                Evidence.Kind.FORK,
                Optional.of(adopted),
                adopted,
                List.of(),
                "a report the service checks",
                Instant.now());
        edge.evidence()
            .record(
                Evidence.Kind.INVALID_ENTRY,
                Optional.of(adopted),
                adopted,
                List.of(),
                "kept by the post",
                Instant.now());
      }
      JarRun resent =
          jar(
              "upload",
              "--store",
              crashed.toString(),
              "--server",
              service.url,
              "--token",
              "@" + service.token("customs"));
      assertEquals(1, resent.exitCode(), resent::toString);
      int duplicates = 0;
      for (String line : resent.out().split("\n")) {
        String[] words = line.split(" ");
        if (words[0].equals("duplicate")) {
          assertEquals(serviceVerdicts.get(words[1]), words[2], line);
          duplicates++;
        }
      }
      assertEquals(documents.size() - 1, duplicates, resent::toString);
      assertTrue(resent.out().contains("conflict " + changed), resent::toString);
      assertTrue(resent.out().contains("invalid not-a-scan"), resent::toString);
      assertTrue(resent.out().contains("1 piece(s) of evidence uploaded"), resent::toString);
      assertTrue(resent.out().contains("evidence #2 invalid-entry: kept"), resent::toString);
      try (EdgeStore edge = EdgeStore.open(crashed)) {
        assertEquals(2, edge.scanQueue().size());
        assertTrue(edge.scanQueue().contains(changed));
        List<Evidence> evidence = edge.evidence().all();
        assertTrue(evidence.get(0).uploaded());
        assertTrue(!evidence.get(1).uploaded());
      }
      JsonNode reported =
          JSON.readTree(
              service
                  .get("/v1/edge/evidence", Files.readString(service.token("operator")).strip())
                  .body());
      assertEquals(1, reported.path("evidence").size(), reported::toString);
      assertEquals("de-fra-cargo", reported.at("/evidence/0/postId").asText());
      assertEquals("fork", reported.at("/evidence/0/kind").asText());
    }
  }

  private static JsonNode scan(Path store, String code, String... options) throws Exception {
    List<String> args = new ArrayList<>(List.of("scan", "--store", store.toString()));
    args.addAll(List.of(options));
    args.add(code);
    JarRun run = jar(args.toArray(String[]::new));
    assertEquals(0, run.exitCode(), run::toString);
    return JSON.readTree(run.out());
  }

  private static JarRun jar(String... args) throws Exception {
    return JarRun.of(args);
  }
}
