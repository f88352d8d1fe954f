package org.markproof.service.state;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes projected rows with the reactive PostgreSQL client, batched per table, in ONE transaction
 * with the move of the watermark, so the tables always show the state after exactly {@code [0,
 * next_index)}.
 */
final class StateWriter {
  private final Pool pool;

  StateWriter(Pool pool) {
    this.pool = pool;
  }

  /** Entries {@code [0, watermark)} are in the tables. */
  Uni<Long> watermark() {
    return pool.query("SELECT next_index FROM state_watermark")
        .execute()
        .map(rows -> rows.iterator().next().getLong("next_index"));
  }

  /**
   * Writes {@code rows} and moves the watermark from {@code from} to {@code to}.
   *
   * @return true if written; false if another projector moved the watermark first (then nothing was
   *     written)
   */
  Uni<Boolean> write(long from, long to, List<StateRow> rows) {
    Map<List<String>, StateRow> latest = new LinkedHashMap<>();
    for (StateRow row : rows) {
      latest.put(row.key(), row);
    }
    return pool.withTransaction(
        connection ->
            connection
                .preparedQuery("UPDATE state_watermark SET next_index = $1 WHERE next_index = $2")
                .execute(Tuple.of(to, from))
                .flatMap(
                    moved -> {
                      if (moved.rowCount() != 1) {
                        return Uni.createFrom().item(false);
                      }
                      return upsert(connection, List.copyOf(latest.values())).replaceWith(true);
                    }));
  }

  private static Uni<Void> upsert(SqlClient client, List<StateRow> rows) {
    List<Tuple> participants = new ArrayList<>();
    List<Tuple> trademarks = new ArrayList<>();
    List<Tuple> licenses = new ArrayList<>();
    List<Tuple> products = new ArrayList<>();
    List<Tuple> batches = new ArrayList<>();
    for (StateRow row : rows) {
      JsonObject doc = new JsonObject(row.document().toString());
      if (row instanceof StateRow.Participant p) {
        participants.add(Tuple.of(p.id(), p.role(), p.active(), doc, p.index()));
      } else if (row instanceof StateRow.Trademark t) {
        trademarks.add(
            Tuple.tuple()
                .addString(t.office())
                .addString(t.number())
                .addString(t.holder())
                .addString(t.status())
                .addValue(doc)
                .addLong(t.index()));
      } else if (row instanceof StateRow.License l) {
        licenses.add(Tuple.of(l.id(), l.licensor(), l.licensee(), doc, l.index()));
      } else if (row instanceof StateRow.Product p) {
        products.add(Tuple.of(p.gtin(), p.registrant(), doc, p.index()));
      } else if (row instanceof StateRow.Batch b) {
        batches.add(Tuple.of(b.gtin(), b.batch(), b.issuer(), doc, b.index()));
      }
    }
    return batch(
            client,
            "INSERT INTO participant_state (id, role, active, document, updated_index)"
                + " VALUES ($1, $2, $3, $4, $5) ON CONFLICT (id) DO UPDATE SET role ="
                + " EXCLUDED.role, active = EXCLUDED.active, document = EXCLUDED.document,"
                + " updated_index = EXCLUDED.updated_index",
            participants)
        .chain(
            () ->
                batch(
                    client,
                    "INSERT INTO trademark_state (office, number, holder, status, document,"
                        + " updated_index) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (office,"
                        + " number) DO UPDATE SET holder = EXCLUDED.holder, status ="
                        + " EXCLUDED.status, document = EXCLUDED.document, updated_index ="
                        + " EXCLUDED.updated_index",
                    trademarks))
        .chain(
            () ->
                batch(
                    client,
                    "INSERT INTO license_state (id, licensor, licensee, document, updated_index)"
                        + " VALUES ($1, $2, $3, $4, $5) ON CONFLICT (id) DO UPDATE SET document ="
                        + " EXCLUDED.document, updated_index = EXCLUDED.updated_index",
                    licenses))
        .chain(
            () ->
                batch(
                    client,
                    "INSERT INTO product_state (gtin, registrant, document, updated_index)"
                        + " VALUES ($1, $2, $3, $4) ON CONFLICT (gtin) DO UPDATE SET document ="
                        + " EXCLUDED.document, updated_index = EXCLUDED.updated_index",
                    products))
        .chain(
            () ->
                batch(
                    client,
                    "INSERT INTO batch_state (gtin, batch, issuer, document, updated_index)"
                        + " VALUES ($1, $2, $3, $4, $5) ON CONFLICT (gtin, batch) DO UPDATE SET"
                        + " document = EXCLUDED.document, updated_index ="
                        + " EXCLUDED.updated_index",
                    batches));
  }

  private static Uni<Void> batch(SqlClient client, String sql, List<Tuple> rows) {
    if (rows.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    return client.preparedQuery(sql).executeBatch(rows).replaceWithVoid();
  }
}
