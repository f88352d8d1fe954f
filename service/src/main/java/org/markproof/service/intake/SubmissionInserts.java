package org.markproof.service.intake;

import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Group commit for new submissions: the rows of concurrent submissions are written together, in one
 * round trip and one commit (one {@code INSERT … SELECT FROM unnest(…) ON CONFLICT DO NOTHING} over
 * the rows' column arrays), and each submitter is answered only once its row is durable. While one
 * batch commits, the next one gathers; under load a commit carries hundreds of rows, when idle a
 * row goes alone at once.
 *
 * <p>A row that would break a unique key (the same {@code Idempotency-Key} from the same submitter,
 * a natural key another submission holds, in the table or earlier in the same batch) is not written
 * and answers {@code false}: the caller looks up the first submission. Should a batch fail for
 * another reason, each of its rows is tried on its own, so that one bad row fails alone.
 */
final class SubmissionInserts {
  private static final Logger LOG = Logger.getLogger(SubmissionInserts.class);

  /** Most rows in one commit. */
  static final int MAX_BATCH = 512;

  /**
   * One statement for the batch, over column arrays in the batch's order ({@code WITH ORDINALITY}):
   * of two rows with one unique key the earlier is written. {@code RETURNING id} names those
   * written.
   */
  private static final String INSERT =
      "INSERT INTO submission (id, idempotency_key, natural_key, kind, submitter, entry,"
          + " leaf_hash, status, created_at, result)"
          + " SELECT r.id, r.idempotency_key, r.natural_key, r.kind, r.submitter, r.entry,"
          + " r.leaf_hash, 'pending', r.created_at, jsonb_build_object('receipt', r.receipt)"
          + " FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[],"
          + " $6::bytea[], $7::bytea[], $8::timestamptz[], $9::text[]) WITH ORDINALITY"
          + " AS r(id, idempotency_key, natural_key, kind, submitter, entry, leaf_hash,"
          + " created_at, receipt, position)"
          + " ORDER BY r.position"
          + " ON CONFLICT DO NOTHING RETURNING id";

  private final Pool pool;
  private final ConcurrentLinkedQueue<Waiting> queue = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean writing = new AtomicBoolean();

  SubmissionInserts(Pool pool) {
    this.pool = pool;
  }

  /** A new pending submission. */
  record NewRow(
      UUID id,
      String idempotencyKey,
      String naturalKey,
      String kind,
      String submitter,
      byte[] entry,
      byte[] leafHash,
      Instant acceptedAt,
      String receipt) {}

  private record Waiting(NewRow row, CompletableFuture<Boolean> written) {}

  /**
   * Writes {@code row} durably with whatever else waits.
   *
   * @return {@code true} once committed; {@code false} if a unique key kept it out
   */
  Uni<Boolean> insert(NewRow row) {
    CompletableFuture<Boolean> written = new CompletableFuture<>();
    queue.add(new Waiting(row, written));
    drain();
    return Uni.createFrom().completionStage(written);
  }

  private void drain() {
    while (!queue.isEmpty() && writing.compareAndSet(false, true)) {
      List<Waiting> batch = new ArrayList<>();
      Waiting next;
      while (batch.size() < MAX_BATCH && (next = queue.poll()) != null) {
        batch.add(next);
      }
      if (batch.isEmpty()) {
        writing.set(false);
        continue;
      }
      write(batch)
          .subscribe()
          .with(
              ignored -> {
                writing.set(false);
                drain();
              },
              failure -> {
                // write() settles every row itself; this is a bug's last resort.
                LOG.error("Submission batch ended abnormally", failure);
                batch.forEach(w -> w.written().completeExceptionally(failure));
                writing.set(false);
                drain();
              });
      return;
    }
  }

  private Uni<Void> write(List<Waiting> batch) {
    int n = batch.size();
    UUID[] ids = new UUID[n];
    String[] idempotencyKeys = new String[n];
    String[] naturalKeys = new String[n];
    String[] kinds = new String[n];
    String[] submitters = new String[n];
    Buffer[] entries = new Buffer[n];
    Buffer[] leafHashes = new Buffer[n];
    OffsetDateTime[] acceptedAt = new OffsetDateTime[n];
    String[] receipts = new String[n];
    for (int i = 0; i < n; i++) {
      NewRow row = batch.get(i).row();
      ids[i] = row.id();
      idempotencyKeys[i] = row.idempotencyKey();
      naturalKeys[i] = row.naturalKey();
      kinds[i] = row.kind();
      submitters[i] = row.submitter();
      entries[i] = Buffer.buffer(row.entry());
      leafHashes[i] = Buffer.buffer(row.leafHash());
      acceptedAt[i] = row.acceptedAt().atOffset(ZoneOffset.UTC);
      receipts[i] = row.receipt();
    }
    Tuple columns =
        Tuple.tuple()
            .addValue(ids)
            .addValue(idempotencyKeys)
            .addValue(naturalKeys)
            .addValue(kinds)
            .addValue(submitters)
            .addValue(entries)
            .addValue(leafHashes)
            .addValue(acceptedAt)
            .addValue(receipts);
    return pool.preparedQuery(INSERT)
        .execute(columns)
        .map(
            rows -> {
              Set<UUID> written = new HashSet<>();
              for (Row row : rows) {
                written.add(row.getUUID(0));
              }
              for (Waiting w : batch) {
                w.written().complete(written.contains(w.row().id()));
              }
              return (Void) null;
            })
        .onFailure()
        .recoverWithUni(failure -> batch.size() == 1 ? fail(batch, failure) : oneByOne(batch));
  }

  private static Uni<Void> fail(List<Waiting> batch, Throwable failure) {
    batch.forEach(w -> w.written().completeExceptionally(failure));
    return Uni.createFrom().voidItem();
  }

  private Uni<Void> oneByOne(List<Waiting> batch) {
    Uni<Void> chain = Uni.createFrom().voidItem();
    for (Waiting w : batch) {
      chain = chain.chain(() -> write(List.of(w)));
    }
    return chain;
  }
}
