package org.markproof.service.scan;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.markproof.contracts.label.Gs1Fields;
import org.markproof.contracts.label.ScannedCode;
import org.markproof.contracts.problem.ProblemCode;
import org.markproof.contracts.verdict.ScanFacts;
import org.markproof.contracts.verdict.Sighting;
import org.markproof.service.log.index.LedgerView;
import org.markproof.service.submission.SubmissionProblem;

/**
 * Records the scans an offline post uploads (docs/edge.md "Uploads"): each judged again by {@link
 * Scanner} exactly as an online scan, recorded with {@code offline = true}, its clone check also
 * against the stored sightings around its scan time, and answered once its record is durable.
 *
 * <p>Idempotent by scan id: a scan already stored with the same fields (post, id, code, position,
 * time) is a {@code duplicate} and is neither judged nor recorded again; with other fields it is a
 * {@code conflict}. The fields are fingerprinted for the post, not the officer, so that any officer
 * of the post may upload the post's queue again.
 */
@ApplicationScoped
class EdgeUploads {
  /** How long an upload waits for its records to be written before answering 503. */
  static final Duration MAX_WAIT = Duration.ofSeconds(30);

  private final Scanner scanner;
  private final RecordedSightings recordedSightings;
  private final Pool pool;
  private final LedgerView ledger;
  private final ScanRecorder recorder;

  EdgeUploads(
      Scanner scanner,
      RecordedSightings recordedSightings,
      Pool pool,
      LedgerView ledger,
      ScanRecorder recorder) {
    this.scanner = scanner;
    this.recorder = recorder;
    this.recordedSightings = recordedSightings;
    this.pool = pool;
    this.ledger = ledger;
  }

  /** A scan as stored: what tells a retry from a reuse, and the verdict it got. */
  private record Stored(byte[] fingerprint, String verdict) {}

  /** A scan judged now whose record is still to be written. */
  private record Pending(int position, ScanRecord record) {}

  /**
   * Judges and records every valid scan of {@code upload}; the answer lists one result per scan, in
   * order.
   *
   * @throws SubmissionProblem 503 before the log's first checkpoint, or when the records are not
   *     written within {@link #MAX_WAIT}
   */
  Uni<List<EdgeScanResult>> upload(String submitter, EdgeScanRequests.Upload upload) {
    if (ledger.snapshot().checkpoint().isEmpty()) {
      throw new SubmissionProblem(
          ProblemCode.SERVICE_UNAVAILABLE,
          "the log has no signed checkpoint yet; verdicts cannot carry evidence",
          List.of(),
          "retry after the sequencer's first checkpoint interval");
    }
    String post = "post:" + upload.postId();
    List<EdgeScanRequests.Item> items = upload.items();
    List<String> ids = new ArrayList<>();
    Map<String, RecordedSightings.Around> serials = new LinkedHashMap<>();
    ScannedCode[] codes = new ScannedCode[items.size()];
    for (int i = 0; i < items.size(); i++) {
      if (items.get(i) instanceof EdgeScanRequests.Valid valid) {
        ScanFacts facts = valid.facts();
        ids.add(facts.scanId());
        codes[i] = ScannedCode.parse(facts.code());
        codes[i].fields().ifPresent(f -> span(serials, f, facts.scannedAt()));
      }
    }
    return Uni.combine()
        .all()
        .unis(stored(ids), recordedSightings.around(List.copyOf(serials.values()), horizon()))
        .asTuple()
        .emitOn(Infrastructure.getDefaultWorkerPool())
        .flatMap(
            found -> {
              EdgeScanResult[] results = new EdgeScanResult[items.size()];
              List<Pending> pending = new ArrayList<>();
              for (int i = 0; i < items.size(); i++) {
                results[i] =
                    judge(
                        items.get(i),
                        codes[i],
                        submitter,
                        post,
                        found.getItem1(),
                        found.getItem2(),
                        i,
                        pending);
              }
              return durable(pending, results);
            });
  }

  private Duration horizon() {
    return scanner.cloneHorizon();
  }

  private static void span(
      Map<String, RecordedSightings.Around> serials, Gs1Fields fields, Instant at) {
    if (fields.batch().isEmpty() || fields.serial().isEmpty()) {
      return;
    }
    String gtin = fields.gtin().digits();
    String batch = fields.batch().get();
    String serial = fields.serial().get();
    serials.merge(
        SightingBook.key(gtin, batch, serial),
        new RecordedSightings.Around(gtin, batch, serial, at, at),
        (a, b) ->
            new RecordedSightings.Around(
                gtin,
                batch,
                serial,
                a.first().isBefore(b.first()) ? a.first() : b.first(),
                a.last().isAfter(b.last()) ? a.last() : b.last()));
  }

  /** The result of one item now, or null with the item added to {@code pending}. */
  private EdgeScanResult judge(
      EdgeScanRequests.Item item,
      ScannedCode code,
      String submitter,
      String post,
      Map<String, Stored> stored,
      Map<String, List<Sighting>> recorded,
      int position,
      List<Pending> pending) {
    if (item instanceof EdgeScanRequests.Invalid invalid) {
      return EdgeScanResult.invalid(invalid.scanId().orElse(null), invalid.detail());
    }
    EdgeScanRequests.Valid valid = (EdgeScanRequests.Valid) item;
    ScanFacts facts = valid.facts();
    byte[] fingerprint = Scanner.fingerprint(facts, post);
    Stored earlier = stored.get(facts.scanId());
    if (earlier != null) {
      return Arrays.equals(earlier.fingerprint(), fingerprint)
          ? EdgeScanResult.duplicate(facts.scanId(), earlier.verdict())
          : EdgeScanResult.conflict(facts.scanId());
    }
    Optional<WrittenScans.Written> written = recorder.written(facts.scanId());
    if (written.isPresent()) {
      return written.get().sameFingerprint(fingerprint)
          ? EdgeScanResult.duplicate(facts.scanId(), written.get().verdict().name())
          : EdgeScanResult.conflict(facts.scanId());
    }
    List<Sighting> around =
        code.fields()
            .filter(f -> f.batch().isPresent() && f.serial().isPresent())
            .map(
                f ->
                    recorded.getOrDefault(
                        SightingBook.key(f.gtin().digits(), f.batch().get(), f.serial().get()),
                        List.of()))
            .orElse(List.of());
    Scanner.Scanned scanned =
        scanner.scanUploaded(facts, code, submitter, fingerprint, valid.edgeDocument(), around);
    ScanRecord record = scanned.record();
    if (scanned.replayed()) {
      return Arrays.equals(record.fingerprint(), fingerprint)
          ? EdgeScanResult.duplicate(facts.scanId(), record.verdict())
          : EdgeScanResult.conflict(facts.scanId());
    }
    pending.add(new Pending(position, record));
    return null;
  }

  /**
   * Waits until every pending record is written, then completes their results. A record not
   * inserted met a row of its id written meanwhile (another replica, a concurrent upload): it is a
   * duplicate or a conflict as that row says.
   */
  private Uni<List<EdgeScanResult>> durable(List<Pending> pending, EdgeScanResult[] results) {
    if (pending.isEmpty()) {
      return Uni.createFrom().item(List.of(results));
    }
    List<Uni<Boolean>> writes = new ArrayList<>(pending.size());
    for (Pending p : pending) {
      writes.add(Uni.createFrom().completionStage(p.record().durable()));
    }
    return Uni.join()
        .all(writes)
        .andFailFast()
        .ifNoItem()
        .after(MAX_WAIT)
        .failWith(
            () ->
                new SubmissionProblem(
                    ProblemCode.SERVICE_UNAVAILABLE,
                    "the scans are judged but not yet written; upload them again (scans recorded"
                        + " meanwhile are answered duplicate)"))
        .flatMap(
            inserted -> {
              List<String> raced = new ArrayList<>();
              for (int i = 0; i < pending.size(); i++) {
                ScanRecord record = pending.get(i).record();
                if (inserted.get(i)) {
                  results[pending.get(i).position()] =
                      EdgeScanResult.recorded(record.scanId(), record.verdict());
                } else {
                  raced.add(record.scanId());
                }
              }
              if (raced.isEmpty()) {
                return Uni.createFrom().item(List.of(results));
              }
              return stored(raced)
                  .map(
                      rows -> {
                        for (Pending p : pending) {
                          Stored row = rows.get(p.record().scanId());
                          if (results[p.position()] == null) {
                            results[p.position()] =
                                row != null
                                        && Arrays.equals(
                                            row.fingerprint(), p.record().fingerprint())
                                    ? EdgeScanResult.duplicate(p.record().scanId(), row.verdict())
                                    : EdgeScanResult.conflict(p.record().scanId());
                          }
                        }
                        return List.of(results);
                      });
            });
  }

  private Uni<Map<String, Stored>> stored(List<String> ids) {
    if (ids.isEmpty()) {
      return Uni.createFrom().item(Map.of());
    }
    return pool.preparedQuery(
            "SELECT scan_id, fingerprint, verdict FROM scan WHERE scan_id = ANY ($1)")
        .execute(Tuple.tuple().addArrayOfString(ids.toArray(new String[0])))
        .map(
            rows -> {
              Map<String, Stored> out = new HashMap<>();
              for (Row row : rows) {
                out.put(
                    row.getString(0), new Stored(row.getBuffer(1).getBytes(), row.getString(2)));
              }
              return out;
            });
  }
}
