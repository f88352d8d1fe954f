package org.markproof.service.operations;

import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.PoolOptions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.markproof.contracts.entry.ParticipantRole;
import org.markproof.contracts.entry.SignedEntry;
import org.markproof.service.intake.Sequenced;
import org.markproof.service.intake.SubmissionIntake;
import org.markproof.service.log.index.EntryMemo;
import org.markproof.service.log.index.LedgerIndex;
import org.markproof.service.log.keys.LogKeys;
import org.markproof.service.log.sequencer.Sequencer;
import org.markproof.service.log.sequencer.SequencerSettings;
import org.markproof.service.log.store.LogHead;
import org.markproof.service.log.store.LogStore;
import org.markproof.service.log.store.StoredCheckpoint;
import org.markproof.service.testing.LedgerFixture;

/**
 * "Production" in the restore drill: what a signing replica runs (store, index, intake and a
 * sequencer holding the log key) on a database of its own, so that the drill has a log signed with
 * a key the restored service never gets.
 */
final class ProductionLog implements AutoCloseable {
  private static final SequencerSettings FAST =
      new SequencerSettings(
          25,
          Duration.ofMillis(20),
          Duration.ofSeconds(30),
          Duration.ofMillis(200),
          Duration.ofMillis(50));
  private static final Duration WAIT = Duration.ofSeconds(60);

  private final Pool pool;
  final LogStore store;
  final LedgerIndex index;
  private final SubmissionIntake intake;
  private final Sequencer sequencer;

  private ProductionLog(Vertx vertx, DrillServer.Database database, LogKeys keys) {
    PgConnectOptions options = database.connectOptions();
    this.pool =
        Pool.newInstance(
            PgBuilder.pool()
                .connectingTo(options)
                .with(new PoolOptions().setMaxSize(4))
                .using(vertx.getDelegate())
                .build());
    this.store = new LogStore(pool);
    this.index = new LedgerIndex(store, keys, new EntryMemo());
    index.catchUp();
    Clock clock = Clock.systemUTC();
    this.intake = new SubmissionIntake(pool, index, keys, clock, index.memo());
    this.sequencer =
        new Sequencer("production", vertx, options, pool, store, index, keys, FAST, clock);
    sequencer.start();
  }

  /** Starts production's replica on {@code database}, signing with {@code keys}. */
  static ProductionLog start(Vertx vertx, DrillServer.Database database, LogKeys keys) {
    return new ProductionLog(vertx, database, keys);
  }

  /**
   * Appends {@code count} enrolments (after the genesis entry, on an empty log) and waits until a
   * checkpoint covers the head.
   *
   * @return that checkpoint
   */
  StoredCheckpoint append(int count) {
    List<SignedEntry> entries = new ArrayList<>();
    if (index.snapshot().size() == 0) {
      entries.add(LedgerFixture.genesis());
    }
    for (int i = 0; i < count; i++) {
      entries.add(
          LedgerFixture.enrol(LedgerFixture.freshId("drill"), new ParticipantRole.BrandOwner()));
    }
    for (SignedEntry entry : entries) {
      var accepted = intake.submit(entry, null).await().atMost(WAIT);
      Sequenced sequenced =
          intake.awaitSequenced(accepted.submission(), WAIT).await().atMost(WAIT.plus(WAIT));
      if (sequenced == null) {
        throw new IllegalStateException("production did not sequence an entry in " + WAIT);
      }
    }
    LogHead head = store.head().await().atMost(WAIT);
    StoredCheckpoint latest = store.latestCheckpoint().await().atMost(WAIT);
    if (latest == null || latest.size() != head.size()) {
      throw new IllegalStateException("no checkpoint at the head " + head.size() + ": " + latest);
    }
    return latest;
  }

  /** Stops the sequencer, then accepts one more submission, which stays pending. */
  void leaveOnePending() {
    sequencer.stop(WAIT);
    intake
        .submit(
            LedgerFixture.enrol(LedgerFixture.freshId("pending"), new ParticipantRole.BrandOwner()),
            null)
        .await()
        .atMost(WAIT);
  }

  /** The RFC 9162 consistency proof between two sizes of production's tree. */
  List<byte[]> consistencyProof(long from, long to) {
    index.catchUp();
    return index.consistencyProof(from, to);
  }

  @Override
  public void close() {
    sequencer.stop(WAIT);
    pool.closeAndAwait();
  }
}
