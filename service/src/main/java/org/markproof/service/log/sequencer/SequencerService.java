package org.markproof.service.log.sequencer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.pgclient.PgConnectOptions;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.markproof.service.log.index.LedgerIndex;
import org.markproof.service.log.index.SignedCheckpoint;
import org.markproof.service.log.keys.LogKeys;
import org.markproof.service.log.store.LogStore;

/**
 * Runs this replica's {@link Sequencer} (unless {@code markproof.sequencer.enabled=false}, or the
 * replica is verifier-only: {@link LogKeys#isVerifierOnly}) from start to graceful shutdown, and
 * publishes the log's gauges: {@code markproof_checkpoint_signed_timestamp_seconds}, {@code
 * markproof_checkpoint_size}, {@code markproof_sequencer_leader}, {@code
 * markproof_sequencer_pending_entries} and {@code markproof_sequencer_oldest_pending_age_seconds}
 * (docs/operations.md, the PrometheusRule).
 */
@ApplicationScoped
public class SequencerService {
  private static final Logger LOG = Logger.getLogger(SequencerService.class);

  @Inject Vertx vertx;
  @Inject Pool pool;
  @Inject LogStore store;
  @Inject LedgerIndex index;
  @Inject LogKeys keys;
  @Inject Clock clock;
  @Inject MeterRegistry registry;

  @ConfigProperty(name = "markproof.sequencer.enabled")
  boolean enabled;

  @ConfigProperty(name = "markproof.sequencer.batch-size")
  int batchSize;

  @ConfigProperty(name = "markproof.sequencer.batch-interval")
  Duration batchInterval;

  @ConfigProperty(name = "markproof.log.checkpoint-interval")
  Duration checkpointInterval;

  @ConfigProperty(name = "markproof.sequencer.lock-retry-interval")
  Duration lockRetryInterval;

  @ConfigProperty(name = "markproof.sequencer.settle-time")
  Duration settleTime;

  @ConfigProperty(name = "quarkus.datasource.reactive.url")
  String url;

  @ConfigProperty(name = "quarkus.datasource.username")
  Optional<String> username;

  @ConfigProperty(name = "quarkus.datasource.password")
  Optional<String> password;

  private Sequencer sequencer;
  private volatile PendingQueue.Backlog backlog = new PendingQueue.Backlog(0, null);

  /** Starts after the index replayed the log at start (its observer runs first). */
  void start(@Observes @Priority(10_000) StartupEvent event) {
    registerGauges();
    if (!enabled) {
      LOG.info("Sequencer disabled on this replica (markproof.sequencer.enabled=false)");
      return;
    }
    if (keys.isVerifierOnly()) {
      // Whatever markproof.sequencer.enabled says: appending would fork a copy of the log.
      LOG.info("Sequencer off: this replica is verifier-only (no log signer key)");
      return;
    }
    sequencer = newSequencer(ManagementFactory.getRuntimeMXBean().getName());
    sequencer.observeBatches(batchMetrics());
    sequencer.start();
  }

  void stop(@Observes ShutdownEvent event) {
    if (sequencer != null) {
      sequencer.stop(Duration.ofSeconds(30));
    }
  }

  /** A sequencer on this service's database, keys and index; the service runs one. */
  public Sequencer newSequencer(String name) {
    return new Sequencer(
        name,
        vertx,
        lockConnectOptions(),
        pool,
        store,
        index,
        keys,
        new SequencerSettings(
            batchSize, batchInterval, checkpointInterval, lockRetryInterval, settleTime),
        clock);
  }

  /** This replica's sequencer, if enabled. */
  public Optional<Sequencer> sequencer() {
    return Optional.ofNullable(sequencer);
  }

  @Scheduled(every = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void measureBacklog() {
    try {
      backlog = new PendingQueue(pool).backlog();
    } catch (RuntimeException e) {
      LOG.debugf(e, "Cannot measure the submission backlog");
    }
  }

  private PgConnectOptions lockConnectOptions() {
    String uri =
        url.startsWith("vertx-reactive:") ? url.substring("vertx-reactive:".length()) : url;
    PgConnectOptions options = PgConnectOptions.fromUri(uri);
    username.ifPresent(options::setUser);
    password.filter(p -> !p.isEmpty()).ifPresent(options::setPassword);
    return options.setTcpKeepAlive(true);
  }

  /**
   * {@code markproof_sequencer_batch_entries} (entries per append transaction), {@code
   * markproof_sequencer_append_seconds} (its duration) and {@code
   * markproof_sequencer_rejected_total} (submissions the sequencer's re-check refused).
   */
  private Sequencer.BatchObserver batchMetrics() {
    DistributionSummary entries =
        DistributionSummary.builder("markproof.sequencer.batch.entries")
            .description("Entries appended per transaction")
            .register(registry);
    Timer append =
        Timer.builder("markproof.sequencer.append")
            .description("Time of one append transaction (entries, tree hashes, head)")
            .publishPercentiles(0.5, 0.99)
            .register(registry);
    Counter rejected =
        Counter.builder("markproof.sequencer.rejected")
            .description("Submissions refused when the sequencer re-checked them")
            .register(registry);
    return (count, refused, nanos) -> {
      entries.record(count);
      append.record(nanos, TimeUnit.NANOSECONDS);
      rejected.increment(refused);
    };
  }

  private void registerGauges() {
    Gauge.builder(
            "markproof.checkpoint.signed.timestamp",
            this,
            s -> s.checkpoint(c -> c.signedAt().getEpochSecond()))
        .baseUnit("seconds")
        .description("Unix time at which the newest checkpoint this replica knows was signed")
        .register(registry);
    Gauge.builder("markproof.checkpoint.size", this, s -> s.checkpoint(SignedCheckpoint::size))
        .description("Tree size of the newest checkpoint this replica knows")
        .register(registry);
    Gauge.builder(
            "markproof.sequencer.leader",
            this,
            s -> s.sequencer != null && s.sequencer.isLeader() ? 1 : 0)
        .description("1 on the replica that holds the sequencer lock, else 0")
        .register(registry);
    Gauge.builder("markproof.sequencer.pending.entries", this, s -> s.backlog.count())
        .description("Submissions accepted and not yet sequenced")
        .register(registry);
    Gauge.builder("markproof.sequencer.oldest.pending.age", this, SequencerService::oldestAge)
        .baseUnit("seconds")
        .description("Age of the oldest submission not yet sequenced, 0 when none")
        .register(registry);
  }

  private double checkpoint(java.util.function.ToLongFunction<SignedCheckpoint> value) {
    return index.snapshot().checkpoint().map(c -> (double) value.applyAsLong(c)).orElse(Double.NaN);
  }

  private double oldestAge() {
    Instant oldest = backlog.oldest();
    return oldest == null
        ? 0
        : Math.max(0, Duration.between(oldest, clock.instant()).toMillis() / 1000.0);
  }
}
