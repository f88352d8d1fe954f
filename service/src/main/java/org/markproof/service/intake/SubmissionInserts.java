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
import org.markproof.service.store.GroupedWrites;

/**
 * Group commit for new submissions ({@link GroupedWrites}): the rows of concurrent submissions are
 * written together, in one round trip and one commit (one {@code INSERT … SELECT FROM unnest(…) ON
 * CONFLICT DO NOTHING} over the rows' column arrays), and each submitter is answered only once its
 * row is durable. Under load a commit carries hundreds of rows, when idle a row goes alone at once.
 *
 * <p>A row that would break a unique key (the same {@code Idempotency-Key} from the same submitter,
 * a natural key another submission holds, in the table or earlier in the same batch) is not written
 * and answers {@code false}: the caller looks up the first submission. Should a batch fail for
 * another reason, each of its rows is tried on its own, so that one bad row fails alone.
 */
final class SubmissionInserts {
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
  private final GroupedWrites<NewRow, Boolean> writes;

  SubmissionInserts(Pool pool) {
    this.pool = pool;
    this.writes = new GroupedWrites<>("submissions", MAX_BATCH, this::write);
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

  /**
   * Writes {@code row} durably with whatever else waits.
   *
   * @return {@code true} once committed; {@code false} if a unique key kept it out
   */
  Uni<Boolean> insert(NewRow row) {
    return writes.write(row);
  }

  private Uni<List<Boolean>> write(List<NewRow> batch) {
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
      NewRow row = batch.get(i);
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
              List<Boolean> results = new ArrayList<>(n);
              for (NewRow row : batch) {
                results.add(written.contains(row.id()));
              }
              return results;
            });
  }
}
