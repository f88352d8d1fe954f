package org.markproof.service.log.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.core.Vertx;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.markproof.contracts.crypto.Ed25519PrivateKey;
import org.markproof.contracts.entry.EntrySigner;
import org.markproof.contracts.entry.LogEntry;
import org.markproof.contracts.entry.ParticipantEnrolled;
import org.markproof.contracts.entry.ParticipantRole;
import org.markproof.contracts.merkle.MerkleHashes;
import org.markproof.contracts.merkle.ProofPlan;
import org.markproof.contracts.merkle.ProofPlanner;
import org.markproof.contracts.merkle.ProofVerifier;
import org.markproof.service.testing.FreshLogDatabase;

/**
 * {@link LogStore} on a real PostgreSQL database of its own: batches appended in one transaction
 * give the RFC 9162 root of all leaves, the stored nodes serve proofs that verify, a stale head
 * changes nothing, and a frontier that no longer hashes to the head is refused.
 */
@QuarkusTest
class LogStoreTest {
  private static final Instant T0 = Instant.parse("2026-11-26T12:00:00Z");

  @Inject Vertx vertx;

  private FreshLogDatabase database;
  private LogStore store;

  @BeforeEach
  void freshLog() {
    database = FreshLogDatabase.create(vertx);
    store = new LogStore(database.pool());
  }

  @AfterEach
  void dropLog() {
    database.close();
  }

  @Test
  void batchesOfAnySizeGiveTheRootOfAllLeaves() {
    List<LogEntry> all = entries(0, 45);
    LogHead head = store.head().await().indefinitely();
    assertEquals(0, head.size());
    assertArrayEquals(MerkleHashes.emptyRoot(), head.root());
    int at = 0;
    for (int batch : new int[] {1, 1, 2, 5, 8, 3, 16, 9}) {
      head = store.append(head, all.subList(at, at + batch)).await().indefinitely();
      at += batch;
      assertEquals(at, head.size());
      assertArrayEquals(MerkleHashes.root(leafHashes(all.subList(0, at))), head.root());
      assertEquals(head, store.head().await().indefinitely(), "the returned head is durable");
    }
  }

  @Test
  void readsBackEntriesInIndexOrder() throws Exception {
    List<LogEntry> all = entries(0, 7);
    store.append(store.head().await().indefinitely(), all).await().indefinitely();
    List<StoredEntry> stored = store.entries(2, 10).await().indefinitely();
    assertEquals(5, stored.size(), "a range past the end gives what exists");
    for (int i = 0; i < stored.size(); i++) {
      assertEquals(i + 2, stored.get(i).index());
      assertEquals(all.get(i + 2), stored.get(i).parse());
      assertArrayEquals(all.get(i + 2).leafHash(), stored.get(i).leafHash());
    }
    assertThrows(IllegalArgumentException.class, () -> store.entries(5, 4));
    assertThrows(
        IllegalArgumentException.class, () -> store.entries(0, LogStore.MAX_ENTRIES_PER_READ + 1));
  }

  @Test
  void storedNodesAnswerInclusionAndConsistencyProofs() throws Exception {
    List<LogEntry> all = entries(0, 37);
    LogHead head = store.head().await().indefinitely();
    LogHead at13 = store.append(head, all.subList(0, 13)).await().indefinitely();
    LogHead at37 = store.append(at13, all.subList(13, 37)).await().indefinitely();
    for (long index : new long[] {0, 12, 13, 31, 36}) {
      ProofPlan plan = ProofPlanner.inclusion(index, 37);
      List<byte[]> proof = plan.assemble(store.hashes(plan.nodeIds()).await().indefinitely());
      ProofVerifier.verifyInclusion(index, 37, all.get((int) index).leafHash(), proof, at37.root());
    }
    ProofPlan plan = ProofPlanner.consistency(13, 37);
    List<byte[]> proof = plan.assemble(store.hashes(plan.nodeIds()).await().indefinitely());
    ProofVerifier.verifyConsistency(13, 37, proof, at13.root(), at37.root());
  }

  @Test
  void aStaleHeadAppendsNothing() {
    LogHead head = store.head().await().indefinitely();
    LogHead moved = store.append(head, entries(0, 3)).await().indefinitely();
    Throwable refused =
        assertThrows(
            Throwable.class, () -> store.append(head, entries(3, 2)).await().indefinitely());
    assertInstanceOf(HeadMovedException.class, refused);
    assertEquals(moved, store.head().await().indefinitely());
    assertEquals(3, store.entries(0, 10).await().indefinitely().size());
  }

  @Test
  void refusesToAppendOnAFrontierThatDoesNotHashToTheHead() {
    LogHead head =
        store.append(store.head().await().indefinitely(), entries(0, 4)).await().indefinitely();
    database.execute("ALTER TABLE tree_node DISABLE TRIGGER USER");
    database.execute("UPDATE tree_node SET hash = sha256('tampered'::bytea) WHERE level = 2");
    Throwable refused =
        assertThrows(
            Throwable.class, () -> store.append(head, entries(4, 1)).await().indefinitely());
    assertInstanceOf(StoredDataException.class, refused);
    assertEquals(head, store.head().await().indefinitely());
  }

  @Test
  void keepsSignedCheckpointsBySize() {
    LogHead head =
        store.append(store.head().await().indefinitely(), entries(0, 2)).await().indefinitely();
    assertNull(store.latestCheckpoint().await().indefinitely());
    StoredCheckpoint first = new StoredCheckpoint(2, head.root(), "note at 2\n", T0);
    store.storeCheckpoint(first).await().indefinitely();
    StoredCheckpoint resigned =
        new StoredCheckpoint(2, head.root(), "resigned\n", T0.plusSeconds(60));
    store.storeCheckpoint(resigned).await().indefinitely();
    assertEquals(resigned, store.latestCheckpoint().await().indefinitely());
    assertEquals(resigned, store.checkpoint(2).await().indefinitely());
    assertNull(store.checkpoint(1).await().indefinitely());
    StoredCheckpoint beyond = new StoredCheckpoint(3, head.root(), "too far\n", T0);
    assertThrows(Throwable.class, () -> store.storeCheckpoint(beyond).await().indefinitely());
    assertTrue(store.checkpoints(0, 10).await().indefinitely().size() == 1);
  }

  private static List<LogEntry> entries(int first, int count) {
    Random random = new Random(first);
    List<LogEntry> entries = new ArrayList<>(count);
    for (int i = first; i < first + count; i++) {
      byte[] seed = new byte[32];
      random.nextBytes(seed);
      Ed25519PrivateKey key = Ed25519PrivateKey.generate(new SecureRandom(seed));
      ParticipantEnrolled statement =
          new ParticipantEnrolled(
              "operator-1",
              "participant-" + i,
              "Participant " + i,
              new ParticipantRole.BrandOwner(),
              key.publicKey());
      entries.add(LogEntry.of(T0.plusSeconds(i), EntrySigner.sign(statement, key)));
    }
    return entries;
  }

  private static List<byte[]> leafHashes(List<LogEntry> entries) {
    return entries.stream().map(LogEntry::leafHash).toList();
  }
}
