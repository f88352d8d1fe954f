package org.markproof.service.log.sequencer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.core.Vertx;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.markproof.contracts.checkpoint.CheckpointVerifier;
import org.markproof.contracts.entry.ParticipantRole;
import org.markproof.contracts.merkle.MerkleHashes;
import org.markproof.contracts.merkle.ProofVerifier;
import org.markproof.contracts.note.NoteVerifiers;
import org.markproof.service.intake.Accepted;
import org.markproof.service.intake.Sequenced;
import org.markproof.service.log.index.LedgerIndex;
import org.markproof.service.log.keys.LogKeys;
import org.markproof.service.log.store.LogHead;
import org.markproof.service.log.store.StoredCheckpoint;
import org.markproof.service.log.store.StoredEntry;
import org.markproof.service.testing.LedgerFixture;

/**
 * Several sequencers on one database, as several replicas of the service: one leads at a time, the
 * log never forks, a leader that loses its session stops signing, another takes over, and a restart
 * replays the same index. Each test has a log of its own ({@link IsolatedLog}).
 *
 * <p>Takeover bound: once the leader's session ends (graceful stop, pod killed, {@code
 * pg_terminate_backend}), another replica holds the lock within {@code
 * markproof.sequencer.lock-retry-interval} (1 s by default, 200 ms here) plus one connection
 * set-up; a leader whose host vanishes without closing its connection is detected by PostgreSQL's
 * TCP keepalive settings. The waits below are only upper bounds for a failing test, never timings.
 */
@QuarkusTest
class SequencerElectionTest {
  private static final Duration BOUND = Duration.ofSeconds(60);

  @Inject Vertx vertx;
  @Inject LogKeys keys;
  @Inject Clock clock;

  @Test
  void twoSequencersStartedTogetherNeverForkTheLog() {
    try (IsolatedLog log = IsolatedLog.create(vertx, keys, clock)) {
      log.startReplicaSequencer("replica-a");
      log.startReplicaSequencer("replica-b");
      log.submitAndAwait(LedgerFixture.genesis());
      List<Accepted> accepted = new ArrayList<>();
      for (int i = 0; i < 60; i++) {
        String id = LedgerFixture.freshId("brand");
        accepted.add(
            log.intake
                .submit(LedgerFixture.enrol(id, new ParticipantRole.BrandOwner()), null)
                .await()
                .atMost(BOUND));
      }
      Set<Long> indices = new HashSet<>();
      for (Accepted a : accepted) {
        Sequenced sequenced =
            log.intake.awaitSequenced(a.submission(), BOUND).await().atMost(BOUND.plusSeconds(5));
        assertArrayEquals(a.leafHash(), sequenced.leafHash());
        indices.add(sequenced.index());
      }
      assertEquals(60, indices.size(), "every entry has an index of its own");
      assertOneConsistentChain(log);
    }
  }

  @Test
  void aSequencerWhoseSessionIsTerminatedStopsSigningAndAnotherTakesOver() {
    try (IsolatedLog log = IsolatedLog.create(vertx, keys, clock)) {
      Sequencer a = log.startSequencer("a");
      Sequencer b = log.startSequencer("b");
      log.submitAndAwait(LedgerFixture.genesis());
      Sequencer leader = awaitLeader(a, b);
      Sequencer other = leader == a ? b : a;
      int pid = leader.lockBackendPid();
      assertEquals(pid, log.lockHolderPid());

      log.database.execute("SELECT pg_terminate_backend(" + pid + ")");
      await(() -> leader.lockBackendPid() != pid, "the leader notices its session ended");
      long signedBefore = leader.signedCheckpointsUnder(pid);

      for (int i = 0; i < 5; i++) {
        log.submitAndAwait(
            LedgerFixture.enrol(LedgerFixture.freshId("brand"), new ParticipantRole.BrandOwner()));
      }
      assertEquals(
          signedBefore,
          leader.signedCheckpointsUnder(pid),
          "nothing signed under the terminated session");
      assertTrue(
          other.signedCheckpoints() > 0 || leader.lockBackendPid() > 0,
          "a session holds the lock again and signs");
      assertNotEquals(pid, log.lockHolderPid());
      assertOneConsistentChain(log);
    }
  }

  @Test
  void afterTheLeaderStopsAnotherTakesOver() {
    try (IsolatedLog log = IsolatedLog.create(vertx, keys, clock)) {
      Sequencer a = log.startSequencer("a");
      Sequencer b = log.startSequencer("b");
      log.submitAndAwait(LedgerFixture.genesis());
      Sequencer leader = awaitLeader(a, b);
      Sequencer other = leader == a ? b : a;
      long signedByLeader = leader.signedCheckpoints();

      leader.stop(BOUND);
      assertFalse(leader.isLeader());
      Sequenced after =
          log.submitAndAwait(
              LedgerFixture.enrol(
                  LedgerFixture.freshId("brand"), new ParticipantRole.BrandOwner()));

      assertTrue(other.isLeader(), "the other sequencer took the lock");
      assertTrue(other.signedCheckpoints() > 0, "and signed the checkpoint covering the entry");
      assertEquals(signedByLeader, leader.signedCheckpoints(), "a stopped sequencer signs nothing");
      assertTrue(after.index() >= 1);
      assertOneConsistentChain(log);
    }
  }

  @Test
  void aRestartedReplicaReplaysTheSameIndex() {
    try (IsolatedLog log = IsolatedLog.create(vertx, keys, clock)) {
      log.startSequencer("a");
      log.submitAndAwait(LedgerFixture.genesis());
      String registrar = LedgerFixture.freshId("ipo");
      String holder = LedgerFixture.freshId("brand");
      log.submitAndAwait(LedgerFixture.enrolRegistrar(registrar, "EM"));
      log.submitAndAwait(LedgerFixture.enrol(holder, new ParticipantRole.BrandOwner()));
      log.submitAndAwait(LedgerFixture.recordMark(registrar, "EM", holder));
      LogHead head = log.index.catchUp();

      LedgerIndex restarted = new LedgerIndex(log.store, keys);
      assertEquals(head, restarted.catchUp());
      assertEquals(log.index.snapshot().size(), restarted.snapshot().size());
      assertArrayEquals(log.index.snapshot().root(), restarted.snapshot().root());
      assertEquals(log.index.snapshot().state(), restarted.snapshot().state());
      assertTrue(restarted.snapshot().checkpoint().isPresent());
      assertTrue(restarted.isCaughtUp());
    }
  }

  /**
   * Recomputes the log from its stored entries and checks it is one chain: contiguous indices, the
   * head's root, every stored checkpoint signed by the log over the root at its size, and each
   * consistent with the next (RFC 9162 §2.1.4).
   */
  private void assertOneConsistentChain(IsolatedLog log) {
    LogHead head = log.store.head().await().atMost(BOUND);
    List<StoredEntry> entries = log.store.entries(0, head.size()).await().atMost(BOUND);
    List<byte[]> leafHashes = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      assertEquals(i, entries.get(i).index());
      leafHashes.add(MerkleHashes.leafHash(entries.get(i).leaf()));
    }
    assertArrayEquals(MerkleHashes.root(leafHashes), head.root(), "the head's root");
    LedgerIndex replayed = new LedgerIndex(log.store, keys);
    replayed.catchUp();
    List<StoredCheckpoint> checkpoints =
        log.store.checkpoints(0, head.size()).await().atMost(BOUND);
    assertFalse(checkpoints.isEmpty());
    StoredCheckpoint previous = null;
    for (StoredCheckpoint checkpoint : checkpoints) {
      try {
        var verified =
            CheckpointVerifier.forLog(keys.checkpointVerifier())
                .open(
                    checkpoint.note().getBytes(StandardCharsets.UTF_8),
                    NoteVerifiers.of(keys.timestampVerifier()));
        assertArrayEquals(checkpoint.root(), verified.checkpoint().rootHash());
        assertArrayEquals(
            MerkleHashes.root(leafHashes.subList(0, (int) checkpoint.size())), checkpoint.root());
        if (previous != null && previous.size() > 0) {
          ProofVerifier.verifyConsistency(
              previous.size(),
              checkpoint.size(),
              replayed.consistencyProof(previous.size(), checkpoint.size()),
              previous.root(),
              checkpoint.root());
        }
      } catch (Exception e) {
        throw new AssertionError("checkpoint " + checkpoint.size() + ": " + e.getMessage(), e);
      }
      previous = checkpoint;
    }
  }

  private static Sequencer awaitLeader(Sequencer... candidates) {
    long deadline = System.nanoTime() + BOUND.toNanos();
    while (System.nanoTime() < deadline) {
      for (Sequencer s : candidates) {
        if (s.isLeader()) {
          return s;
        }
      }
      sleep();
    }
    throw new AssertionError("no sequencer became the leader");
  }

  private static void await(BooleanSupplier condition, String what) {
    long deadline = System.nanoTime() + BOUND.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within " + BOUND + ": " + what);
      }
      sleep();
    }
  }

  private static void sleep() {
    try {
      Thread.sleep(20);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
