package org.markproof.service.log.sequencer;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.markproof.contracts.rules.Violation;

/**
 * The sequencer's side of the {@code submission} table (V1__log.sql): the queue of accepted
 * submissions in acceptance order, and their outcome once sequenced. Plain SQL on the reactive
 * pool; every call blocks the sequencer's own thread, never an event loop.
 */
final class PendingQueue {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final Pool pool;

  PendingQueue(Pool pool) {
    this.pool = pool;
  }

  /** An accepted submission: its signed entry and the leaf promised for it (null if none). */
  record Pending(UUID id, byte[] entry, byte[] leafHash, Instant acceptedAt) {}

  /** How far behind the queue is. */
  record Backlog(long count, Instant oldest) {}

  /**
   * The oldest {@code limit} pending submissions accepted before {@code cutoff}, in acceptance
   * order. Rows without a promised leaf hash were not written by the intake and are left alone.
   */
  List<Pending> next(int limit, Instant cutoff) {
    List<Pending> out = new ArrayList<>();
    for (Row row :
        pool.preparedQuery(
                "SELECT id, entry, leaf_hash, created_at FROM submission WHERE status = 'pending'"
                    + " AND leaf_hash IS NOT NULL AND created_at <= $2"
                    + " ORDER BY created_at, id LIMIT $1")
            .execute(Tuple.of(limit, cutoff.atOffset(java.time.ZoneOffset.UTC)))
            .await()
            .atMost(TIMEOUT)) {
      out.add(
          new Pending(
              row.getUUID("id"),
              row.getBuffer("entry").getBytes(),
              row.getBuffer("leaf_hash") == null ? null : row.getBuffer("leaf_hash").getBytes(),
              row.getOffsetDateTime("created_at").toInstant()));
    }
    return out;
  }

  /**
   * The log indices of those of {@code leafHashes} already in the log, by hex leaf hash: a leaf
   * appended by a sequencer that stopped before it recorded the outcome.
   */
  Map<String, Long> indicesInLog(List<byte[]> leafHashes) {
    Map<String, Long> found = new HashMap<>();
    if (leafHashes.isEmpty()) {
      return found;
    }
    Buffer[] hashes = leafHashes.stream().map(Buffer::buffer).toArray(Buffer[]::new);
    for (Row row :
        pool.preparedQuery("SELECT index, leaf_hash FROM log_entry WHERE leaf_hash = ANY($1)")
            .execute(Tuple.of(hashes))
            .await()
            .atMost(TIMEOUT)) {
      found.putIfAbsent(
          HexFormat.of().formatHex(row.getBuffer("leaf_hash").getBytes()), row.getLong("index"));
    }
    return found;
  }

  /**
   * Records the outcomes of one batch in one transaction: sequenced at an index, rejected with rule
   * violations, or refused as unusable rows (with the reason as {@code result.error}).
   */
  void settle(
      Map<UUID, Long> sequenced, Map<UUID, List<Violation>> rejected, Map<UUID, String> unusable) {
    if (sequenced.isEmpty() && rejected.isEmpty() && unusable.isEmpty()) {
      return;
    }
    UUID[] ids = sequenced.keySet().toArray(UUID[]::new);
    Long[] indices = sequenced.values().toArray(Long[]::new);
    List<Tuple> refused = new ArrayList<>();
    rejected.forEach(
        (id, violations) ->
            refused.add(Tuple.of(id, new JsonObject().put("violations", toJson(violations)))));
    unusable.forEach(
        (id, reason) ->
            refused.add(
                Tuple.of(
                    id, new JsonObject().put("violations", new JsonArray()).put("error", reason))));
    pool.withTransaction(
            connection -> {
              // One statement for the whole batch: PostgreSQL plans and runs it once, not once
              // per row.
              var sequence =
                  ids.length == 0
                      ? io.smallrye.mutiny.Uni.createFrom().voidItem()
                      : connection
                          .preparedQuery(
                              "UPDATE submission AS s SET status = 'sequenced', log_index = v.idx"
                                  + " FROM unnest($1::uuid[], $2::bigint[]) AS v(id, idx)"
                                  + " WHERE s.id = v.id AND s.status = 'pending'")
                          .execute(Tuple.of(ids, indices))
                          .replaceWithVoid();
              return sequence.chain(
                  () ->
                      refused.isEmpty()
                          ? io.smallrye.mutiny.Uni.createFrom().voidItem()
                          : connection
                              .preparedQuery(
                                  "UPDATE submission SET status = 'rejected',"
                                      + " result = coalesce(result, '{}'::jsonb) || $2"
                                      + " WHERE id = $1 AND status = 'pending'")
                              .executeBatch(refused)
                              .replaceWithVoid());
            })
        .await()
        .atMost(TIMEOUT);
  }

  /** How many submissions wait, and since when the oldest. */
  Backlog backlog() {
    Row row =
        pool.query(
                "SELECT count(*), min(created_at) FROM submission"
                    + " WHERE status = 'pending' AND leaf_hash IS NOT NULL")
            .execute()
            .await()
            .atMost(TIMEOUT)
            .iterator()
            .next();
    return new Backlog(
        row.getLong(0),
        row.getOffsetDateTime(1) == null ? null : row.getOffsetDateTime(1).toInstant());
  }

  /** Violations as the submission result stores them: code, path, message. */
  static JsonArray toJson(List<Violation> violations) {
    JsonArray array = new JsonArray();
    for (Violation v : violations) {
      array.add(
          new JsonObject()
              .put("code", v.code().name())
              .put("path", v.path())
              .put("message", v.message()));
    }
    return array;
  }
}
