package org.markproof.edge.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.markproof.edge.sync.TerritoryLog.AU_SOAP;
import static org.markproof.edge.sync.TerritoryLog.EM_SHOE;
import static org.markproof.edge.sync.TerritoryLog.FR_BOOT;
import static org.markproof.edge.sync.TerritoryLog.US_LAMP;
import static org.markproof.edge.sync.TerritoryLog.label;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.markproof.contracts.checkpoint.CheckpointVerifier;
import org.markproof.contracts.entry.OfficeCode;
import org.markproof.contracts.label.LabelSigner;
import org.markproof.contracts.label.ScannedCode;
import org.markproof.contracts.note.Ed25519NoteSigner;
import org.markproof.contracts.rules.TestLedger;
import org.markproof.contracts.verdict.EvidenceVerifier;
import org.markproof.contracts.verdict.Judge;
import org.markproof.contracts.verdict.ScanContext;
import org.markproof.contracts.verdict.VerdictCode;
import org.markproof.edge.store.EdgeStore;
import org.markproof.edge.store.EdgeStoreException;
import org.markproof.edge.store.PostProfile;
import org.markproof.edge.store.TerritoryFilter;
import org.markproof.edge.sync.TerritoryLog;
import org.markproof.edge.sync.TestLog;

/**
 * Offline verdicts from a store kept for EM,AU (docs/edge.md "Territory filter") against a store
 * that keeps everything, synced from the same real log, at a post in DE: goods whose batches the
 * store keeps get the same verdict as from the whole log; a US-only product's labels, whose batches
 * it does not keep, are {@code NOT_AUTHORIZED} with {@code territory-not-covered} — never {@code
 * COUNTERFEIT} or {@code GENUINE} — with evidence an auditor accepts; a reopened store gives the
 * same verdicts; a post outside the filter, or of no territory, is refused.
 */
class TerritoryScanTest {
  private static final PostProfile DE_POST =
      new PostProfile("de-fra", 50.05, 8.57, Optional.of("DE"));
  private static final Instant AT = TestLog.SIGNED_AT.plusSeconds(60);

  private static TerritoryLog world;

  @TempDir Path dir;
  private Ed25519NoteSigner verdictKey;

  @BeforeAll
  static void buildLog() throws Exception {
    world = TerritoryLog.build();
  }

  @BeforeEach
  void syncTwoStores() throws Exception {
    verdictKey =
        VerdictKeyFile.readOrGenerate(
            dir.resolve("post.verdict.key"), "de-fra", new SecureRandom());
    world.log.syncWholeLogInto(
        dir.resolve("em-au.db"),
        dir.resolve("log.bundle"),
        Optional.of(TerritoryFilter.of(List.of("EM", "AU"))));
    world.log.syncWholeLogInto(dir.resolve("full.db"), dir.resolve("log.bundle"));
  }

  /** The labels scanned, by what they are. */
  private static Map<String, String> labels() throws Exception {
    String forger = "https://id.acme.example";
    Map<String, String> codes = new LinkedHashMap<>();
    codes.put("EM genuine", label(EM_SHOE, "E0", "S1"));
    codes.put("EM licensee's", label(EM_SHOE, "G0", "S1"));
    codes.put("EM revoked", label(EM_SHOE, "E2", "STOLEN1"));
    codes.put("EM whole batch revoked", label(EM_SHOE, "E11", "S1"));
    codes.put(
        "EM forged",
        LabelSigner.forResolver(forger)
            .sign(TestLedger.key("counterfeiter", 0), EM_SHOE, "E0", "S9")
            .toUri());
    codes.put("EM unknown batch", label(EM_SHOE, "E99", "S1"));
    codes.put("FR-only", label(FR_BOOT, "F0", "S1"));
    codes.put("AU", label(AU_SOAP, "A0", "S1"));
    codes.put("US plain GTIN", US_LAMP.digits());
    codes.put(
        "unregistered",
        label(org.markproof.contracts.rules.Statements.gtin("0123456789012"), "X1", "S1"));
    return codes;
  }

  /**
   * US-only goods with a batch and a serial: the store kept for EM,AU has none of their batches.
   */
  private static Map<String, String> usLabels() throws Exception {
    Map<String, String> codes = new LinkedHashMap<>();
    codes.put("US genuine", label(US_LAMP, "U0", "S1"));
    codes.put("US revoked", label(US_LAMP, "U3", "STOLEN1"));
    codes.put("US whole batch revoked", label(US_LAMP, "U4", "S1"));
    codes.put(
        "US forged",
        LabelSigner.forResolver("https://id.acme.example")
            .sign(TestLedger.key("counterfeiter", 0), US_LAMP, "U0", "S9")
            .toUri());
    codes.put("US unknown batch", label(US_LAMP, "U999", "S1"));
    codes.put("US unsigned", "https://id.acme.example/01/" + US_LAMP.digits() + "/10/U1/21/S1");
    return codes;
  }

  private OfflineScanner scanner(EdgeStore store) {
    return OfflineScanner.of(store, verdictKey, Duration.ofHours(48));
  }

  private EvidenceVerifier verifier() throws Exception {
    return EvidenceVerifier.of(
        CheckpointVerifier.forLog(world.log.logKey.verifier()), verdictKey.verifier());
  }

  /** Scans each code at {@code post}; returns verdict and reasons per code, each verified. */
  private List<String> scanAll(Path file, PostProfile post, Map<String, String> codes)
      throws Exception {
    List<String> out = new ArrayList<>();
    try (EdgeStore store = EdgeStore.open(file);
        OfflineScanner scanner = scanner(store)) {
      for (Map.Entry<String, String> code : codes.entrySet()) {
        OfflineScanner.Verdict v =
            scanner.scan(post, ScanInput.text(code.getValue(), Optional.empty()), AT);
        assertEquals(
            v.verdict().name(), verifier().verify(v.json().getBytes()).verdict(), code.getKey());
        out.add(code.getKey() + ": " + v.verdict() + " " + v.document().get("reasons"));
      }
    }
    return out;
  }

  @Test
  void goodsWhoseBatchesAreKeptGetTheWholeLogsVerdict() throws Exception {
    Map<String, String> codes = labels();
    List<String> filtered = scanAll(dir.resolve("em-au.db"), DE_POST, codes);
    assertEquals(scanAll(dir.resolve("full.db"), DE_POST, codes), filtered);
    List<String> judged = new ArrayList<>();
    ScanContext de = new ScanContext(Optional.of(OfficeCode.of("DE")));
    for (Map.Entry<String, String> code : codes.entrySet()) {
      judged.add(
          code.getKey()
              + ": "
              + Judge.judge(world.ledger.state, ScannedCode.parse(code.getValue()), de).verdict());
    }
    assertEquals(
        judged, filtered.stream().map(line -> line.substring(0, line.indexOf(" ["))).toList());
    assertTrue(filtered.get(0).startsWith("EM genuine: GENUINE"), filtered::toString);
  }

  @Test
  void aUsOnlyProductsLabelsAtAnEmPostAreNotAuthorizedNeverCounterfeitOrGenuine() throws Exception {
    Map<String, String> codes = usLabels();
    List<String> filtered = scanAll(dir.resolve("em-au.db"), DE_POST, codes);
    for (String line : filtered) {
      assertTrue(
          line.endsWith(": NOT_AUTHORIZED [\"territory-not-covered\",\"product-registered\"]"),
          line);
    }
    // From the whole log the same labels are what their batches make them: only a genuine one is
    // NOT_AUTHORIZED for the territory; the forged, revoked and unknown are worse, the unsigned
    // one COUNTERFEIT too. The filtered store cannot tell those apart, and says so no better.
    List<String> full = scanAll(dir.resolve("full.db"), DE_POST, codes);
    assertTrue(full.get(0).startsWith("US genuine: NOT_AUTHORIZED"), full::toString);
    assertTrue(full.get(1).startsWith("US revoked: REVOKED"), full::toString);
    assertTrue(full.get(3).startsWith("US forged: COUNTERFEIT"), full::toString);
    assertTrue(full.get(4).startsWith("US unknown batch: COUNTERFEIT"), full::toString);
  }

  @Test
  void aReopenedFilteredStoreGivesTheSameVerdicts() throws Exception {
    Map<String, String> codes = new LinkedHashMap<>(labels());
    codes.putAll(usLabels());
    List<String> first = scanAll(dir.resolve("em-au.db"), DE_POST, codes);
    List<String> again = scanAll(dir.resolve("em-au.db"), DE_POST, codes);
    assertEquals(first, again);
  }

  @Test
  void aPostOutsideTheFilterOrWithoutATerritoryIsRefusedAndNothingQueued() throws Exception {
    String code = label(EM_SHOE, "E0", "S1");
    try (EdgeStore store = EdgeStore.open(dir.resolve("em-au.db"));
        OfflineScanner scanner = scanner(store)) {
      PostProfile us = new PostProfile("us-jfk", 40.64, -73.78, Optional.of("US"));
      EdgeStoreException outside =
          assertThrows(
              EdgeStoreException.class,
              () -> scanner.scan(us, ScanInput.text(code, Optional.empty()), AT));
      assertTrue(
          outside.getMessage().contains("territory US, outside the store's AU,EM"),
          outside::getMessage);
      PostProfile nowhere = new PostProfile("de-fra", 50.05, 8.57, Optional.empty());
      EdgeStoreException none =
          assertThrows(
              EdgeStoreException.class,
              () -> scanner.scan(nowhere, ScanInput.text(code, Optional.empty()), AT));
      assertTrue(none.getMessage().contains("--territory"), none::getMessage);
      assertEquals(0, store.scanQueue().size());
      // An AU post is within the filter.
      PostProfile sydney = new PostProfile("au-syd", -33.9, 151.2, Optional.of("AU"));
      assertEquals(
          VerdictCode.GENUINE,
          scanner
              .scan(sydney, ScanInput.text(label(AU_SOAP, "A1", "S1"), Optional.empty()), AT)
              .verdict());
      assertFalse(store.scanQueue().list(10).isEmpty());
    }
  }
}
