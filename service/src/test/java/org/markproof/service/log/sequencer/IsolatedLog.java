package org.markproof.service.log.sequencer;

import io.vertx.mutiny.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.ConfigProvider;
import org.markproof.contracts.entry.SignedEntry;
import org.markproof.service.intake.Accepted;
import org.markproof.service.intake.Sequenced;
import org.markproof.service.intake.SubmissionIntake;
import org.markproof.service.log.index.EntryMemo;
import org.markproof.service.log.index.LedgerIndex;
import org.markproof.service.log.keys.LogKeys;
import org.markproof.service.log.store.LogStore;
import org.markproof.service.testing.FreshLogDatabase;

/**
 * A log of its own for sequencer tests: a fresh migrated database on the test server, its store, an
 * index, an intake and any number of sequencers competing for its lock — the pieces a replica runs,
 * several "replicas" in one JVM. The service's own sequencer never touches it.
 */
final class IsolatedLog implements AutoCloseable {
  static final SequencerSettings FAST =
      new SequencerSettings(
          25,
          Duration.ofMillis(20),
          Duration.ofSeconds(30),
          Duration.ofMillis(200),
          Duration.ofMillis(50));

  final FreshLogDatabase database;
  final LogStore store;
  final LedgerIndex index;
  final SubmissionIntake intake;
  private final Vertx vertx;
  private final LogKeys keys;
  private final Clock clock;
  private final List<Sequencer> sequencers = new ArrayList<>();
  private final ScheduledExecutorService follower =
      Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "isolated-log-follower"));

  private boolean handedOver;

  private IsolatedLog(Vertx vertx, LogKeys keys, Clock clock, FreshLogDatabase database) {
    this.vertx = vertx;
    this.keys = keys;
    this.clock = clock;
    this.database = database;
    this.store = new LogStore(database.pool());
    // One memo for the index, its sequencers and the intake, as the service wires them.
    this.index = new LedgerIndex(store, keys, new EntryMemo());
    this.intake = new SubmissionIntake(database.pool(), index, keys, clock, index.memo());
    // What IndexFollower does on every replica: keep the intake's index up with the database.
    follower.scheduleWithFixedDelay(this::follow, 0, 100, TimeUnit.MILLISECONDS);
  }

  private void follow() {
    try {
      index.catchUp();
    } catch (RuntimeException e) {
      // The next round retries; a broken log shows in the tests' own checks.
    }
  }

  static IsolatedLog create(Vertx vertx, LogKeys keys, Clock clock) {
    return new IsolatedLog(vertx, keys, clock, FreshLogDatabase.create(vertx));
  }

  /**
   * Stops this log's sequencers and starts it again on the same database with {@code newKeys}, as
   * restarting every replica with another key configuration does: a new index (not yet caught up)
   * and intake, no sequencer. This instance must not be used afterwards; closing the returned one
   * drops the database.
   */
  IsolatedLog restartWith(LogKeys newKeys) {
    stop();
    handedOver = true;
    return new IsolatedLog(vertx, newKeys, clock, database);
  }

  /** A started sequencer of its own "replica": its own index, sharing nothing but the database. */
  Sequencer startReplicaSequencer(String name) {
    return start(name, new LedgerIndex(store, keys));
  }

  /** A started sequencer sharing this log's index (and so feeding the intake's waits). */
  Sequencer startSequencer(String name) {
    return start(name, index);
  }

  private Sequencer start(String name, LedgerIndex sequencerIndex) {
    Sequencer sequencer =
        new Sequencer(
            name, vertx, lockOptions(), database.pool(), store, sequencerIndex, keys, FAST, clock);
    sequencers.add(sequencer);
    sequencer.start();
    return sequencer;
  }

  /** Submits and waits, bounded, until a checkpoint covers the entry. */
  Sequenced submitAndAwait(SignedEntry entry) {
    Accepted accepted = intake.submit(entry, null).await().atMost(Duration.ofSeconds(30));
    Sequenced sequenced =
        intake
            .awaitSequenced(accepted.submission(), Duration.ofSeconds(60))
            .await()
            .atMost(Duration.ofSeconds(70));
    if (sequenced == null) {
      throw new AssertionError("not sequenced within a minute: " + entry);
    }
    return sequenced;
  }

  /** The pid of the session holding the sequencer lock on this database, or -1. */
  int lockHolderPid() {
    var rows =
        database
            .pool()
            .query(
                "SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted"
                    + " AND classid::bigint = "
                    + LeaderLock.KEY_CLASS
                    + " AND objid::bigint = "
                    + LeaderLock.KEY_OBJECT
                    + " AND objsubid = 2 AND database = (SELECT oid FROM pg_database"
                    + " WHERE datname = current_database())")
            .execute()
            .await()
            .atMost(Duration.ofSeconds(10));
    return rows.size() == 0 ? -1 : rows.iterator().next().getInteger(0);
  }

  private PgConnectOptions lockOptions() {
    var config = ConfigProvider.getConfig();
    PgConnectOptions options =
        PgConnectOptions.fromUri(database.jdbcUrl().substring("jdbc:".length()))
            .setUser(
                config
                    .getOptionalValue("quarkus.datasource.username", String.class)
                    .orElse("postgres"));
    config
        .getOptionalValue("quarkus.datasource.password", String.class)
        .filter(p -> !p.isEmpty())
        .ifPresent(options::setPassword);
    return options;
  }

  private void stop() {
    follower.shutdownNow();
    for (Sequencer sequencer : sequencers) {
      sequencer.stop(Duration.ofSeconds(30));
    }
  }

  @Override
  public void close() {
    stop();
    if (!handedOver) {
      database.close();
    }
  }
}
