package org.markproof.edge.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.markproof.contracts.rules.Statements.SHOE;
import static org.markproof.contracts.rules.Statements.batch;
import static org.markproof.contracts.rules.Statements.product;
import static org.markproof.contracts.rules.Statements.revokeLabels;
import static org.markproof.contracts.rules.TestLedger.EM_MARK;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.markproof.contracts.checkpoint.CheckpointVerifier;
import org.markproof.contracts.label.LabelSigner;
import org.markproof.contracts.label.ScannedCode;
import org.markproof.contracts.note.Ed25519NoteSigner;
import org.markproof.contracts.rules.TestLedger;
import org.markproof.contracts.verdict.ClonePolicy;
import org.markproof.contracts.verdict.EvidenceVerifier;
import org.markproof.contracts.verdict.Judge;
import org.markproof.contracts.verdict.ScanContext;
import org.markproof.contracts.verdict.VerdictCode;
import org.markproof.edge.store.EdgeStore;
import org.markproof.edge.store.PostProfile;
import org.markproof.edge.store.QueuedScan;
import org.markproof.edge.sync.TestLog;

/**
 * {@link OfflineScanner} on a real SQLite store synced from a real signed log that issues a batch
 * and revokes one label: each verdict is {@link Judge}'s on the same state, every document passes
 * {@link EvidenceVerifier} with the log key and the post's verdict key, every scan is queued with
 * its sighting, clones and staleness are the post's own, and a clock set back does not make the
 * cache younger.
 */
class OfflineScannerTest {
  private static final PostProfile POST =
      new PostProfile("fr-cdg", 49.0097, 2.5479, Optional.empty());
  private static final Instant SIGNED = TestLog.SIGNED_AT;

  @TempDir Path dir;
  private TestLedger ledger;
  private TestLog log;
  private Ed25519NoteSigner verdictKey;
  private final AtomicInteger ids = new AtomicInteger();

  @BeforeEach
  void syncALogWithABatch() throws Exception {
    ledger = TestLedger.standard();
    ledger.apply(product("acme", SHOE, EM_MARK));
    ledger.apply(batch("acme", SHOE, "L1", "2026-01-05"));
    ledger.apply(revokeLabels("acme", SHOE, "L1", "STOLEN1"));
    log = TestLog.of(ledger);
    verdictKey =
        VerdictKeyFile.readOrGenerate(
            dir.resolve("post.verdict.key"), "fr-cdg", new SecureRandom());
    log.syncWholeLogInto(dir.resolve("post.db"), dir.resolve("log.bundle"));
  }

  private static String label(String serial) throws Exception {
    return LabelSigner.forResolver("https://id.acme.example")
        .sign(TestLedger.key("label-L1", 0), SHOE, "L1", serial)
        .toUri();
  }

  private OfflineScanner scanner(EdgeStore store) {
    return new OfflineScanner(
        store,
        verdictKey,
        ClonePolicy.DEFAULT,
        Duration.ofHours(48),
        () -> "scan-" + ids.incrementAndGet());
  }

  private EvidenceVerifier verifier() throws Exception {
    return EvidenceVerifier.of(
        CheckpointVerifier.forLog(log.logKey.verifier()), verdictKey.verifier());
  }

  @Test
  void givesJudgesVerdictOnTheStoredStateWithEvidenceAnAuditorAccepts() throws Exception {
    String forged =
        LabelSigner.forResolver("https://id.acme.example")
            .sign(TestLedger.key("counterfeiter", 0), SHOE, "L1", "S9")
            .toUri();
    List<String> codes =
        List.of(label("S1"), label("STOLEN1"), forged, SHOE.digits(), "not a code at all");
    List<VerdictCode> expected =
        List.of(
            VerdictCode.GENUINE,
            VerdictCode.REVOKED,
            VerdictCode.COUNTERFEIT,
            VerdictCode.UNKNOWN,
            VerdictCode.MALFORMED);
    try (EdgeStore store = EdgeStore.open(dir.resolve("post.db"))) {
      OfflineScanner scanner = scanner(store);
      for (int i = 0; i < codes.size(); i++) {
        ScanInput input = ScanInput.text(codes.get(i), Optional.empty());
        VerdictCode judged =
            Judge.judge(ledger.state, ScannedCode.parse(codes.get(i)), ScanContext.anywhere())
                .verdict();
        OfflineScanner.Verdict v = scanner.scan(POST, input, SIGNED.plusSeconds(60));
        assertEquals(expected.get(i), v.verdict(), codes.get(i));
        assertEquals(judged, v.verdict(), codes.get(i));
        assertTrue(v.document().get("offline").asBoolean());
        assertEquals(60, v.document().get("checkpointAgeSeconds").asLong());
        assertEquals(v.verdict().name(), verifier().verify(v.json().getBytes()).verdict());
        assertTrue(store.scanQueue().contains(v.scanId()));
      }
      assertEquals(codes.size(), store.scanQueue().size());
      QueuedScan queued = store.scanQueue().list(1).get(0);
      var body = new ObjectMapper().readTree(queued.body());
      assertEquals(codes.get(0), body.get("code").asText());
      assertEquals("GENUINE", body.at("/verdict/verdict").asText());
      assertEquals(1, store.sightings().of(SHOE.digits(), "L1", "S1").size());
    }
  }

  @Test
  void atAPostOutsideTheProductsTerritoryGenuineGoodsAreNotAuthorized() throws Exception {
    PostProfile sydney = new PostProfile("au-syd", -33.9, 151.2, Optional.of("AU"));
    String code = label("S5");
    try (EdgeStore store = EdgeStore.open(dir.resolve("post.db"))) {
      OfflineScanner.Verdict v =
          scanner(store)
              .scan(sydney, ScanInput.text(code, Optional.empty()), SIGNED.plusSeconds(60));
      assertEquals(VerdictCode.NOT_AUTHORIZED, v.verdict());
      assertEquals(
          Judge.judge(
                  ledger.state,
                  ScannedCode.parse(code),
                  new ScanContext(Optional.of(org.markproof.contracts.entry.OfficeCode.of("AU"))))
              .verdict(),
          v.verdict());
      assertEquals("territory-not-covered", v.document().get("reasons").get(0).asText());
      assertEquals("NOT_AUTHORIZED", verifier().verify(v.json().getBytes()).verdict());
    }
  }

  @Test
  void theEleventhSightingOfASerialAtThePostWithinADayIsASuspectClone() throws Exception {
    try (EdgeStore store = EdgeStore.open(dir.resolve("post.db"))) {
      OfflineScanner scanner = scanner(store);
      ScanInput input = ScanInput.text(label("S2"), Optional.empty());
      for (int i = 1; i <= 11; i++) {
        OfflineScanner.Verdict v = scanner.scan(POST, input, SIGNED.plusSeconds(60L * i));
        assertEquals(i <= 10 ? VerdictCode.GENUINE : VerdictCode.SUSPECT_CLONE, v.verdict());
        if (i == 11) {
          assertEquals("seen-too-often", v.document().get("reasons").get(0).asText());
          assertEquals(10, v.document().get("sightings").size());
          assertEquals("SUSPECT_CLONE", verifier().verify(v.json().getBytes()).verdict());
        }
      }
      // A day later the earlier sightings are out of the window.
      OfflineScanner.Verdict later = scanner.scan(POST, input, SIGNED.plus(Duration.ofHours(25)));
      assertEquals(VerdictCode.GENUINE, later.verdict());
    }
  }

  @Test
  void pastItsAgeTheCacheGivesStaleAndSettingTheClockBackDoesNotHelp() throws Exception {
    try (EdgeStore store = EdgeStore.open(dir.resolve("post.db"))) {
      OfflineScanner scanner = scanner(store);
      ScanInput input = ScanInput.text(label("S3"), Optional.empty());
      assertEquals(
          VerdictCode.GENUINE,
          scanner.scan(POST, input, SIGNED.plus(Duration.ofHours(47))).verdict());
      OfflineScanner.Verdict stale = scanner.scan(POST, input, SIGNED.plus(Duration.ofHours(49)));
      assertEquals(VerdictCode.STALE, stale.verdict());
      assertEquals("GENUINE", stale.document().get("wouldBe").asText());
      assertEquals("STALE", verifier().verify(stale.json().getBytes()).verdict());

      OfflineScanner.Verdict setBack = scanner.scan(POST, input, SIGNED.plus(Duration.ofHours(1)));
      assertEquals(VerdictCode.STALE, setBack.verdict());
      assertEquals(Duration.ofHours(48), setBack.clock().clockBehind());
      assertEquals(49 * 3600, setBack.document().get("checkpointAgeSeconds").asLong());
      assertEquals(
          SIGNED.plus(Duration.ofHours(49)).toString(),
          setBack.document().at("/scan/scannedAt").asText());
    }
    // The mark survives the process: a new scanner on a reopened store sees it too.
    try (EdgeStore store = EdgeStore.open(dir.resolve("post.db"))) {
      OfflineScanner.Verdict reopened =
          scanner(store)
              .scan(POST, ScanInput.text(label("S4"), Optional.empty()), SIGNED.plusSeconds(5));
      assertEquals(VerdictCode.STALE, reopened.verdict());
    }
  }

  @Test
  void thePostsVerdictKeyIsMadeOnceAndReadBackAsWritten() throws Exception {
    Path file = dir.resolve("post.verdict.key");
    Ed25519NoteSigner again = VerdictKeyFile.readOrGenerate(file, "other", new SecureRandom());
    assertEquals(verdictKey.signerKey().text(), again.signerKey().text());
    assertEquals("edge-verdicts/fr-cdg", again.name());
    assertTrue(Files.readString(file).startsWith("PRIVATE+KEY+edge-verdicts/fr-cdg+"));
  }
}
