package org.markproof.edge.scan;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import org.markproof.edge.store.EdgeStore;
import org.markproof.edge.store.EdgeStoreException;
import org.markproof.edge.store.RecordedScan;
import org.markproof.edge.store.WalCheckpointer;

/**
 * Commits concurrently judged scans in groups: one SQLite transaction, one disk sync, for every
 * scan queued when the previous commit ended. One thread of its own writes the groups while scans
 * wait for their commit (a scan alone, with no other being judged, commits itself); each scan
 * returns only after the commit that holds it, so a verdict answered is on disk.
 *
 * <p>The committer wakes exactly the scans of the group it wrote, each on its own. (Before, the
 * waiting scans took turns leading the next group and every release of the commit lock woke all of
 * them, those not yet committed to wait again: at 16 connections 8.6 futex calls and 5.4 context
 * switches per scan, against 2 and 2.6 with no one waiting.)
 *
 * <p>A scan may depend on scans queued before it (a clone check that counted their sightings): if
 * one of those fails, so does the scan, so a verdict on disk never relies on a sighting that is
 * not. Groups are written in queue order.
 *
 * <p>A scan answered before its commit ({@link #later}, the service's {@code ?durable=false}) is
 * committed with whatever else is queued at most {@link #PENDING_INTERVAL_NANOS} after the previous
 * commit, or at once when a scan waits for its commit; {@link #close} commits what is still queued
 * before it returns.
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
    private volatile Thread waiter;
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

    /** Marks the ticket's fate known (after {@link #failure}, if any) and wakes its waiter. */
    private void finish() {
      done = true;
      Thread w = waiter;
      if (w != null) {
        LockSupport.unpark(w);
      }
    }
  }

  /**
   * How long scans answered as pending gather after each commit when no scan waits for its own (the
   * service records its scans every 20 ms): a commit costs its disk sync and a page of each index
   * it touches whether it holds one scan or forty, and on two cores those commits otherwise ran
   * back to back beside the scans.
   */
  static final long PENDING_INTERVAL_NANOS = 10_000_000L;

  /**
   * How long a group that scans wait for is held back while other scans are being judged, from the
   * moment the first of them waited. A commit's disk sync and its index pages cost about as much
   * for one scan as for twenty: written back to back, groups held under two scans at 16 connections
   * (2,336 syncs a second at 4,347 scans/s; 1,210 at 3,786 holding 2 ms). A scan judged alone is
   * committed at once.
   */
  static final long GROUP_DELAY_NANOS = 1_000_000L;

  /** How often a scan waiting for its commit checks that the committer still runs. */
  private static final long WAIT_CHECK_NANOS = 1_000_000_000L;

  /** What the committer is doing, so that a new scan wakes it only when it sleeps. */
  private enum Phase {
    WRITING,
    GATHERING,
    IDLE
  }

  private final EdgeStore store;
  private final Listener listener;
  private final ConcurrentLinkedQueue<Ticket> queue = new ConcurrentLinkedQueue<>();
  private final ReentrantLock leader = new ReentrantLock();

  /** Scans in {@link #await}: while there are any, the committer gathers only {@link #judging}. */
  private final AtomicInteger waiting = new AtomicInteger();

  /** Scans being judged ({@link #startJudging}), which will be queued soon. */
  private final AtomicInteger judging = new AtomicInteger();

  private volatile Phase phase = Phase.WRITING;
  private long dataVersion = -1;
  private WalCheckpointer checkpointer;
  private boolean checkpointerTried;
  private volatile Thread committer;
  private volatile boolean closing;

  GroupCommit(EdgeStore store, Listener listener) {
    this.store = store;
    this.listener = listener;
  }

  /**
   * A scan is being judged: a group that scans wait for is held back for it, up to {@link
   * #GROUP_DELAY_NANOS}. Each call is followed by one {@link #stopJudging}, once the scan is queued
   * or failed.
   */
  void startJudging() {
    judging.incrementAndGet();
  }

  /** The scan of the matching {@link #startJudging} is queued, or will not be. */
  void stopJudging() {
    if (judging.decrementAndGet() == 0 && waiting.get() > 0 && phase == Phase.GATHERING) {
      Thread c = committer;
      if (c != null) {
        LockSupport.unpark(c);
      }
    }
  }

  /** Queues {@code scan}, judged at {@code wallClock}, after the scans it depends on. */
  Ticket submit(RecordedScan scan, Instant wallClock, List<Ticket> dependsOn) {
    Ticket ticket = new Ticket(scan, wallClock, dependsOn);
    queue.add(ticket);
    return ticket;
  }

  /**
   * Has {@code ticket}'s scan committed without waiting for it, in a coming group. A failure is
   * then reported on standard error (the scan was answered {@code pending}, as the service answers
   * a scan it has not written yet).
   *
   * @throws IllegalStateException once {@link #close} has begun
   */
  void later(Ticket ticket) {
    Thread c = committer();
    if (phase == Phase.IDLE) {
      LockSupport.unpark(c);
    }
  }

  /**
   * Returns once {@code ticket}'s scan is committed durably.
   *
   * @throws EdgeStoreException if its group could not be written, or a scan it depends on failed
   */
  void await(Ticket ticket) throws EdgeStoreException {
    if (!ticket.done) {
      Thread c;
      try {
        c = committer();
      } catch (IllegalStateException closed) {
        c = null; // closing: commit it here
      }
      if (c == null) {
        commitHere(ticket);
      } else {
        ticket.waiter = Thread.currentThread();
        // The committer sleeps with scans queued only while it gathers: for pending scans (no one
        // waited), which this ends, or for scans being judged, which this does not change.
        boolean first = waiting.incrementAndGet() == 1;
        boolean interrupted = false;
        try {
          if (first && judging.get() == 0 && leader.tryLock()) {
            // A scan alone (a command's, a lone handheld's): no group to wait for, so it commits
            // itself rather than hand over to the committer and be woken, two thread switches
            // that doubled the p99 of single durable scans (2.39 against 1.04 ms, 10^6 entries).
            try {
              if (!ticket.done) {
                commitQueued();
              }
            } finally {
              leader.unlock();
            }
          } else if (phase == Phase.IDLE || (first && phase == Phase.GATHERING)) {
            LockSupport.unpark(c);
          }
          while (!ticket.done) {
            if (!c.isAlive()) {
              commitHere(ticket); // close() ended the committer before it reached this scan
            } else {
              // The committer unparks this thread once it is done; the bound only matters if the
              // committer died (an error outside the commits).
              LockSupport.parkNanos(this, WAIT_CHECK_NANOS);
              // The verdict still waits for its commit; the flag is set again below (while set,
              // park would return at once).
              interrupted |= Thread.interrupted();
            }
          }
        } finally {
          waiting.decrementAndGet();
          if (interrupted) {
            Thread.currentThread().interrupt();
          }
        }
      }
    }
    if (ticket.failure != null) {
      throw ticket.failure;
    }
  }

  private void commitHere(Ticket ticket) {
    leader.lock();
    try {
      if (!ticket.done) {
        commitQueued();
      }
    } finally {
      leader.unlock();
    }
  }

  /** The committer's thread, started on first use. */
  private synchronized Thread committer() {
    if (closing) {
      throw new IllegalStateException("the scanner is closing");
    }
    if (committer == null) {
      committer = new Thread(this::commitInBackground, "scan-commits");
      committer.setDaemon(true);
      committer.start();
    }
    return committer;
  }

  private void commitInBackground() {
    long lastCommit = System.nanoTime() - PENDING_INTERVAL_NANOS;
    long groupOpened = 0; // when a scan of the coming group was first seen waiting; 0: none yet
    while (true) {
      if (queue.isEmpty()) {
        if (closing) {
          return;
        }
        phase = Phase.IDLE;
        if (queue.isEmpty() && !closing) { // a scan queued before IDLE was seen is seen here
          LockSupport.park(this);
        }
        phase = Phase.WRITING;
        continue;
      }
      long now = System.nanoTime();
      boolean pendingOnly = waiting.get() == 0;
      long gather;
      if (pendingOnly) {
        gather = lastCommit + PENDING_INTERVAL_NANOS - now;
      } else {
        groupOpened = groupOpened == 0 ? now : groupOpened;
        gather = judging.get() > 0 ? groupOpened + GROUP_DELAY_NANOS - now : 0;
      }
      if (gather > 0 && !closing) {
        phase = Phase.GATHERING;
        // Seen again once GATHERING is published: a scan that began to wait, or the last scan
        // being judged that was queued, before then is seen here; after, it unparks this thread.
        if (pendingOnly ? waiting.get() == 0 : judging.get() > 0) {
          LockSupport.parkNanos(this, gather);
        }
        phase = Phase.WRITING;
        continue;
      }
      EdgeStoreException failure;
      leader.lock();
      try {
        failure = commitQueued();
      } finally {
        leader.unlock();
      }
      lastCommit = System.nanoTime();
      groupOpened = 0;
      if (failure != null) {
        System.err.println("scan commit: " + failure.getMessage());
      }
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
    long version;
    try {
      synchronized (store) {
        version = store.recordScans(scans, latest);
      }
    } catch (EdgeStoreException | RuntimeException | Error e) {
      // Whatever went wrong, every scan of the group learns it: none may wait for ever.
      EdgeStoreException failure = failure(e);
      for (Ticket t : group) {
        fail(t, failure);
      }
      return failure;
    }
    // The group is on disk. Its scans are woken once what the commit means is known in memory too,
    // so that a scan returned never finds the scanner still catching up with it.
    try {
      for (Ticket t : group) {
        listener.committed(t);
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
    } catch (EdgeStoreException | RuntimeException | Error e) {
      return failure(e);
    } finally {
      for (Ticket t : group) {
        t.finish();
      }
    }
  }

  private EdgeStoreException failure(Throwable e) {
    return e instanceof EdgeStoreException s
        ? s
        : new EdgeStoreException(store.file() + ": cannot record scans: " + e, e);
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
      committer = this.committer;
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
      commitQueued(); // scans queued by a caller that never asked for their commit
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
    t.finish();
  }
}
