package org.markproof.service.log.sequencer;

import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.PgConnection;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgConnectOptions;
import java.time.Duration;

/**
 * The sequencer's leadership: a PostgreSQL session-level advisory lock held on a connection of its
 * own (PostgreSQL §9.28.10 "Advisory Lock Functions"), outside any pool, so that the lock lives
 * exactly as long as this one session. When the session ends — the pod dies, the network breaks, an
 * operator runs {@code pg_terminate_backend} — PostgreSQL releases the lock and another replica
 * takes it.
 *
 * <p>The lock only elects; it does not fence. Every append is still guarded by the compare-and-swap
 * on {@code log_head}, and {@link #requireHeld} proves the session alive and the lock held just
 * before each checkpoint is signed.
 */
final class LeaderLock {
  /**
   * The advisory lock key pair: "mkpf" and 1, the sequencer. Shown as classid/objid in pg_locks.
   */
  static final int KEY_CLASS = 0x6d6b7066;

  static final int KEY_OBJECT = 1;

  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final PgConnection connection;
  private volatile boolean closed;
  private volatile boolean released;

  private LeaderLock(PgConnection connection) {
    this.connection = connection;
  }

  /**
   * Opens a session and tries the lock once, without waiting.
   *
   * @param onLost called (on an event-loop thread) when the session ends while the lock is held
   * @return the held lock, or null when another session holds it
   */
  static LeaderLock tryAcquire(Vertx vertx, PgConnectOptions options, Runnable onLost) {
    PgConnection connection = PgConnection.connect(vertx, options).await().atMost(TIMEOUT);
    boolean acquired;
    try {
      acquired =
          connection
              .preparedQuery("SELECT pg_try_advisory_lock($1, $2)")
              .execute(Tuple.of(KEY_CLASS, KEY_OBJECT))
              .await()
              .atMost(TIMEOUT)
              .iterator()
              .next()
              .getBoolean(0);
    } catch (RuntimeException e) {
      connection.closeAndForget();
      throw e;
    }
    if (!acquired) {
      connection.close().await().atMost(TIMEOUT);
      return null;
    }
    LeaderLock lock = new LeaderLock(connection);
    connection.closeHandler(
        () -> {
          lock.closed = true;
          if (!lock.released) {
            onLost.run();
          }
        });
    return lock;
  }

  /** The PostgreSQL backend process id of the lock's session (pg_stat_activity.pid). */
  int backendPid() {
    return connection.processId();
  }

  /** Whether the session is known to have ended. */
  boolean isLost() {
    return closed;
  }

  /**
   * Proves, by a round trip on the lock's own session, that the session is alive and still holds
   * the lock.
   *
   * @throws LeadershipLostException otherwise
   */
  void requireHeld() {
    if (closed) {
      throw new LeadershipLostException("the sequencer lock's database session ended", null);
    }
    RowSet<Row> rows;
    try {
      rows =
          connection
              .preparedQuery(
                  "SELECT count(*) FROM pg_locks WHERE pid = pg_backend_pid()"
                      + " AND locktype = 'advisory' AND granted"
                      + " AND classid::bigint = $1 AND objid::bigint = $2 AND objsubid = 2")
              .execute(Tuple.of((long) KEY_CLASS, (long) KEY_OBJECT))
              .await()
              .atMost(TIMEOUT);
    } catch (RuntimeException e) {
      throw new LeadershipLostException("cannot reach the sequencer lock's session", e);
    }
    if (rows.iterator().next().getLong(0) != 1L) {
      throw new LeadershipLostException("the sequencer lock is no longer held", null);
    }
  }

  /** Releases the lock and ends the session; errors are ignored (the session ending frees it). */
  void release() {
    if (closed) {
      return;
    }
    released = true;
    closed = true;
    try {
      connection
          .preparedQuery("SELECT pg_advisory_unlock($1, $2)")
          .execute(Tuple.of(KEY_CLASS, KEY_OBJECT))
          .await()
          .atMost(TIMEOUT);
    } catch (RuntimeException e) {
      // The session is gone or going: PostgreSQL frees the lock with it.
    } finally {
      connection.closeAndForget();
    }
  }
}
