package org.markproof.edge.scan;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
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
 * <p>A scan may depend on scans queued before it (a clone check that counted their sightings): if
 * one of those fails, so does the scan, so a verdict on disk never relies on a sighting that is
 * not. Groups are written in queue order.
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
  }

  private final EdgeStore store;
  private final Listener listener;
  private final ConcurrentLinkedQueue<Ticket> queue = new ConcurrentLinkedQueue<>();
  private final ReentrantLock leader = new ReentrantLock();
  private long dataVersion = -1;
  private WalCheckpointer checkpointer;
  private boolean checkpointerTried;

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
   * Returns once {@code ticket}'s scan is committed durably, leading the commit of the group it is
   * in if no one else does.
   *
   * @throws EdgeStoreException if its group could not be written, or a scan it depends on failed
   */
  void await(Ticket ticket) throws EdgeStoreException {
    while (!ticket.done) {
      leader.lock();
      try {
        if (!ticket.done) {
          commitQueued();
        }
      } finally {
        leader.unlock();
      }
    }
    if (ticket.failure != null) {
      throw ticket.failure;
    }
  }

  private void commitQueued() {
    List<Ticket> group = new ArrayList<>();
    for (Ticket t = queue.poll(); t != null; t = queue.poll()) {
      if (t.dependsOn.stream().anyMatch(Ticket::failed)) {
        fail(
            t,
            new EdgeStoreException(
                store.file()
                    + ": scan "
                    + t.scan.scanId()
                    + " was judged with a sighting whose scan could not be recorded"));
      } else {
        group.add(t);
      }
    }
    if (group.isEmpty()) {
      return;
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

  /** Stops copying the log back in the background; SQLite's own checkpoints are on again. */
  @Override
  public void close() throws EdgeStoreException {
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
