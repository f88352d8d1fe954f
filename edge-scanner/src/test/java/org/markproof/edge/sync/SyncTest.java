package org.markproof.edge.sync;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.markproof.contracts.MalformedDataException;
import org.markproof.contracts.VerificationException;
import org.markproof.contracts.checkpoint.CheckpointVerifier;
import org.markproof.contracts.checkpoint.Ed25519CosignatureVerifier;
import org.markproof.contracts.edge.EdgeBundle;
import org.markproof.contracts.merkle.RootMismatchException;
import org.markproof.contracts.note.Ed25519NoteVerifier;
import org.markproof.contracts.note.UnverifiedNoteException;
import org.markproof.contracts.rules.TestLedger;
import org.markproof.edge.store.AdoptedCheckpoint;
import org.markproof.edge.store.EdgeStore;
import org.markproof.edge.store.Evidence;

/**
 * {@link Sync} from bundle files of a real signed log: adoption from empty and incrementally,
 * rollbacks and forks refused with evidence and the old state intact, wrong entries and signatures
 * refused without evidence, and a sync that fails half-way leaving the previous state.
 */
class SyncTest {
  private static final Instant NOW = Instant.parse("2026-11-26T12:30:00Z");

  private static TestLog log;
  private static TestLog fork;

  @TempDir Path dir;

  @BeforeAll
  static void buildLogs() throws Exception {
    log = TestLog.of(600);
    fork = TestLog.forkedAt(600, 200);
  }

  @Test
  void adoptsABundleIntoAnEmptyStoreThenGrowsFromTheAdoptedSize() throws Exception {
    try (EdgeStore store = EdgeStore.open(dir.resolve("edge.db"))) {
      Sync.Result first = sync(store, log.bundle(0, 300));
      assertEquals(Sync.Outcome.ADOPTED, first.outcome());
      assertEquals(300, first.entriesAdded());
      Sync.Result second = sync(store, log.bundle(300, 600));
      assertEquals(0 + 300, second.oldSize());
      assertEquals(600, second.newSize());
      assertState(store, log, 600);
      assertEquals(
          TestLog.SIGNED_AT, store.checkpoint().orElseThrow().checkpointTime().orElseThrow());
    }
  }

  @Test
  void acceptsABundleThatStartsBelowTheAdoptedSize() throws Exception {
    try (EdgeStore store = EdgeStore.open(dir.resolve("edge.db"))) {
      sync(store, log.bundle(0, 300));
      Sync.Result result = sync(store, log.bundle(100, 600));
      assertEquals(300, result.entriesAdded());
      assertState(store, log, 600);
    }
  }

  @Test
  void sameCheckpointAgainIsUpToDate() throws Exception {
    try (EdgeStore store = EdgeStore.open(dir.resolve("edge.db"))) {
      sync(store, log.bundle(0, 300));
      assertEquals(Sync.Outcome.UP_TO_DATE, sync(store, log.bundle(300, 300)).outcome());
      assertState(store, log, 300);
    }
  }

  @Test
  void refusesABundleStartingPastTheAdoptedSize() throws Exception {
    try (EdgeStore store = EdgeStore.open(dir.resolve("edge.db"))) {
      sync(store, log.bundle(0, 100));
      MalformedDataException e =
          assertThrows(MalformedDataException.class, () -> sync(store, log.bundle(300, 600)));
      assertTrue(e.getMessage().contains("--since 100"), e.getMessage());
      assertState(store, log, 100);
    }
  }

  @Test
  void refusesARollbackKeepsTheEvidenceAndTheState() throws Exception {
    try (EdgeStore store = EdgeStore.open(dir.resolve("edge.db"))) {
      sync(store, log.bundle(0, 600));
      MisbehaviourException e =
          assertThrows(MisbehaviourException.class, () -> sync(store, log.bundle(0, 300)));
      assertEquals(Evidence.Kind.ROLLBACK, e.evidence().kind());
      assertEvidence(store, Evidence.Kind.ROLLBACK, log.note(600), log.note(300));
      assertState(store, log, 600);
    }
  }

  @Test
  void refusesAForkWhoseConsistencyProofFailsAndKeepsTheProof() throws Exception {
    try (EdgeStore store = EdgeStore.open(dir.resolve("edge.db"))) {
      sync(store, log.bundle(0, 300));
      MisbehaviourException e =
          assertThrows(MisbehaviourException.class, () -> sync(store, fork.bundle(300, 600)));
      assertEquals(Evidence.Kind.FORK, e.evidence().kind());
      Evidence kept = assertEvidence(store, Evidence.Kind.FORK, log.note(300), fork.note(600));
      assertEquals(e.evidence().proof().size(), kept.proof().size());
      assertTrue(!kept.proof().isEmpty());
      assertState(store, log, 300);
    }
  }

  @Test
  void refusesAForkWhoseEntriesDifferBelowTheAdoptedSize() throws Exception {
    // From 100 the fork's proof holds (both logs agree up to 200); its entry 200 does not.
    try (EdgeStore store = EdgeStore.open(dir.resolve("edge.db"))) {
      sync(store, log.bundle(0, 300));
      MisbehaviourException e =
          assertThrows(MisbehaviourException.class, () -> sync(store, fork.bundle(100, 600)));
      assertEquals(Evidence.Kind.FORK, e.evidence().kind());
      assertTrue(e.getMessage().contains("entry 200"), e.getMessage());
      assertState(store, log, 300);
    }
  }

  @Test
  void refusesTwoRootsForTheSameSize() throws Exception {
    try (EdgeStore store = EdgeStore.open(dir.resolve("edge.db"))) {
      sync(store, log.bundle(0, 300));
      MisbehaviourException e =
          assertThrows(MisbehaviourException.class, () -> sync(store, fork.bundle(300, 300)));
      assertEquals(Evidence.Kind.FORK, e.evidence().kind());
      assertState(store, log, 300);
    }
  }

  @Test
  void refusesEntriesThatDoNotHashToTheRootWithoutCallingItMisbehaviour() throws Exception {
    try (EdgeStore store = EdgeStore.open(dir.resolve("edge.db"))) {
      sync(store, log.bundle(0, 300));
      // The log's header and proof, the fork's entries: a bad copy, not a signed lie.
      byte[] tampered = fork.bundle(header(300, 600), 300, 600);
      RootMismatchException e =
          assertThrows(RootMismatchException.class, () -> sync(store, tampered));
      assertArrayEquals(log.root(600), e.expectedRoot());
      assertEquals(List.of(), store.evidence().all());
      assertState(store, log, 300);
    }
  }

  @Test
  void refusesACheckpointNotSignedByThePinnedKey() throws Exception {
    try (EdgeStore store = EdgeStore.open(dir.resolve("edge.db"))) {
      Sync other =
          new Sync(
              store,
              opener(
                  Ed25519NoteVerifier.of(
                      TestLog.ORIGIN, TestLedger.key("impostor", 0).publicKey())),
              clock());
      assertThrows(UnverifiedNoteException.class, () -> other.run(source(log.bundle(0, 300))));
      assertEquals(0, store.size());
      assertEquals(List.of(), store.evidence().all());
    }
  }

  @Test
  void withThePinnedTimestampKeyRequiresTheLogsTimestamp() throws Exception {
    try (EdgeStore store = EdgeStore.open(dir.resolve("edge.db"))) {
      Ed25519CosignatureVerifier someoneElse =
          Ed25519CosignatureVerifier.of(
              TestLog.ORIGIN + "/timestamp", TestLedger.key("other timestamp", 0).publicKey());
      Sync strict =
          new Sync(
              store,
              new CheckpointOpener(
                  CheckpointVerifier.forLog(log.logKey.verifier()),
                  Optional.empty(),
                  Optional.of(someoneElse)),
              clock());
      VerificationException e =
          assertThrows(VerificationException.class, () -> strict.run(source(log.bundle(0, 8))));
      assertTrue(e.getMessage().contains("no timestamp cosignature"), e.getMessage());
      assertEquals(0, store.size());
    }
  }

  @Test
  void refusesALogThatSignedAnEntryTheRulesRefuse() throws Exception {
    TestLog corrupt = TestLog.withRuleBreakingEntry(300, 250);
    try (EdgeStore store = EdgeStore.open(dir.resolve("edge.db"))) {
      sync(store, log.bundle(0, 100));
      MisbehaviourException e =
          assertThrows(MisbehaviourException.class, () -> sync(store, corrupt.bundle(100, 300)));
      assertEquals(Evidence.Kind.INVALID_ENTRY, e.evidence().kind());
      assertTrue(e.getMessage().contains("entry 250"), e.getMessage());
      assertState(store, log, 100);
    }
  }

  @Test
  void aSyncThatFailsHalfWayLeavesThePreviousStateAndTheNextOneSucceeds() throws Exception {
    Path file = dir.resolve("edge.db");
    try (EdgeStore store = EdgeStore.open(file)) {
      sync(store, log.bundle(0, 100));
      SyncSource dying = new DyingSource(source(log.bundle(100, 600)), 450);
      IOException e = assertThrows(IOException.class, () -> sync(store).run(dying));
      assertTrue(e.getMessage().contains("cut"), e.getMessage());
      assertState(store, log, 100);
    }
    try (EdgeStore reopened = EdgeStore.open(file)) {
      assertState(reopened, log, 100);
      sync(reopened, log.bundle(100, 600));
      assertState(reopened, log, 600);
    }
  }

  static void assertState(EdgeStore store, TestLog log, int size) throws Exception {
    AdoptedCheckpoint adopted = store.checkpoint().orElseThrow();
    assertEquals(size, adopted.size());
    assertArrayEquals(log.root(size), adopted.root());
    assertEquals(log.note(size), adopted.note());
    assertEquals(size, store.entryCount());
    for (int i : new int[] {0, size / 2, size - 1}) {
      assertArrayEquals(log.entries.get(i).encoded(), store.entry(i));
    }
    assertArrayEquals(log.root(size), store.rangeAt(size).root());
    assertEquals(size, store.replayState().size());
  }

  private static Evidence assertEvidence(
      EdgeStore store, Evidence.Kind kind, String oldNote, String newNote) throws Exception {
    List<Evidence> all = store.evidence().all();
    assertEquals(1, all.size(), all::toString);
    Evidence e = all.get(0);
    assertEquals(kind, e.kind());
    assertEquals(Optional.of(oldNote), e.oldNote());
    assertEquals(newNote, e.newNote());
    assertEquals(NOW, e.detectedAt());
    assertTrue(!e.uploaded());
    assertEquals(1, store.evidence().notUploaded());
    return e;
  }

  private static EdgeBundle header(int from, int to) throws Exception {
    return new EdgeBundle(
        from,
        to,
        log.note(to),
        org.markproof.contracts.merkle.ProofGenerator.consistency(log.leafHashes(to), from));
  }

  private Sync.Result sync(EdgeStore store, byte[] bundle) throws Exception {
    try (BundleSource source = source(bundle)) {
      return sync(store).run(source);
    }
  }

  private static Sync sync(EdgeStore store) throws Exception {
    return new Sync(store, opener(log.logKey.verifier()), clock());
  }

  private static CheckpointOpener opener(Ed25519NoteVerifier key) throws Exception {
    return new CheckpointOpener(
        CheckpointVerifier.forLog(key), Optional.empty(), Optional.of(log.timestampKey.verifier()));
  }

  private static Clock clock() {
    return Clock.fixed(NOW, ZoneOffset.UTC);
  }

  private BundleSource source(byte[] bundle) throws Exception {
    Path file = Files.createTempFile(dir, "bundle", ".bin");
    Files.write(file, bundle);
    return BundleSource.open(file);
  }
}
