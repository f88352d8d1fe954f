package org.markproof.service.intake;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.markproof.contracts.rules.Violation;
import org.markproof.contracts.rules.ViolationCode;

/**
 * The intake's side of the {@code submission} table (V1__log.sql, V2__submission_natural_key.sql):
 * plain SQL on the reactive pool, the hot path of every write.
 */
final class SubmissionRows {
  private static final String COLUMNS =
      "id, entry, leaf_hash, created_at, status, log_index, result, submitter, idempotency_key";

  private final Pool pool;

  SubmissionRows(Pool pool) {
    this.pool = pool;
  }

  /** A stored submission. {@code violations} is empty unless it was rejected. */
  record Row(
      UUID id,
      byte[] entry,
      byte[] leafHash,
      Instant acceptedAt,
      String status,
      Long logIndex,
      String receipt,
      List<Violation> violations,
      String submitter,
      String idempotencyKey) {}

  Uni<Row> byId(UUID id) {
    return one("WHERE id = $1", Tuple.of(id));
  }

  Uni<Row> byIdempotencyKey(String submitter, String key) {
    return one("WHERE submitter = $1 AND idempotency_key = $2", Tuple.of(submitter, key));
  }

  /** The submission holding {@code naturalKey} that was not rejected, if any. */
  Uni<Row> byNaturalKey(String naturalKey) {
    return one("WHERE natural_key = $1 AND status <> 'rejected'", Tuple.of(naturalKey));
  }

  /** The signed entries of pending submissions, oldest first. */
  Uni<List<byte[]>> pendingEntries(int limit) {
    return pool.preparedQuery(
            "SELECT entry FROM submission WHERE status = 'pending' AND leaf_hash IS NOT NULL"
                + " ORDER BY created_at, id"
                + " LIMIT $1")
        .execute(Tuple.of(limit))
        .map(
            rows -> {
              List<byte[]> out = new ArrayList<>();
              rows.forEach(r -> out.add(r.getBuffer(0).getBytes()));
              return out;
            });
  }

  private Uni<Row> one(String where, Tuple arguments) {
    return pool.preparedQuery("SELECT " + COLUMNS + " FROM submission " + where)
        .execute(arguments)
        .map(SubmissionRows::first);
  }

  private static Row first(RowSet<io.vertx.mutiny.sqlclient.Row> rows) {
    var it = rows.iterator();
    if (!it.hasNext()) {
      return null;
    }
    io.vertx.mutiny.sqlclient.Row r = it.next();
    JsonObject result = r.getJsonObject("result");
    List<Violation> violations = new ArrayList<>();
    String receipt = null;
    if (result != null) {
      receipt = result.getString("receipt");
      JsonArray array = result.getJsonArray("violations");
      if (array != null) {
        for (int i = 0; i < array.size(); i++) {
          JsonObject v = array.getJsonObject(i);
          violations.add(
              new Violation(
                  ViolationCode.valueOf(v.getString("code")),
                  v.getString("path"),
                  v.getString("message")));
        }
      }
    }
    return new Row(
        r.getUUID("id"),
        r.getBuffer("entry").getBytes(),
        r.getBuffer("leaf_hash").getBytes(),
        r.getOffsetDateTime("created_at").toInstant(),
        r.getString("status"),
        r.getLong("log_index"),
        receipt,
        violations,
        r.getString("submitter"),
        r.getString("idempotency_key"));
  }
}
