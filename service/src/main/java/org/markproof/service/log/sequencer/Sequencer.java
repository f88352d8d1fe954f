package org.markproof.service.log.sequencer;

import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.pgclient.PgConnectOptions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;
import org.markproof.contracts.MalformedDataException;
import org.markproof.contracts.entry.LogEntry;
import org.markproof.contracts.entry.SignedEntry;
import org.markproof.contracts.rules.LedgerState;
import org.markproof.contracts.rules.RuleViolationException;
import org.markproof.contracts.rules.Rules;
import org.markproof.contracts.rules.Violation;
import org.markproof.service.log.index.LedgerIndex;
import org.markproof.service.log.index.SignedCheckpoint;
import org.markproof.service.log.keys.LogKeys;
import org.markproof.service.log.store.HeadMovedException;
import org.markproof.service.log.store.LogHead;
import org.markproof.service.log.store.LogStore;
import org.markproof.service.log.store.StoredCheckpoint;

/**
 * One sequencer: competes for the leader lock and, while it holds it, moves accepted submissions
 * into the log in batches and signs a checkpoint over each durable head. Runs on a thread of its
 * own so that rule checks and signing never block an event loop.
 *
 * <p>Each batch: catch the index up to the stored head (replaying and checking what any earlier
 * leader appended); take the oldest pending submissions; re-check each against the state in order —
 * a now-invalid one is rejected with its violations and gets no leaf; append the rest with their
 * tree hashes and the new head in one transaction ({@link LogStore#append}, a compare-and-swap on
 * the head); check the committed root against the index; record the outcomes; then, after the
 * commit and after proving on the lock's own session that the lock is still held, sign the
 * checkpoint (note signature and timestamp cosignature) and store it. While idle it re-signs the
 * head every {@link SequencerSettings#checkpointInterval()}.
 *
 * <p>It steps down at once — never signing again until it wins the lock anew — when the lock's
 * session ends, the head moved under it, or anything in a batch fails. A leaf appended by a leader
 * that stopped before recording the outcome is found by its hash and never appended twice.
 */
public final class Sequencer implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(Sequencer.class);

  private final Vertx vertx;
  private final PgConnectOptions lockOptions;
  private final LogStore store;
  private final PendingQueue queue;
  private final LedgerIndex index;
  private final LogKeys keys;
  private final SequencerSettings settings;
  private final Clock clock;
  private final String name;
  private final Object signal = new Object();
  private final AtomicLong signed = new AtomicLong();
  private final Map<Integer, AtomicLong> signedBySession = new ConcurrentHashMap<>();
  private final Thread thread;

  private volatile boolean running;
  private volatile LeaderLock lock;
  private volatile BatchObserver observer = BatchObserver.NONE;

  /** Told of every batch this sequencer appended (for metrics). */
  public interface BatchObserver {
    BatchObserver NONE = (entries, rejected, appendNanos) -> {};

    /**
     * @param entries leaves appended in one transaction
     * @param rejected submissions of the batch refused by the rules
     * @param appendNanos time of the append transaction
     */
    void appended(int entries, int rejected, long appendNanos);
  }

  /** Sets who is told of appended batches. */
  public void observeBatches(BatchObserver observer) {
    this.observer = observer;
  }

  public Sequencer(
      String name,
      Vertx vertx,
      PgConnectOptions lockOptions,
      Pool pool,
      LogStore store,
      LedgerIndex index,
      LogKeys keys,
      SequencerSettings settings,
      Clock clock) {
    this.name = name;
    this.vertx = vertx;
    this.lockOptions = lockOptions;
    this.store = store;
    this.queue = new PendingQueue(pool);
    this.index = index;
    this.keys = keys;
    this.settings = settings;
    this.clock = clock;
    this.thread = new Thread(this::run, "markproof-sequencer-" + name);
    this.thread.setDaemon(true);
  }

  /** Starts competing for the lock. */
  public void start() {
    running = true;
    thread.start();
  }

  /** Whether this sequencer holds the lock and its session is not known to have ended. */
  public boolean isLeader() {
    LeaderLock held = lock;
    return held != null && !held.isLost();
  }

  /** The backend pid of the lock's session while leader, else -1 (for operators and tests). */
  public int lockBackendPid() {
    LeaderLock held = lock;
    return held == null ? -1 : held.backendPid();
  }

  /** How many checkpoints this sequencer has signed. */
  public long signedCheckpoints() {
    return signed.get();
  }

  /**
   * How many checkpoints this sequencer signed while its lock was held by the database session
   * {@code backendPid}: evidence that a sequencer whose session ended signed nothing more under it.
   */
  public long signedCheckpointsUnder(int backendPid) {
    AtomicLong count = signedBySession.get(backendPid);
    return count == null ? 0 : count.get();
  }

  /**
   * Stops: the batch in progress is finished (appended, recorded and signed), then the lock is
   * released. Waits at most {@code timeout}.
   */
  public void stop(Duration timeout) {
    running = false;
    synchronized (signal) {
      signal.notifyAll();
    }
    try {
      thread.join(timeout.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    stop(Duration.ofSeconds(30));
  }

  private void run() {
    while (running) {
      try {
        if (lock == null && !acquire()) {
          pause(settings.lockRetryInterval());
          continue;
        }
        int taken = sequenceOnce();
        if (taken < settings.batchSize()) {
          pause(settings.batchInterval());
        }
      } catch (RuntimeException e) {
        stepDown(e);
        pause(settings.lockRetryInterval());
      }
    }
    stepDown(null);
  }

  private boolean acquire() {
    LeaderLock acquired =
        LeaderLock.tryAcquire(
            vertx,
            lockOptions,
            () ->
                LOG.warnf("Sequencer %s: the lock's database session ended: stepping down", name));
    if (acquired == null) {
      return false;
    }
    lock = acquired;
    LOG.infof("Sequencer %s is the leader (lock session pid %d)", name, acquired.backendPid());
    return true;
  }

  private void stepDown(RuntimeException cause) {
    LeaderLock held = lock;
    lock = null;
    if (held == null) {
      return;
    }
    held.release();
    if (cause != null) {
      LOG.warnf(cause, "Sequencer %s stepped down: %s", name, cause.getMessage());
    } else {
      LOG.infof("Sequencer %s released the lock", name);
    }
  }

  /** One batch, or an idle re-signing; returns how many submissions it took. */
  private int sequenceOnce() {
    requireLeader();
    LogHead head = index.catchUp();
    List<PendingQueue.Pending> batch =
        queue.next(settings.batchSize(), clock.instant().minus(settings.settleTime()));
    if (batch.isEmpty()) {
      resignIfStale(head);
      return 0;
    }
    Map<String, Long> inLog =
        queue.indicesInLog(
            batch.stream().map(p -> p.leafHash()).filter(java.util.Objects::nonNull).toList());
    LedgerState state = index.snapshot().state();
    List<LogEntry> leaves = new ArrayList<>();
    Map<UUID, Long> sequenced = new LinkedHashMap<>();
    Map<UUID, List<Violation>> rejected = new LinkedHashMap<>();
    Map<UUID, String> unusable = new LinkedHashMap<>();
    for (PendingQueue.Pending p : batch) {
      Long already =
          p.leafHash() == null ? null : inLog.get(HexFormat.of().formatHex(p.leafHash()));
      if (already != null) {
        sequenced.put(p.id(), already);
        continue;
      }
      LogEntry leaf;
      try {
        leaf = leaf(p);
      } catch (IllegalStateException e) {
        LOG.errorf("Sequencer %s refuses %s", name, e.getMessage());
        unusable.put(p.id(), e.getMessage());
        continue;
      }
      try {
        state = Rules.apply(state, leaf, index.memo().signatures());
        sequenced.put(p.id(), head.size() + leaves.size());
        leaves.add(leaf);
      } catch (RuleViolationException e) {
        rejected.put(p.id(), e.violations());
      }
    }
    requireLeader();
    if (!leaves.isEmpty()) {
      LogHead next;
      long started = System.nanoTime();
      try {
        next = store.append(head, leaves).await().atMost(Duration.ofSeconds(60));
      } catch (HeadMovedException e) {
        throw new LeadershipLostException("another sequencer moved the log head", e);
      }
      observer.appended(leaves.size(), rejected.size(), System.nanoTime() - started);
      index.advance(head.size(), leaves, state, next.root());
      queue.settle(sequenced, rejected, unusable);
      sign(next);
    } else {
      queue.settle(sequenced, rejected, unusable);
    }
    return batch.size();
  }

  /**
   * The leaf promised to the submission; an {@link IllegalStateException} for a row no intake could
   * have written (no leaf hash, an entry that does not parse, a leaf that is not the promised one):
   * it is refused rather than left to block the queue.
   */
  private LogEntry leaf(PendingQueue.Pending p) {
    if (p.leafHash() != null) {
      // The intake of this replica parsed it; the leaf hash commits to the bytes.
      var remembered = index.memo().leaf(p.leafHash());
      if (remembered.isPresent()) {
        return remembered.get();
      }
    }
    try {
      LogEntry leaf = LogEntry.of(p.acceptedAt(), SignedEntry.parseCanonical(p.entry()));
      if (p.leafHash() == null || !java.util.Arrays.equals(leaf.leafHash(), p.leafHash())) {
        throw new IllegalStateException(
            "submission " + p.id() + ": its entry and time no longer give the promised leaf");
      }
      index.memo().remember(leaf);
      return leaf;
    } catch (MalformedDataException | IllegalArgumentException e) {
      throw new IllegalStateException(
          "submission " + p.id() + " holds a malformed entry: " + e.getMessage(), e);
    }
  }

  private void resignIfStale(LogHead head) {
    var latest = index.snapshot().checkpoint();
    boolean stale =
        latest.isEmpty()
            || latest.get().size() < head.size()
            || !latest
                .get()
                .signedAt()
                .plus(settings.checkpointInterval())
                .isAfter(clock.instant());
    if (stale) {
      sign(head);
    }
  }

  /** Signs the durable {@code head}, only after proving the lock is still held. */
  private void sign(LogHead head) {
    LeaderLock held = lock;
    if (held == null) {
      throw new LeadershipLostException("not the leader", null);
    }
    held.requireHeld();
    Instant signedAt = Instant.ofEpochSecond(clock.instant().getEpochSecond());
    String note = keys.signCheckpoint(head.size(), head.root(), signedAt).format();
    store
        .storeCheckpoint(new StoredCheckpoint(head.size(), head.root(), note, signedAt))
        .await()
        .atMost(Duration.ofSeconds(30));
    index.checkpointSigned(new SignedCheckpoint(head.size(), head.root(), note, signedAt));
    signed.incrementAndGet();
    signedBySession.computeIfAbsent(held.backendPid(), pid -> new AtomicLong()).incrementAndGet();
  }

  private void requireLeader() {
    LeaderLock held = lock;
    if (held == null || held.isLost()) {
      throw new LeadershipLostException("the sequencer lock's database session ended", null);
    }
  }

  private void pause(Duration duration) {
    synchronized (signal) {
      if (!running) {
        return;
      }
      try {
        signal.wait(Math.max(1, duration.toMillis()));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        running = false;
      }
    }
  }
}
