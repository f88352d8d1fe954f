package org.markproof.service.scan;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Writes scans to PostgreSQL in batches after their verdicts are answered — the verdict path's only
 * database work. A scan is queued, kept in memory until a few seconds after it is written (so that
 * a retry with its id, or a read of it, is answered from memory meanwhile), and written with {@code
 * ON CONFLICT DO NOTHING} by a timer every {@code markproof.scan.record-interval}.
 */
@ApplicationScoped
public class ScanRecorder {
  private static final Logger LOG = Logger.getLogger(ScanRecorder.class);
  private static final Duration KEEP_WRITTEN = Duration.ofSeconds(5);
  private static final int MAX_KEPT = 20_000;

  private static final String INSERT =
      "INSERT INTO scan (scan_id, submitter, post_id, lat, lon, scanned_at, received_at, offline,"
          + " code, gtin, batch, serial, verdict, concerns, fingerprint, document, edge_document)"
          + " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)"
          + " ON CONFLICT (scan_id) DO NOTHING RETURNING scan_id";

  @Inject Pool pool;
  @Inject Vertx vertx;
  @Inject ScanSettings settings;

  private final Queue<ScanRecord> queue = new ConcurrentLinkedQueue<>();
  private final AtomicInteger queued = new AtomicInteger();
  private final Map<String, ScanRecord> recent = new ConcurrentHashMap<>();
  private final AtomicBoolean flushing = new AtomicBoolean();
  private final AtomicInteger failures = new AtomicInteger();

  /** About a minute of retries at the default interval, then the batch is given up (and logged). */
  private static final int MAX_ATTEMPTS = 3000;

  private volatile long timer = -1;
  private volatile long lastSweep = System.nanoTime();

  void start(@Observes StartupEvent event) {
    timer = vertx.setPeriodic(Math.max(1, settings.recordInterval().toMillis()), id -> flush());
  }

  void stop(@Observes ShutdownEvent event) {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
    }
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while ((queued.get() > 0 || flushing.get()) && System.nanoTime() < deadline) {
      flush();
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** The scan of {@code scanId} still in memory (queued, or written recently), if any. */
  Optional<ScanRecord> recent(String scanId) {
    return Optional.ofNullable(recent.get(scanId));
  }

  /**
   * Queues {@code record}, unless a scan of its id is in memory already: then that one is returned
   * and nothing is queued.
   */
  Optional<ScanRecord> record(ScanRecord record) {
    ScanRecord earlier = recent.putIfAbsent(record.scanId(), record);
    if (earlier != null) {
      return Optional.of(earlier);
    }
    queue.add(record);
    if (queued.incrementAndGet() >= settings.recordBatchSize()) {
      vertx.runOnContext(this::flush);
    }
    return Optional.empty();
  }

  /** Scans queued and not yet written. */
  int backlog() {
    return queued.get();
  }

  private void flush() {
    if (queued.get() == 0 || !flushing.compareAndSet(false, true)) {
      return;
    }
    List<ScanRecord> batch = new ArrayList<>();
    ScanRecord next;
    while (batch.size() < settings.recordBatchSize() && (next = queue.poll()) != null) {
      batch.add(next);
    }
    queued.addAndGet(-batch.size());
    List<Tuple> rows = new ArrayList<>(batch.size());
    for (ScanRecord r : batch) {
      rows.add(
          Tuple.tuple()
              .addString(r.scanId())
              .addString(r.submitter())
              .addString(r.postId())
              .addDouble(r.lat())
              .addDouble(r.lon())
              .addOffsetDateTime(r.scannedAt().atOffset(ZoneOffset.UTC))
              .addOffsetDateTime(r.receivedAt().atOffset(ZoneOffset.UTC))
              .addBoolean(r.offline())
              .addString(r.code())
              .addString(r.gtin().orElse(null))
              .addString(r.batch().orElse(null))
              .addString(r.serial().orElse(null))
              .addString(r.verdict())
              .addArrayOfString(r.concerns().toArray(new String[0]))
              .addBuffer(io.vertx.mutiny.core.buffer.Buffer.buffer(r.fingerprint()))
              .addString(r.document())
              .addString(r.edgeDocument().orElse(null)));
    }
    pool.preparedQuery(INSERT)
        .executeBatch(rows)
        .subscribe()
        .with(
            result -> {
              Set<String> inserted = new HashSet<>();
              for (var rs = result; rs != null; rs = rs.next()) {
                for (Row row : rs) {
                  inserted.add(row.getString(0));
                }
              }
              failures.set(0);
              for (ScanRecord r : batch) {
                r.durable().complete(inserted.contains(r.scanId()));
              }
              done();
            },
            failure -> {
              int attempt = failures.incrementAndGet();
              if (attempt >= MAX_ATTEMPTS) {
                LOG.errorf(
                    failure,
                    "Cannot record %d scans after %d attempts; dropping them",
                    batch.size(),
                    attempt);
                failures.set(0);
                batch.forEach(r -> r.durable().completeExceptionally(failure));
                batch.forEach(r -> recent.remove(r.scanId(), r));
              } else {
                LOG.warnf(
                    "Cannot record %d scans (attempt %d); retrying: %s",
                    batch.size(), attempt, failure.getMessage());
                queue.addAll(batch);
                queued.addAndGet(batch.size());
              }
              done();
            });
  }

  private void done() {
    flushing.set(false);
    forgetWritten();
    if (queued.get() >= settings.recordBatchSize()) {
      vertx.runOnContext(this::flush);
    }
  }

  private void forgetWritten() {
    long now = System.nanoTime();
    if (recent.size() < 1024 || (now - lastSweep < 1_000_000_000L && recent.size() < MAX_KEPT)) {
      return;
    }
    lastSweep = now;
    Instant before = Instant.now().minus(KEEP_WRITTEN);
    boolean over = recent.size() > MAX_KEPT;
    recent
        .values()
        .removeIf(
            r ->
                r.durable().isDone()
                    && !r.durable().isCompletedExceptionally()
                    && (over || r.receivedAt().isBefore(before)));
  }
}
