package org.markproof.service.scan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;
import org.markproof.contracts.verdict.VerdictCode;
import org.markproof.contracts.verdict.VerdictParts;

/**
 * Writes scans to PostgreSQL in batches after their verdicts are answered — the verdict path's only
 * database work. A scan is queued, kept in memory with its document until it is written (so that a
 * retry with its id, or a read of it, is answered from memory meanwhile), and written with {@code
 * ON CONFLICT DO NOTHING} by a timer every {@code markproof.scan.record-interval}. Once written,
 * only its id, fingerprint and verdict stay in memory for a minute or two ({@link WrittenScans}).
 */
@ApplicationScoped
public class ScanRecorder {
  private static final Logger LOG = Logger.getLogger(ScanRecorder.class);

  /**
   * How long written scan ids are remembered at least (a retry within it is answered the stored
   * verdict).
   */
  private static final Duration KEEP_WRITTEN = Duration.ofSeconds(60);

  /**
   * Most written scan ids remembered per {@link #KEEP_WRITTEN}: 33 bytes each in flat tables, 44–88
   * with their free space.
   */
  private static final int MAX_KEPT = 1_000_000;

  /**
   * One statement per batch over column arrays. A row's {@code concerns} travel as a JSON array of
   * strings (an array of arrays would have to be rectangular), turned back into {@code text[]}
   * here.
   */
  static final String INSERT =
      "WITH evidence AS (INSERT INTO verdict_evidence (id, evidence)"
          + " SELECT e.id, convert_from(e.evidence, 'UTF8')"
          + " FROM unnest($19::bytea[], $20::bytea[]) AS e(id, evidence)"
          // In one order for every batch: two batches in flight that both write the same new
          // evidence (every scan of a batch after a new checkpoint) would otherwise each take
          // one's lock and wait for the other's, and PostgreSQL would end one as a deadlock.
          + " ORDER BY e.id"
          + " ON CONFLICT (id) DO NOTHING)"
          + " INSERT INTO scan (scan_id, submitter, post_id, lat, lon, scanned_at, received_at,"
          + " offline, code, gtin, batch, serial, verdict, concerns, fingerprint, document,"
          + " edge_document, evidence_parts)"
          + " SELECT r.scan_id, r.submitter, r.post_id, r.lat, r.lon, r.scanned_at, r.received_at,"
          + " r.offline, r.code, r.gtin, r.batch, r.serial, r.verdict,"
          + " ARRAY(SELECT jsonb_array_elements_text(r.concerns::jsonb)), r.fingerprint,"
          + " convert_from(r.document, 'UTF8'), r.edge_document, r.evidence_parts"
          + " FROM unnest($1::text[], $2::text[], $3::text[], $4::float8[], $5::float8[],"
          + " $6::timestamptz[], $7::timestamptz[], $8::boolean[], $9::text[], $10::text[],"
          + " $11::text[], $12::text[], $13::text[], $14::text[], $15::bytea[], $16::bytea[],"
          + " $17::text[], $18::bytea[]) WITH ORDINALITY AS r(scan_id, submitter, post_id, lat,"
          + " lon, scanned_at, received_at, offline, code, gtin, batch, serial, verdict, concerns,"
          + " fingerprint, document, edge_document, evidence_parts, position)"
          + " ORDER BY r.position"
          + " ON CONFLICT (scan_id) DO NOTHING RETURNING scan_id";

  /**
   * How many evidence parts' ids to remember as written. Scans against the same checkpoint share
   * its part and those of the entries they rely on alike (the product's, the mark's); one the
   * service forgot is sent again and skipped by the database.
   */
  private static final int KNOWN_EVIDENCE = 4096;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HexFormat HEX = HexFormat.of();

  @Inject Pool pool;
  @Inject Vertx vertx;
  @Inject ScanSettings settings;

  private final Queue<ScanRecord> queue = new ConcurrentLinkedQueue<>();
  private final AtomicInteger queued = new AtomicInteger();

  /** Scans queued or being written, with their documents. */
  private final Map<String, ScanRecord> recent = new ConcurrentHashMap<>();

  /** Scans written in the last {@link #KEEP_WRITTEN} at least, without their documents. */
  private final WrittenScans written = new WrittenScans(KEEP_WRITTEN.toNanos(), MAX_KEPT);

  /** Ids (hex) of evidence known to be in {@code verdict_evidence}, least recently used first. */
  private final Map<String, Boolean> knownEvidence =
      new LinkedHashMap<>(KNOWN_EVIDENCE, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
          return size() > KNOWN_EVIDENCE;
        }
      };

  /** Batches being written; up to {@link #MAX_IN_FLIGHT} at once (scans have no order to keep). */
  private final AtomicInteger inFlight = new AtomicInteger();

  /**
   * Most batches written at once. With one, every slow commit held all later scans back: under the
   * scan benchmark the backlog reached its limit (and new scans got 503) with no write failing.
   */
  private static final int MAX_IN_FLIGHT = 4;

  private final AtomicInteger failures = new AtomicInteger();

  /** About a minute of retries at the default interval, then the batch is given up (and logged). */
  private static final int MAX_ATTEMPTS = 3000;

  private volatile long timer = -1;

  void start(@Observes StartupEvent event) {
    timer = vertx.setPeriodic(Math.max(1, settings.recordInterval().toMillis()), id -> flush());
  }

  void stop(@Observes ShutdownEvent event) {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
    }
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while ((queued.get() > 0 || inFlight.get() > 0) && System.nanoTime() < deadline) {
      flush();
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** The scan of {@code scanId} still in memory (queued, or being written), if any. */
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

  /**
   * The scan of {@code scanId} if this service wrote it lately: enough to tell a retry of it from
   * another scan reusing its id without reading the table, and what it was judged. Its verdict
   * document is in the table.
   */
  Optional<WrittenScans.Written> written(String scanId) {
    return written.get(scanId);
  }

  /** Scans queued and not yet written. */
  int backlog() {
    return queued.get();
  }

  private void flush() {
    int writing;
    do {
      writing = inFlight.get();
      if (queued.get() == 0 || writing >= MAX_IN_FLIGHT) {
        return;
      }
    } while (!inFlight.compareAndSet(writing, writing + 1));
    List<ScanRecord> batch = new ArrayList<>();
    ScanRecord next;
    while (batch.size() < settings.recordBatchSize() && (next = queue.poll()) != null) {
      batch.add(next);
    }
    if (batch.isEmpty()) {
      inFlight.decrementAndGet();
      return;
    }
    queued.addAndGet(-batch.size());
    Rows rows = columns(batch);
    pool.preparedQuery(INSERT)
        .execute(rows.tuple())
        .subscribe()
        .with(
            result -> {
              Set<String> inserted = new HashSet<>();
              for (Row row : result) {
                inserted.add(row.getString(0));
              }
              failures.set(0);
              synchronized (knownEvidence) {
                rows.newEvidence().forEach(id -> knownEvidence.put(id, Boolean.TRUE));
              }
              // Only ids and fingerprints stay in memory once the table holds the verdicts:
              // keeping the ~2-7 kB documents for seconds made every young collection copy them.
              for (ScanRecord r : batch) {
                if (inserted.contains(r.scanId())) {
                  written.add(r.scanId(), r.fingerprint(), VerdictCode.valueOf(r.verdict()));
                }
                recent.remove(r.scanId(), r);
              }
              for (ScanRecord r : batch) {
                r.durable().complete(inserted.contains(r.scanId()));
              }
              done();
            },
            failure -> {
              // Whatever failed, send every batch's evidence again rather than trust memory.
              synchronized (knownEvidence) {
                knownEvidence.clear();
              }
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

  /** A batch's parameters, and the ids (hex) of the evidence it writes that was not known. */
  private record Rows(Tuple tuple, List<String> newEvidence) {}

  /**
   * The batch as the column arrays of {@link #INSERT}, in the batch's order: each document without
   * its evidence, whose parts ({@link StoredEvidence}) go to {@code verdict_evidence} unless known
   * to be there already.
   */
  private Rows columns(List<ScanRecord> batch) {
    int n = batch.size();
    String[] scanIds = new String[n];
    String[] submitters = new String[n];
    String[] posts = new String[n];
    Double[] lats = new Double[n];
    Double[] lons = new Double[n];
    OffsetDateTime[] scannedAt = new OffsetDateTime[n];
    OffsetDateTime[] receivedAt = new OffsetDateTime[n];
    Boolean[] offline = new Boolean[n];
    String[] codes = new String[n];
    String[] gtins = new String[n];
    String[] batches = new String[n];
    String[] serials = new String[n];
    String[] verdicts = new String[n];
    String[] concerns = new String[n];
    Buffer[] fingerprints = new Buffer[n];
    Buffer[] documents = new Buffer[n];
    String[] edgeDocuments = new String[n];
    Buffer[] evidenceParts = new Buffer[n];
    // Sorted (hex of equal length sorts as the bytes do), as the statement inserts them.
    Map<String, byte[]> newEvidence = new TreeMap<>();
    for (int i = 0; i < n; i++) {
      ScanRecord r = batch.get(i);
      scanIds[i] = r.scanId();
      submitters[i] = r.submitter();
      posts[i] = r.postId();
      lats[i] = r.lat();
      lons[i] = r.lon();
      scannedAt[i] = r.scannedAt().atOffset(ZoneOffset.UTC);
      receivedAt[i] = r.receivedAt().atOffset(ZoneOffset.UTC);
      offline[i] = r.offline();
      codes[i] = r.code();
      gtins[i] = r.gtin().orElse(null);
      batches[i] = r.batch().orElse(null);
      serials[i] = r.serial().orElse(null);
      verdicts[i] = r.verdict();
      try {
        concerns[i] = JSON.writeValueAsString(r.concerns());
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("participant ids always serialise", e);
      }
      fingerprints[i] = Buffer.buffer(r.fingerprint());
      edgeDocuments[i] = r.edgeDocument().orElse(null);
      Optional<VerdictParts> parts = VerdictParts.split(r.signed());
      EvidenceCache.Evidence evidence = r.evidence();
      if (parts.isEmpty() || !Arrays.equals(parts.get().evidence(), evidence.canonical())) {
        documents[i] = Buffer.buffer(r.signed().text());
        continue;
      }
      documents[i] = Buffer.buffer(parts.get().rest());
      byte[] ids = evidence.partIds();
      evidenceParts[i] = Buffer.buffer(ids);
      for (int p = 0; p < evidence.parts().size(); p++) {
        String hex =
            HEX.formatHex(ids, p * StoredEvidence.ID_LENGTH, (p + 1) * StoredEvidence.ID_LENGTH);
        boolean known;
        synchronized (knownEvidence) {
          known = knownEvidence.get(hex) != null;
        }
        if (!known) {
          newEvidence.putIfAbsent(hex, evidence.parts().get(p));
        }
      }
    }
    Buffer[] newIds = new Buffer[newEvidence.size()];
    Buffer[] newTexts = new Buffer[newEvidence.size()];
    int k = 0;
    for (Map.Entry<String, byte[]> e : newEvidence.entrySet()) {
      newIds[k] = Buffer.buffer(HEX.parseHex(e.getKey()));
      newTexts[k++] = Buffer.buffer(e.getValue());
    }
    Tuple tuple =
        Tuple.tuple()
            .addValue(scanIds)
            .addValue(submitters)
            .addValue(posts)
            .addValue(lats)
            .addValue(lons)
            .addValue(scannedAt)
            .addValue(receivedAt)
            .addValue(offline)
            .addValue(codes)
            .addValue(gtins)
            .addValue(batches)
            .addValue(serials)
            .addValue(verdicts)
            .addValue(concerns)
            .addValue(fingerprints)
            .addValue(documents)
            .addValue(edgeDocuments)
            .addValue(evidenceParts)
            .addValue(newIds)
            .addValue(newTexts);
    return new Rows(tuple, List.copyOf(newEvidence.keySet()));
  }

  private void done() {
    inFlight.decrementAndGet();
    if (queued.get() >= settings.recordBatchSize()) {
      vertx.runOnContext(this::flush);
    }
  }
}
