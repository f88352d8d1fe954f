package org.markproof.edge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sync --territory} through the built jar against the real service in demo mode, whose
 * holder's product is registered for EM and AU and whose licensee's for EM only: a store kept for
 * EM keeps every entry, one kept for AU drops the licensee's batch; at a post in DE and at one in
 * AU, every demo label gets the same verdict and reasons from the filtered store as from a store
 * that keeps everything, but the licensee's goods in AU, NOT_AUTHORIZED for the same decisive
 * reason without their batch, with evidence {@code evidence verify} accepts; {@code status} shows
 * the filter, {@code bundle export} and another filter are refused where entries are lacking.
 */
class TerritorySyncIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String[] DE_POST = {
    "--post", "de-fra-cargo", "--lat", "50.05", "--lon", "8.57", "--territory", "DE"
  };
  private static final String[] AU_POST = {
    "--post", "au-syd", "--lat", "-33.94", "--lon", "151.17", "--territory", "AU"
  };

  private static DemoService service;
  private static String logKey;
  private static Map<String, String> labels;

  @TempDir static Path data;
  @TempDir Path dir;

  @BeforeAll
  static void startService() throws Exception {
    service = DemoService.start(data);
    logKey = service.logKey();
    labels = service.labels();
  }

  @AfterAll
  static void stopService() {
    if (service != null) {
      service.close();
    }
  }

  private static JarRun sync(Path store, String... territory) throws Exception {
    List<String> args =
        new ArrayList<>(
            List.of(
                "sync", "--store", store.toString(), "--server", service.url, "--log-key", logKey));
    args.addAll(List.of(territory));
    return JarRun.of(args.toArray(String[]::new));
  }

  private static JsonNode status(Path store) throws Exception {
    JarRun run = JarRun.of("status", "--json", "--store", store.toString());
    assertEquals(0, run.exitCode(), run::toString);
    return JSON.readTree(run.out());
  }

  /** Scans every demo label at {@code post}: verdict and reasons per label kind. */
  private Map<String, JsonNode> scanAll(Path store, String[] post) throws Exception {
    Map<String, JsonNode> out = new LinkedHashMap<>();
    for (Map.Entry<String, String> label : labels.entrySet()) {
      List<String> args = new ArrayList<>(List.of("scan", "--store", store.toString()));
      args.addAll(List.of(post));
      args.add(label.getValue());
      JarRun run = JarRun.of(args.toArray(String[]::new));
      assertEquals(0, run.exitCode(), label.getKey() + ": " + run);
      out.put(label.getKey(), JSON.readTree(run.out()));
    }
    return out;
  }

  private static Map<String, String> verdicts(Map<String, JsonNode> documents) {
    Map<String, String> out = new LinkedHashMap<>();
    documents.forEach(
        (kind, doc) -> out.put(kind, doc.path("verdict").asText() + " " + doc.path("reasons")));
    return out;
  }

  @Test
  void filteredStoresGiveTheWholeLogsVerdictsForTheirTerritoriesGoods() throws Exception {
    Path em = dir.resolve("em.db");
    Path au = dir.resolve("au.db");
    Path fullDe = dir.resolve("full-de.db");
    Path fullAu = dir.resolve("full-au.db");
    JarRun emSync = sync(em, "--territory", "EM");
    assertEquals(0, emSync.exitCode(), emSync::toString);
    assertTrue(emSync.out().contains("(kept for EM: "), emSync::toString);
    JarRun auSync = sync(au, "--territory", "AU");
    assertEquals(0, auSync.exitCode(), auSync::toString);
    System.out.println("TerritorySyncIT: " + auSync.out().strip());
    for (Path full : List.of(fullDe, fullAu)) {
      JarRun run = sync(full);
      assertEquals(0, run.exitCode(), run::toString);
    }

    long size = status(fullDe).path("checkpoint").path("size").asLong();
    JsonNode emStatus = status(em);
    assertEquals("[\"EM\"]", emStatus.path("territories").toString());
    assertEquals(size, emStatus.path("entries").asLong(), "the demo's goods are all for EM");
    JsonNode auStatus = status(au);
    assertEquals("[\"AU\"]", auStatus.path("territories").toString());
    assertEquals(size, auStatus.path("checkpoint").path("size").asLong());
    assertEquals(size - 1, auStatus.path("entries").asLong(), "the licensee's EM-only batch");
    JarRun text = JarRun.of("status", "--store", au.toString());
    assertTrue(
        text.out().contains("entries     " + (size - 1) + " stored of " + size + " in the tree"),
        text::toString);
    assertEquals(size, status(fullAu).path("entries").asLong());

    Map<String, String> atDe = verdicts(scanAll(em, DE_POST));
    assertEquals(verdicts(scanAll(fullDe, DE_POST)), atDe);
    assertTrue(atDe.get("genuine-licensee").startsWith("GENUINE"), atDe::toString);
    Map<String, JsonNode> auDocuments = scanAll(au, AU_POST);
    Map<String, String> atAu = verdicts(auDocuments);
    Map<String, String> fromWholeLog = verdicts(scanAll(fullAu, AU_POST));
    assertTrue(atAu.get("genuine").startsWith("GENUINE"), atAu::toString);
    // The licensee's goods are for EM only: the AU store has not their batch, so it gives the
    // same verdict for the same decisive reason, without the label's signature checked.
    assertEquals(
        "NOT_AUTHORIZED [\"territory-not-covered\",\"product-registered\"]",
        atAu.remove("genuine-licensee"));
    assertEquals(
        "NOT_AUTHORIZED [\"territory-not-covered\",\"label-signature-valid\"]",
        fromWholeLog.remove("genuine-licensee"));
    assertEquals(fromWholeLog, atAu);
    assertEquals("COUNTERFEIT", auDocuments.get("counterfeit-batch").path("verdict").asText());

    // The licensee's verdict from the AU store has no batch to prove, and still verifies.
    JsonNode licensee = auDocuments.get("genuine-licensee");
    assertTrue(!licensee.has("batch"), licensee::toString);
    Path file = dir.resolve("licensee-au.json");
    Files.writeString(file, JSON.writeValueAsString(licensee));
    JarRun key = JarRun.of("keys", "verdict", "--store", au.toString());
    JarRun verify =
        JarRun.of(
            "evidence",
            "verify",
            "--log-key",
            logKey,
            "--verdict-key",
            key.out().strip(),
            file.toString());
    assertEquals(0, verify.exitCode(), verify::toString);
  }

  @Test
  void aStoreLackingEntriesExportsNoBundleAndKeepsItsFilter() throws Exception {
    Path em = dir.resolve("em.db");
    Path au = dir.resolve("au.db");
    assertEquals(0, sync(em, "--territory", "EM").exitCode());
    assertEquals(0, sync(au, "--territory", "AU").exitCode());

    Path bundle = dir.resolve("au.bundle");
    JarRun refused =
        JarRun.of(
            "bundle",
            "export",
            "--store",
            au.toString(),
            "--since",
            "0",
            "--out",
            bundle.toString());
    assertEquals(2, refused.exitCode(), refused::toString);
    assertTrue(refused.err().contains("keeps only the entries for AU"), refused::toString);
    assertTrue(!Files.exists(bundle) && !Files.exists(dir.resolve("au.bundle.partial")));
    // The EM store kept every entry of this log, so it can pass the log on.
    JarRun exported =
        JarRun.of(
            "bundle",
            "export",
            "--store",
            em.toString(),
            "--since",
            "0",
            "--out",
            bundle.toString());
    assertEquals(0, exported.exitCode(), exported::toString);

    JarRun other = sync(au, "--territory", "US");
    assertEquals(2, other.exitCode(), other::toString);
    assertTrue(other.err().contains("keeps only the entries for AU, not US"), other::toString);
    JarRun same = sync(au);
    assertEquals(0, same.exitCode(), same::toString);
    assertEquals("[\"AU\"]", status(au).path("territories").toString());
  }
}
