package org.markproof.edge.scan;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import org.markproof.edge.store.EdgeStore;
import org.markproof.edge.store.EdgeStoreException;
import org.markproof.edge.store.RecordedScan;
import org.markproof.edge.store.WalCheckpointer;

/**
 * Commits concurrently judged scans in groups: one SQLite transaction, one disk sync, for every
 * scan waiting when the previous commit ended. Whoever waits takes its turn as the group's leader,
 * so no thread is kept for it; each scan returns only after the commit that holds it, so a verdict
 * answered is on disk.
 *
 * <p>Scans wait for their commit, not for the commit lock: each release of the lock wakes them all,
 * those committed return at once, and one of the others leads the next group. (Waiting in the
 * lock's own queue handed it from thread to thread: a scan already committed got it only after the
 * next group's commit, so every scan waited two commits and groups stayed small, about 4 scans of
 * 16 waiting.)
 *
 * <p>A scan may depend on scans queued before it (a clone check that counted their sightings): if
 * one of those fails, so does the scan, so a verdict on disk never relies on a sighting that is
 * not. Groups are written in queue order.
 *
 * <p>A scan answered before its commit ({@link #later}, the service's {@code ?durable=false}) is
 * committed by a thread of this group commit's own, with whatever else is queued by then; {@link
 * #close} commits what is still queued before it returns.
 *
 * <p>From the first commit on, the store's log is copied back into its file on a thread of its own
 * ({@link WalCheckpointer}), not in the commits; {@link #close} stops that.
 */
final class GroupCommit implements AutoCloseable {
  /** What the scanner does when a group's fate is known, under the commit lock. */
  interface Listener {
    void committed(Ticket ticket);

    void failed(Ticket ticket);

    /** Another connection wrote to the store since the previous group. */
    void writtenElsewhere() throws EdgeStoreException;
  }

  /** One scan waiting for its commit. */
  static final class Ticket {
    final RecordedScan scan;
    final Instant wallClock;
    private final List<Ticket> dependsOn;
    private volatile boolean done;
    private EdgeStoreException failure;

    private Ticket(RecordedScan scan, Instant wallClock, List<Ticket> dependsOn) {
      this.scan = scan;
      this.wallClock = wallClock;
      this.dependsOn = List.copyOf(dependsOn);
    }

    boolean failed() {
      return done && failure != null;
    }

    /** Whether the scan is committed durably. */
    boolean durable() {
      return done && failure == null;
    }
  }

  /**
   * How long the background thread lets scans answered as pending gather after each of its commits
   * (the service records its scans every 20 ms): a commit costs its disk sync and a page of each
   * index it touches whether it holds one scan or forty, and on two cores those commits otherwise
   * ran back to back beside the scans.
   */
  static final long PENDING_INTERVAL_NANOS = 10_000_000L;

  private final EdgeStore store;
  private final Listener listener;
  private final ConcurrentLinkedQueue<Ticket> queue = new ConcurrentLinkedQueue<>();
  private final Object turns = new Object();
  private final CommitLock leader = new CommitLock();
  private long dataVersion = -1;
  private WalCheckpointer checkpointer;
  private boolean checkpointerTried;
  private Thread background;
  private volatile boolean closing;

  GroupCommit(EdgeStore store, Listener listener) {
    this.store = store;
    this.listener = listener;
  }

  /** Queues {@code scan}, judged at {@code wallClock}, after the scans it depends on. */
  Ticket submit(RecordedScan scan, Instant wallClock, List<Ticket> dependsOn) {
    Ticket ticket = new Ticket(scan, wallClock, dependsOn);
    queue.add(ticket);
    return ticket;
  }

  /**
   * Has {@code ticket}'s scan committed without waiting for it: by the background thread, in the
   * next group. A failure is then reported on standard error (the scan was answered {@code
   * pending}, as the service answers a scan it has not written yet).
   *
   * @throws IllegalStateException once {@link #close} has begun
   */
  void later(Ticket ticket) {
    Thread committer;
    synchronized (this) {
      if (closing) {
        throw new IllegalStateException("the scanner is closing");
      }
      if (background == null) {
        background = new Thread(this::commitInBackground, "scan-commits");
        background.setDaemon(true);
        background.start();
      }
      committer = background;
    }
    LockSupport.unpark(committer);
  }

  private void commitInBackground() {
    while (true) {
      if (queue.isEmpty()) {
        if (closing) {
          return;
        }
        LockSupport.park(this);
        continue;
      }
      EdgeStoreException failure;
      leader.lock();
      try {
        failure = commitQueued();
      } finally {
        leader.unlock();
      }
      if (failure != null) {
        System.err.println("scans answered as pending were not recorded: " + failure.getMessage());
      }
      if (!closing) {
        LockSupport.parkNanos(PENDING_INTERVAL_NANOS); // let the next group gather
      }
    }
  }

  /**
   * Returns once {@code ticket}'s scan is committed durably, leading the commit of the group it is
   * in if no one else does.
   *
   * @throws EdgeStoreException if its group could not be written, or a scan it depends on failed
   */
  void await(Ticket ticket) throws EdgeStoreException {
    boolean interrupted = false;
    while (!ticket.done) {
      if (leader.tryLock()) {
        try {
          if (!ticket.done) {
            commitQueued();
          }
        } finally {
          leader.unlock();
        }
      } else {
        synchronized (turns) {
          // The lock's holder wakes everyone once it lets go (CommitLock.unlock takes this
          // monitor), so a release cannot slip between this check and the wait.
          while (!ticket.done && leader.held()) {
            try {
              turns.wait();
            } catch (InterruptedException e) {
              interrupted = true; // the verdict still waits for its commit
            }
          }
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    if (ticket.failure != null) {
      throw ticket.failure;
    }
  }

  /**
   * The commit lock: held while a group is written and by the checkpointer's short restart step.
   * Each release wakes the scans waiting for their commit.
   */
  private final class CommitLock implements Lock {
    private final ReentrantLock lock = new ReentrantLock();

    boolean held() {
      return lock.isLocked();
    }

    @Override
    public void lock() {
      lock.lock();
    }

    @Override
    public void lockInterruptibly() throws InterruptedException {
      lock.lockInterruptibly();
    }

    @Override
    public boolean tryLock() {
      return lock.tryLock();
    }

    @Override
    public boolean tryLock(long time, TimeUnit unit) throws InterruptedException {
      return lock.tryLock(time, unit);
    }

    @Override
    public void unlock() {
      lock.unlock();
      synchronized (turns) {
        turns.notifyAll();
      }
    }

    @Override
    public Condition newCondition() {
      return lock.newCondition();
    }
  }

  /** Commits what is queued; returns the failure the group met, if any. */
  private EdgeStoreException commitQueued() {
    EdgeStoreException first = null;
    List<Ticket> group = new ArrayList<>();
    for (Ticket t = queue.poll(); t != null; t = queue.poll()) {
      if (t.dependsOn.stream().anyMatch(Ticket::failed)) {
        EdgeStoreException e =
            new EdgeStoreException(
                store.file()
                    + ": scan "
                    + t.scan.scanId()
                    + " was judged with a sighting whose scan could not be recorded");
        fail(t, e);
        first = first == null ? e : first;
      } else {
        group.add(t);
      }
    }
    if (group.isEmpty()) {
      return first;
    }
    List<RecordedScan> scans = new ArrayList<>(group.size());
    Instant latest = Instant.EPOCH;
    for (Ticket t : group) {
      scans.add(t.scan);
      latest = t.wallClock.isAfter(latest) ? t.wallClock : latest;
    }
    try {
      long version;
      synchronized (store) {
        version = store.recordScans(scans, latest);
      }
      for (Ticket t : group) {
        listener.committed(t);
        t.done = true;
      }
      if (version != dataVersion) {
        dataVersion = version;
        listener.writtenElsewhere();
      }
      if (!checkpointerTried) {
        checkpointerTried = true;
        startCheckpointer();
      }
      return first;
    } catch (EdgeStoreException | RuntimeException e) {
      // Whatever went wrong, every scan of the group learns it: none may wait for ever.
      EdgeStoreException failure =
          e instanceof EdgeStoreException s
              ? s
              : new EdgeStoreException(store.file() + ": cannot record scans: " + e, e);
      for (Ticket t : group) {
        if (!t.done) {
          fail(t, failure);
        }
      }
      return failure;
    }
  }

  /**
   * Takes the log's checkpoints off the commits. If that fails, SQLite's own checkpoints stay on:
   * scans are slower at times, nothing else changes.
   */
  private void startCheckpointer() {
    try {
      checkpointer = store.checkpointInBackground(leader);
    } catch (EdgeStoreException e) {
      checkpointer = null;
    }
  }

  /**
   * Commits the scans answered as pending that are still queued, then stops copying the log back in
   * the background; SQLite's own checkpoints are on again.
   */
  @Override
  public void close() throws EdgeStoreException {
    Thread committer;
    synchronized (this) {
      closing = true;
      committer = background;
    }
    if (committer != null) {
      LockSupport.unpark(committer);
      boolean interrupted = false;
      while (committer.isAlive()) {
        try {
          committer.join();
        } catch (InterruptedException e) {
          interrupted = true; // the scans answered as pending are written first
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
    WalCheckpointer running;
    leader.lock();
    try {
      running = checkpointer;
      checkpointer = null;
      checkpointerTried = true;
    } finally {
      leader.unlock();
    }
    // Not under the lock: the checkpointer may be waiting for it to finish a round.
    if (running != null) {
      running.close();
    }
  }

  private void fail(Ticket t, EdgeStoreException e) {
    listener.failed(t);
    t.failure = e;
    t.done = true;
  }
}
