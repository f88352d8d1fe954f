package org.markproof.edge.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import org.sqlite.SQLiteConfig;

/**
 * Copies the store's write-ahead log back into the database file on a thread of its own, so that no
 * scan waits for it (docs/edge.md "The log is copied back off the scans' path").
 *
 * <p>Left to itself, SQLite checkpoints in the commit that takes the log past 1,000 pages: the
 * scans of that commit wait while a thousand pages are written to the database file and the file is
 * synced, milliseconds every ~170 scans, which made the offline verdicts' p99. Here the writing
 * connection's own checkpoints are off ({@code wal_autocheckpoint=0}), and this thread, on a
 * connection of its own, runs a {@code PASSIVE} checkpoint every {@link #POLL_MILLIS} ms while
 * scans go on being committed: it copies what was committed so far and syncs the file, blocking no
 * one.
 *
 * <p>SQLite writes the log from its beginning again only when a write transaction begins with every
 * frame copied back, which a connection committing all the time never sees after a concurrent
 * checkpoint. So each time the log has grown by {@link #RESTART_FRAMES} frames, one checkpoint runs
 * holding {@code writes}, the lock the process's scan commits take: it copies the few frames
 * committed since the previous one, and the next commit starts the log over. Scans wait for that
 * short copy once per ~2,700 scans instead of a thousand pages every ~170. A reader still in an
 * older snapshot at that moment makes SQLite keep appending; the next try comes after the log has
 * grown by a quarter of {@link #RESTART_FRAMES} again.
 *
 * <p>Durability is unchanged: each commit is still synced on its own ({@code synchronous=FULL}); a
 * checkpoint only moves committed pages from the log into the file, and SQLite recovers from the
 * log whatever a crash interrupted.
 */
public final class WalCheckpointer implements AutoCloseable {
  /** How often the log is copied back. */
  static final long POLL_MILLIS = 100;

  /** Log frames (pages of 4 kB) past which the log is made to start over: 64 MB. */
  static final long RESTART_FRAMES = 16_384;

  private final EdgeStore store;
  private final Path file;
  private final Connection db;
  private final Lock writes;
  private final long pollMillis;
  private final long restartFrames;
  private final Thread thread;
  private final ReentrantLock state = new ReentrantLock();
  private final Condition wake = state.newCondition();
  private final Condition restarted = state.newCondition();
  private boolean closed;
  private long restarts;
  private volatile SQLException failure;

  private WalCheckpointer(
      EdgeStore store, Connection db, Lock writes, long pollMillis, long restartFrames) {
    this.store = store;
    this.file = store.file();
    this.db = db;
    this.writes = writes;
    this.pollMillis = pollMillis;
    this.restartFrames = restartFrames;
    this.thread = new Thread(this::run, "wal-checkpointer " + file.getFileName());
    this.thread.setDaemon(true);
  }

  /**
   * Opens a connection of its own to {@code store}'s file and starts copying its log back every
   * {@code pollMillis} ms, making it start over each time it grew by {@code restartFrames}. {@code
   * store}'s connection has its own checkpoints off ({@link EdgeStore#checkpointInBackground})
   * until this is closed or fails.
   */
  static WalCheckpointer start(EdgeStore store, Lock writes, long pollMillis, long restartFrames)
      throws EdgeStoreException {
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    // FULL: a checkpoint syncs the log before it copies, the file after.
    config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
    config.setBusyTimeout(10_000);
    try {
      Connection db =
          DriverManager.getConnection("jdbc:sqlite:" + store.file(), config.toProperties());
      WalCheckpointer checkpointer =
          new WalCheckpointer(store, db, writes, pollMillis, restartFrames);
      checkpointer.thread.start();
      return checkpointer;
    } catch (SQLException e) {
      throw new EdgeStoreException(
          store.file() + ": cannot open the log checkpointer: " + e.getMessage(), e);
    }
  }

  /** Why this stopped copying, if it failed; SQLite's own checkpoints are then back on. */
  public Optional<SQLException> failure() {
    return Optional.ofNullable(failure);
  }

  /**
   * Waits up to {@code timeout} for the log to have started over at least once; returns whether it
   * has.
   */
  public boolean awaitRestart(java.time.Duration timeout) throws InterruptedException {
    long left = timeout.toNanos();
    state.lock();
    try {
      while (restarts == 0 && left > 0) {
        left = restarted.awaitNanos(left);
      }
      return restarts > 0;
    } finally {
      state.unlock();
    }
  }

  private void run() {
    long restartAt = restartFrames;
    long lastLog = 0;
    try {
      while (waitForRound()) {
        long log = checkpoint();
        if (log < lastLog) {
          counted();
          restartAt = restartFrames;
        }
        lastLog = log;
        if (log >= restartAt) {
          writes.lock();
          try {
            log = checkpoint();
          } finally {
            writes.unlock();
          }
          restartAt = log + restartFrames / 4;
        }
      }
    } catch (SQLException e) {
      failure = e;
      // Back to SQLite's checkpoints in the writer's commits: slower scans at times, a log that
      // stays small.
      store.autoCheckpoint();
    }
  }

  private boolean waitForRound() {
    state.lock();
    try {
      if (!closed) {
        wake.await(pollMillis, TimeUnit.MILLISECONDS);
      }
      return !closed;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } finally {
      state.unlock();
    }
  }

  private void counted() {
    state.lock();
    try {
      restarts++;
      restarted.signalAll();
    } finally {
      state.unlock();
    }
  }

  /**
   * One {@code PASSIVE} checkpoint: copies back what no reader still needs from the log, and
   * returns how many frames the log holds.
   */
  private long checkpoint() throws SQLException {
    try (Statement s = db.createStatement();
        ResultSet r = s.executeQuery("PRAGMA wal_checkpoint(PASSIVE)")) {
      if (!r.next()) {
        throw new SQLException(file + ": wal_checkpoint returned no row");
      }
      return r.getLong(2);
    }
  }

  /**
   * Stops the thread, turns SQLite's own checkpoints back on, copies the log back once more and
   * closes this connection.
   *
   * @throws EdgeStoreException if the last checkpoint or the close fails (the next checkpoint
   *     copies the log back: nothing committed is lost)
   */
  @Override
  public void close() throws EdgeStoreException {
    state.lock();
    try {
      closed = true;
      wake.signalAll();
    } finally {
      state.unlock();
    }
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    store.autoCheckpoint();
    try (db) {
      checkpoint();
    } catch (SQLException e) {
      throw new EdgeStoreException(file + ": cannot checkpoint the log: " + e.getMessage(), e);
    }
  }
}
