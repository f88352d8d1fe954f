package org.markproof.edge.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.markproof.contracts.rules.Statements.SHOE;
import static org.markproof.contracts.rules.Statements.batch;
import static org.markproof.contracts.rules.Statements.product;
import static org.markproof.contracts.rules.TestLedger.EM_MARK;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.markproof.contracts.checkpoint.CheckpointVerifier;
import org.markproof.contracts.label.LabelSigner;
import org.markproof.contracts.note.Ed25519NoteSigner;
import org.markproof.contracts.rules.TestLedger;
import org.markproof.contracts.verdict.ClonePolicy;
import org.markproof.contracts.verdict.EvidenceVerifier;
import org.markproof.contracts.verdict.VerdictCode;
import org.markproof.edge.store.EdgeStore;
import org.markproof.edge.store.PostProfile;
import org.markproof.edge.store.QueuedScan;
import org.markproof.edge.sync.TestLog;

/**
 * {@link OfflineScanner} from many threads at once, as {@code serve} uses it: scans committed in
 * groups are all queued with their sightings, and clone checks of one serial scanned concurrently
 * count each other exactly as scans one after another would — the first ten are {@code GENUINE},
 * every later one a {@code SUSPECT_CLONE} whose listed sightings are all queued scans.
 */
class ConcurrentScansTest {
  private static final PostProfile POST =
      new PostProfile("fr-cdg", 49.0097, 2.5479, Optional.empty());
  private static final Instant SIGNED = TestLog.SIGNED_AT;
  private static final int THREADS = 8;
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  private TestLog log;
  private Ed25519NoteSigner verdictKey;
  private final AtomicInteger ids = new AtomicInteger();
  private final ExecutorService pool = Executors.newFixedThreadPool(THREADS);

  @BeforeEach
  void syncALogWithABatch() throws Exception {
    TestLedger ledger = TestLedger.standard();
    ledger.apply(product("acme", SHOE, EM_MARK));
    ledger.apply(batch("acme", SHOE, "L1", "2026-01-05"));
    log = TestLog.of(ledger);
    verdictKey =
        VerdictKeyFile.readOrGenerate(
            dir.resolve("post.verdict.key"), "fr-cdg", new SecureRandom());
    log.syncWholeLogInto(dir.resolve("post.db"), dir.resolve("log.bundle"));
  }

  @AfterEach
  void stopThreads() {
    pool.shutdownNow();
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

  /** Runs {@code count} scans of {@code codes.get(i % size)} on all threads at once. */
  private List<OfflineScanner.Verdict> scanAtOnce(
      OfflineScanner scanner, List<String> codes, int count) throws Exception {
    return scanAtOnce(scanner, codes, count, 1);
  }

  /**
   * {@link #scanAtOnce(OfflineScanner, List, int)} with every {@code durableEvery}-th scan waiting
   * for its commit and the others answered before it; with 0, none waits.
   */
  private List<OfflineScanner.Verdict> scanAtOnce(
      OfflineScanner scanner, List<String> codes, int count, int durableEvery) throws Exception {
    List<OfflineScanner.Verdict> out = new ArrayList<>();
    for (Future<OfflineScanner.Verdict> f : startAtOnce(scanner, codes, count, durableEvery)) {
      out.add(f.get());
    }
    return out;
  }

  /**
   * Starts the scans of {@link #scanAtOnce(OfflineScanner, List, int, int)} on all threads at once
   * and returns them running, for a caller that expects some to fail.
   */
  private List<Future<OfflineScanner.Verdict>> startAtOnce(
      OfflineScanner scanner, List<String> codes, int count, int durableEvery) {
    CountDownLatch start = new CountDownLatch(1);
    List<Future<OfflineScanner.Verdict>> futures = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String code = codes.get(i % codes.size());
      boolean durable = durableEvery > 0 && i % durableEvery == 0;
      Callable<OfflineScanner.Verdict> scan =
          () -> {
            start.await();
            return scanner.scan(
                POST,
                ScanInput.text(code, Optional.empty()),
                ClientFacts.none(),
                SIGNED.plusSeconds(60),
                durable);
          };
      futures.add(pool.submit(scan));
    }
    start.countDown();
    return futures;
  }

  @Test
  void concurrentScansOfOneSerialCountEachOtherAsScansInTurnWould() throws Exception {
    int scans = 40;
    try (EdgeStore store = EdgeStore.open(dir.resolve("post.db"));
        OfflineScanner scanner = scanner(store)) {
      List<OfflineScanner.Verdict> verdicts = scanAtOnce(scanner, List.of(label("S1")), scans);
      Map<VerdictCode, Integer> counts = new ConcurrentHashMap<>();
      verdicts.forEach(v -> counts.merge(v.verdict(), 1, Integer::sum));
      assertEquals(Map.of(VerdictCode.GENUINE, 10, VerdictCode.SUSPECT_CLONE, scans - 10), counts);

      Set<String> queued = new HashSet<>();
      for (QueuedScan q : store.scanQueue().list(Integer.MAX_VALUE)) {
        queued.add(q.scanId());
      }
      assertEquals(scans, queued.size());
      assertEquals(scans, store.sightings().of(SHOE.digits(), "L1", "S1").size());
      EvidenceVerifier verifier =
          EvidenceVerifier.of(
              CheckpointVerifier.forLog(log.logKey.verifier()), verdictKey.verifier());
      // In turn, the n-th scan (n > 10) finds the n - 1 before it, so exactly ten are genuine
      // (above); each clone verdict names the policy's ten of them (ClonePolicy.maxSightings),
      // other scans of this post, never itself.
      for (OfflineScanner.Verdict v : verdicts) {
        assertTrue(queued.contains(v.scanId()), v.scanId());
        assertEquals(v.verdict().name(), verifier.verify(v.json().getBytes()).verdict());
        if (v.verdict() == VerdictCode.SUSPECT_CLONE) {
          JsonNode sightings = v.document().get("sightings");
          Set<String> listed = new HashSet<>();
          for (JsonNode s : sightings) {
            String id = s.get("scanId").asText();
            assertTrue(queued.contains(id), "listed sighting " + id + " is not a queued scan");
            listed.add(id);
          }
          assertEquals(ClonePolicy.DEFAULT.maxSightings(), sightings.size());
          assertEquals(sightings.size(), listed.size(), "no sighting listed twice");
          assertFalse(listed.contains(v.scanId()), "a scan does not conflict with itself");
        }
      }
    }
  }

  @Test
  void everyScanOfAGroupIsQueuedOnceWithItsOwnBody() throws Exception {
    List<String> codes = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      codes.add(label("G" + i));
    }
    codes.add(SHOE.digits());
    codes.add("not a code at all");
    try (EdgeStore store = EdgeStore.open(dir.resolve("post.db"));
        OfflineScanner scanner = scanner(store)) {
      List<OfflineScanner.Verdict> verdicts = scanAtOnce(scanner, codes, 200);
      assertEquals(200, store.scanQueue().size());
      Map<String, String> bodies = new ConcurrentHashMap<>();
      for (QueuedScan q : store.scanQueue().list(Integer.MAX_VALUE)) {
        bodies.put(q.scanId(), q.body());
      }
      for (OfflineScanner.Verdict v : verdicts) {
        JsonNode body = JSON.readTree(bodies.get(v.scanId()));
        assertEquals(JSON.readTree(v.json()), body.get("verdict"), v.scanId());
      }
    }
    // Committed before each answer: a new process sees every one of them.
    try (EdgeStore reopened = EdgeStore.open(dir.resolve("post.db"))) {
      assertEquals(200, reopened.scanQueue().size());
    }
  }

  /**
   * A group that cannot be written (one of its scan ids is already queued with another body) fails
   * every scan in it, each of which learns so instead of waiting for ever; nothing of the group
   * stays in the store, the other groups are queued, and the scanner goes on.
   */
  @Test
  void aGroupThatCannotBeWrittenFailsEachOfItsScansAndNoneWaitsForEver() throws Exception {
    List<String> codes = List.of(label("F1"), label("F2"), SHOE.digits());
    Set<String> taken = Set.of("scan-5", "scan-50", "scan-120");
    try (EdgeStore store = EdgeStore.open(dir.resolve("post.db"));
        OfflineScanner scanner = scanner(store)) {
      for (String id : taken) {
        store.scanQueue().enqueue(id, "{}", SIGNED);
      }
      List<Future<OfflineScanner.Verdict>> futures = startAtOnce(scanner, codes, 200, 1);
      Set<String> answered = new HashSet<>();
      int failed = 0;
      for (Future<OfflineScanner.Verdict> f : futures) {
        try {
          answered.add(f.get(60, java.util.concurrent.TimeUnit.SECONDS).scanId());
        } catch (java.util.concurrent.ExecutionException e) {
          assertTrue(
              e.getCause() instanceof org.markproof.edge.store.EdgeStoreException,
              e.getCause().toString());
          // Its group's failure, or that of a group holding a sighting its clone check counted.
          String why = e.getCause().getMessage();
          assertTrue(
              why.contains("already queued with another body")
                  || why.contains("judged with a sighting whose scan could not be recorded"),
              why);
          failed++;
        }
      }
      assertTrue(failed >= taken.size(), "each taken id fails its scan: " + failed);
      assertEquals(200, answered.size() + failed);
      assertTrue(answered.stream().noneMatch(taken::contains));
      Map<String, String> queued = new ConcurrentHashMap<>();
      for (QueuedScan q : store.scanQueue().list(Integer.MAX_VALUE)) {
        queued.put(q.scanId(), q.body());
      }
      Set<String> expected = new HashSet<>(answered);
      expected.addAll(taken);
      assertEquals(expected, queued.keySet(), "the answered scans and nothing of a failed group");
      for (String id : taken) {
        assertEquals("{}", queued.get(id));
      }
      OfflineScanner.Verdict after =
          scanner.scan(
              POST, ScanInput.text(SHOE.digits(), Optional.empty()), SIGNED.plusSeconds(61));
      assertTrue(store.scanQueue().contains(after.scanId()));
    }
  }

  /**
   * Scans answered before their commit (the service's {@code ?durable=false}) still count in the
   * clone checks of the scans after them, are committed by the scanner's own thread, and closing
   * the scanner commits any still waiting: a new process finds every one, also of the last scans,
   * none of which waited for its commit.
   */
  @Test
  void scansAnsweredBeforeTheirCommitAreCountedAndAllQueued() throws Exception {
    int scans = 40;
    List<String> codes = new ArrayList<>();
    for (int i = 0; i < 19; i++) {
      codes.add(label("P" + i));
    }
    codes.add(label("S1"));
    List<OfflineScanner.Verdict> verdicts;
    List<OfflineScanner.Verdict> ofOneSerial;
    try (EdgeStore store = EdgeStore.open(dir.resolve("post.db"));
        OfflineScanner scanner = scanner(store)) {
      ofOneSerial = scanAtOnce(scanner, List.of(label("S1")), scans, 2);
      Map<VerdictCode, Integer> counts = new ConcurrentHashMap<>();
      ofOneSerial.forEach(v -> counts.merge(v.verdict(), 1, Integer::sum));
      assertEquals(Map.of(VerdictCode.GENUINE, 10, VerdictCode.SUSPECT_CLONE, scans - 10), counts);

      verdicts = new ArrayList<>(scanAtOnce(scanner, codes, 200, 2));
      OfflineScanner.Verdict pending = verdicts.get(1);
      pending.recording().awaitDurable();
      assertTrue(pending.recording().durable());
      assertTrue(store.scanQueue().find(pending.scanId()).isPresent(), pending.scanId());
      assertTrue(verdicts.get(0).recording().durable(), "a durable scan returns after its commit");
      verdicts.addAll(scanAtOnce(scanner, codes, 100, 0));
    }
    try (EdgeStore reopened = EdgeStore.open(dir.resolve("post.db"))) {
      assertEquals(scans + 300, reopened.scanQueue().size());
      Map<String, String> bodies = new ConcurrentHashMap<>();
      for (QueuedScan q : reopened.scanQueue().list(Integer.MAX_VALUE)) {
        bodies.put(q.scanId(), q.body());
      }
      List<OfflineScanner.Verdict> all = new ArrayList<>(ofOneSerial);
      all.addAll(verdicts);
      for (OfflineScanner.Verdict v : all) {
        assertTrue(v.recording().durable(), v.scanId());
        JsonNode body = JSON.readTree(bodies.get(v.scanId()));
        assertEquals(JSON.readTree(v.json()), body.get("verdict"), v.scanId());
      }
      assertEquals(scans + 15, reopened.sightings().of(SHOE.digits(), "L1", "S1").size());
    }
  }
}
