package org.markproof.service.log.index;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.markproof.contracts.MalformedDataException;
import org.markproof.contracts.VerificationException;
import org.markproof.contracts.checkpoint.VerifiedCheckpoint;
import org.markproof.contracts.entry.LogEntry;
import org.markproof.contracts.merkle.MerkleHashes;
import org.markproof.contracts.rules.LedgerState;
import org.markproof.contracts.rules.RuleViolationException;
import org.markproof.contracts.rules.Rules;
import org.markproof.service.log.keys.LogKeys;
import org.markproof.service.log.store.LogHead;
import org.markproof.service.log.store.LogStore;
import org.markproof.service.log.store.StoredCheckpoint;
import org.markproof.service.log.store.StoredEntry;

/**
 * The {@link LedgerView} of this replica: replays {@code log_entry} from PostgreSQL through the
 * rules into a {@link LedgerState} and a {@link MemoryTree}, checks the recomputed root against the
 * stored head and every checkpoint it takes up against the log's keys and its own tree.
 *
 * <p>Grows three ways: {@link #catchUp} (at start, by the follower on every replica, and by the
 * sequencer before each batch) reads what others appended; {@link #advance} takes a batch the local
 * sequencer has just committed without reading it back; {@link #checkpointSigned} takes the local
 * sequencer's new checkpoint. Writers are serialised on this object; readers never block. The
 * blocking methods must not run on an event-loop thread.
 */
@ApplicationScoped
public class LedgerIndex implements LedgerView {
  private static final int PAGE = 1000;
  private static final Duration IO_TIMEOUT = Duration.ofSeconds(30);

  private final LogStore store;
  private final LogKeys keys;
  private final EntryMemo memo;

  private static final int KEPT_STATES = 256;

  private final MemoryTree tree = new MemoryTree();
  private final EntryArena arena = new EntryArena();

  /** The states after the latest sizes, for a checkpoint that lags the tree (persistent maps). */
  private final NavigableMap<Long, LedgerState> recentStates = new TreeMap<>();

  private volatile LedgerSnapshot snapshot =
      new LedgerSnapshot(
          LedgerState.empty(), 0, MerkleHashes.emptyRoot(), Optional.empty(), Optional.empty());
  private volatile boolean caughtUp;
  private volatile IndexMismatchException broken;
  private final AtomicReference<CompletableFuture<Void>> change =
      new AtomicReference<>(new CompletableFuture<>());

  /**
   * An empty index over {@code store}, for the log signed by {@code keys}; see {@link #catchUp}.
   */
  public LedgerIndex(LogStore store, LogKeys keys) {
    this(store, keys, new EntryMemo());
  }

  /** As {@link #LedgerIndex(LogStore, LogKeys)}, checking entries through the replica's memo. */
  @Inject
  public LedgerIndex(LogStore store, LogKeys keys, EntryMemo memo) {
    this.store = store;
    this.keys = keys;
    this.memo = memo;
  }

  /** The replica's memo of checked entries; the sequencer appending to this index uses it too. */
  public EntryMemo memo() {
    return memo;
  }

  @Override
  public LedgerSnapshot snapshot() {
    return snapshot;
  }

  @Override
  public List<byte[]> inclusionProof(long index, long treeSize) {
    return tree.inclusionProof(index, treeSize);
  }

  @Override
  public List<byte[]> consistencyProof(long size1, long size2) {
    return tree.consistencyProof(size1, size2);
  }

  @Override
  public byte[] root(long treeSize) {
    return tree.root(treeSize);
  }

  @Override
  public byte[] leafHash(long index) {
    return tree.leafHash(index);
  }

  @Override
  public byte[] entry(long index) {
    return arena.get(index);
  }

  @Override
  public boolean isCaughtUp() {
    return caughtUp && broken == null;
  }

  /** The inconsistency that stopped the index, if any. */
  public Optional<IndexMismatchException> failure() {
    return Optional.ofNullable(broken);
  }

  @Override
  public Uni<Void> nextChange() {
    // A copy per caller: a caller that gives up (a timeout cancels) must not cancel the others'.
    return Uni.createFrom().completionStage(() -> change.get().copy());
  }

  /**
   * Replays every entry up to the stored head, checks the root, then takes up the newest stored
   * checkpoint after verifying it. Blocking.
   *
   * @return the head caught up to
   * @throws IndexMismatchException if the stored log does not replay to its head or checkpoint
   */
  public synchronized LogHead catchUp() {
    requireIntact();
    Optional<StoredCheckpoint> latest =
        Optional.ofNullable(store.latestCheckpoint().await().atMost(IO_TIMEOUT));
    LogHead head = store.head().await().atMost(IO_TIMEOUT);
    for (long start = tree.size(); start < head.size(); start = tree.size()) {
      long end = Math.min(head.size(), start + PAGE);
      apply(store.entries(start, end).await().atMost(IO_TIMEOUT));
    }
    if (tree.size() == head.size()) {
      requireRoot("the stored head", head.size(), head.root());
    }
    latest.ifPresent(this::takeStoredCheckpoint);
    caughtUp = true;
    return head;
  }

  /**
   * Takes a batch the local sequencer committed: entries {@code [from, from + leaves.size())},
   * leading to {@code after}. Entries the follower already replayed are skipped.
   *
   * @throws IndexMismatchException if the resulting root is not {@code committedRoot}
   */
  public synchronized void advance(
      long from, List<LogEntry> leaves, LedgerState after, byte[] committedRoot) {
    requireIntact();
    long size = tree.size();
    if (size < from) {
      throw new IllegalStateException("index at " + size + " cannot take entries from " + from);
    }
    if (size == from && !leaves.isEmpty()) {
      List<byte[]> hashes = new ArrayList<>(leaves.size());
      leaves.forEach(leaf -> hashes.add(leaf.leafHash()));
      leaves.forEach(leaf -> arena.append(leaf.encoded()));
      tree.append(hashes);
      publish(after, snapshot.checkpoint());
    } else if (size < from + leaves.size()) {
      for (int i = (int) (size - from); i < leaves.size(); i++) {
        applyOne(from + i, leaves.get(i));
      }
      publish(snapshot.state(), snapshot.checkpoint());
    }
    requireRoot("the committed head", from + leaves.size(), committedRoot);
  }

  /** Takes the checkpoint the local sequencer has just signed and stored over this index. */
  public synchronized void checkpointSigned(SignedCheckpoint checkpoint) {
    if (checkpoint.size() > tree.size()) {
      throw new IllegalStateException("checkpoint " + checkpoint.size() + " is past the index");
    }
    requireRoot("the signed checkpoint", checkpoint.size(), checkpoint.root());
    publish(snapshot.state(), Optional.of(checkpoint));
  }

  private void takeStoredCheckpoint(StoredCheckpoint stored) {
    Optional<SignedCheckpoint> current = snapshot.checkpoint();
    if (current.isPresent()
        && (current.get().size() > stored.size()
            || (current.get().size() == stored.size()
                && !stored.signedAt().isAfter(current.get().signedAt())))) {
      return;
    }
    VerifiedCheckpoint verified;
    try {
      // Any of the log's checkpoint keys: through a rotation, older rows carry the retired key.
      verified = keys.openCheckpoint(stored.note().getBytes(StandardCharsets.UTF_8));
    } catch (MalformedDataException | VerificationException e) {
      throw fail(
          new IndexMismatchException(
              "stored checkpoint " + stored.size() + " does not verify: " + e.getMessage(),
              stored.size(),
              e));
    }
    if (verified.checkpoint().size() != stored.size()
        || !Arrays.equals(verified.checkpoint().rootHash(), stored.root())) {
      throw fail(
          new IndexMismatchException(
              "stored checkpoint row",
              stored.size(),
              stored.root(),
              verified.checkpoint().rootHash()));
    }
    requireRoot("the stored checkpoint", stored.size(), stored.root());
    publish(
        snapshot.state(),
        Optional.of(
            new SignedCheckpoint(stored.size(), stored.root(), stored.note(), stored.signedAt())));
  }

  private void apply(List<StoredEntry> entries) {
    LedgerState state = snapshot.state();
    LogEntry[] parsed = memo.parseAhead(entries.stream().map(StoredEntry::leaf).toList(), state);
    List<byte[]> hashes = new ArrayList<>(entries.size());
    long next = tree.size();
    int position = 0;
    for (StoredEntry stored : entries) {
      if (stored.index() != next) {
        throw fail(
            new IndexMismatchException(
                "entry " + stored.index() + " returned where " + next + " was expected",
                next,
                null));
      }
      LogEntry leaf = parsed[position++];
      try {
        if (leaf == null) {
          leaf = LogEntry.parse(stored.leaf());
        }
      } catch (MalformedDataException e) {
        throw fail(new IndexMismatchException("stored entry " + next + " is malformed", next, e));
      }
      byte[] hash = leaf.leafHash();
      if (!Arrays.equals(hash, stored.leafHash())) {
        throw fail(new IndexMismatchException("leaf hash", next, stored.leafHash(), hash));
      }
      state = applyRules(state, leaf, next);
      hashes.add(hash);
      arena.append(stored.leaf());
      next++;
    }
    tree.append(hashes);
    publish(state, snapshot.checkpoint());
  }

  private void applyOne(long index, LogEntry leaf) {
    LedgerState state = applyRules(snapshot.state(), leaf, index);
    arena.append(leaf.encoded());
    tree.append(List.of(leaf.leafHash()));
    publish(state, snapshot.checkpoint());
  }

  private LedgerState applyRules(LedgerState state, LogEntry leaf, long index) {
    try {
      return Rules.apply(state, leaf, memo.signatures());
    } catch (RuleViolationException e) {
      throw fail(
          new IndexMismatchException(
              "stored entry " + index + " breaks the rules: " + e.getMessage(), index, e));
    }
  }

  private void requireRoot(String what, long size, byte[] expected) {
    byte[] computed = tree.root(size);
    if (!Arrays.equals(computed, expected)) {
      throw fail(new IndexMismatchException(what, size, expected, computed));
    }
  }

  private void publish(LedgerState state, Optional<SignedCheckpoint> checkpoint) {
    recentStates.put(state.size(), state);
    while (recentStates.size() > KEPT_STATES) {
      recentStates.pollFirstEntry();
    }
    Optional<LedgerState> checkpointState = checkpoint.map(c -> stateAt(c.size()));
    snapshot = new LedgerSnapshot(state, tree.size(), tree.root(), checkpoint, checkpointState);
    change.getAndSet(new CompletableFuture<>()).complete(null);
  }

  /**
   * The state after {@code size} entries: kept for the latest sizes; an older one (a checkpoint
   * stored long before the head, seen only at start) is replayed from the entries in memory.
   */
  private LedgerState stateAt(long size) {
    LedgerState kept = recentStates.get(size);
    if (kept != null) {
      return kept;
    }
    LedgerState state = LedgerState.empty();
    for (long i = 0; i < size; i++) {
      try {
        state = applyRules(state, LogEntry.parse(arena.get(i)), i);
      } catch (MalformedDataException e) {
        throw fail(new IndexMismatchException("entry " + i + " in memory is malformed", i, e));
      }
    }
    recentStates.put(size, state);
    return state;
  }

  private IndexMismatchException fail(IndexMismatchException e) {
    broken = e;
    return e;
  }

  private void requireIntact() {
    if (broken != null) {
      throw broken;
    }
  }
}
