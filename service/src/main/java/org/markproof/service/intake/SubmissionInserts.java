package org.markproof.service.intake;

import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Group commit for new submissions: the rows of concurrent submissions are written together, in one
 * round trip and one commit (a pipelined batch of {@code INSERT … ON CONFLICT DO NOTHING} ending in
 * a single Sync, which PostgreSQL runs as one implicit transaction), and each submitter is answered
 * only once its row is durable. While one batch commits, the next one gathers; under load a commit
 * carries hundreds of rows, when idle a row goes alone at once.
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

  private static final String INSERT =
      "INSERT INTO submission (id, idempotency_key, natural_key, kind, submitter, entry,"
          + " leaf_hash, status, created_at, result)"
          + " VALUES ($1, $2, $3, $4, $5, $6, $7, 'pending', $8, $9)"
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
      String receipt) {
    Tuple tuple() {
      return Tuple.tuple()
          .addValue(id)
          .addValue(idempotencyKey)
          .addValue(naturalKey)
          .addValue(kind)
          .addValue(submitter)
          .addValue(Buffer.buffer(entry))
          .addValue(Buffer.buffer(leafHash))
          .addValue(acceptedAt.atOffset(ZoneOffset.UTC))
          .addValue(new JsonObject().put("receipt", receipt));
    }
  }

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
    List<Tuple> tuples = new ArrayList<>(batch.size());
    batch.forEach(w -> tuples.add(w.row().tuple()));
    return pool.preparedQuery(INSERT)
        .executeBatch(tuples)
        .map(
            rows -> {
              RowSet<io.vertx.mutiny.sqlclient.Row> result = rows;
              for (Waiting w : batch) {
                w.written().complete(result != null && result.rowCount() == 1);
                result = result == null ? null : result.next();
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
