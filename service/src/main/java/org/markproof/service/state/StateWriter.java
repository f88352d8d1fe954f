package org.markproof.service.state;

import io.smallrye.mutiny.Uni;
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
    Columns participants =
        new Columns(String.class, String.class, Boolean.class, String.class, Long.class);
    Columns trademarks =
        new Columns(
            String.class, String.class, String.class, String.class, String.class, Long.class);
    Columns licenses =
        new Columns(String.class, String.class, String.class, String.class, Long.class);
    Columns products = new Columns(String.class, String.class, String.class, Long.class);
    Columns batches =
        new Columns(String.class, String.class, String.class, String.class, Long.class);
    for (StateRow row : rows) {
      // The document as JSON text: PostgreSQL parses it into jsonb once (::jsonb below).
      String doc = row.document().toString();
      if (row instanceof StateRow.Participant p) {
        participants.add(p.id(), p.role(), p.active(), doc, p.index());
      } else if (row instanceof StateRow.Trademark t) {
        trademarks.add(t.office(), t.number(), t.holder(), t.status(), doc, t.index());
      } else if (row instanceof StateRow.License l) {
        licenses.add(l.id(), l.licensor(), l.licensee(), doc, l.index());
      } else if (row instanceof StateRow.Product p) {
        products.add(p.gtin(), p.registrant(), doc, p.index());
      } else if (row instanceof StateRow.Batch b) {
        batches.add(b.gtin(), b.batch(), b.issuer(), doc, b.index());
      }
    }
    return upsert(
            client,
            "INSERT INTO participant_state (id, role, active, document, updated_index)"
                + " SELECT r.id, r.role, r.active, r.document::jsonb, r.updated_index FROM"
                + " unnest($1::text[], $2::text[], $3::boolean[], $4::text[], $5::bigint[])"
                + " AS r(id, role, active, document, updated_index)"
                + " ON CONFLICT (id) DO UPDATE SET role = EXCLUDED.role, active = EXCLUDED.active,"
                + " document = EXCLUDED.document, updated_index = EXCLUDED.updated_index",
            participants)
        .chain(
            () ->
                upsert(
                    client,
                    "INSERT INTO trademark_state (office, number, holder, status, document,"
                        + " updated_index) SELECT r.office, r.number, r.holder, r.status,"
                        + " r.document::jsonb, r.updated_index FROM unnest($1::text[], $2::text[],"
                        + " $3::text[], $4::text[], $5::text[], $6::bigint[])"
                        + " AS r(office, number, holder, status, document, updated_index)"
                        + " ON CONFLICT (office, number) DO UPDATE SET holder = EXCLUDED.holder,"
                        + " status = EXCLUDED.status, document = EXCLUDED.document,"
                        + " updated_index = EXCLUDED.updated_index",
                    trademarks))
        .chain(
            () ->
                upsert(
                    client,
                    "INSERT INTO license_state (id, licensor, licensee, document, updated_index)"
                        + " SELECT r.id, r.licensor, r.licensee, r.document::jsonb, r.updated_index"
                        + " FROM unnest($1::text[], $2::text[], $3::text[], $4::text[],"
                        + " $5::bigint[]) AS r(id, licensor, licensee, document, updated_index)"
                        + " ON CONFLICT (id) DO UPDATE SET document = EXCLUDED.document,"
                        + " updated_index = EXCLUDED.updated_index",
                    licenses))
        .chain(
            () ->
                upsert(
                    client,
                    "INSERT INTO product_state (gtin, registrant, document, updated_index)"
                        + " SELECT r.gtin, r.registrant, r.document::jsonb, r.updated_index"
                        + " FROM unnest($1::text[], $2::text[], $3::text[], $4::bigint[])"
                        + " AS r(gtin, registrant, document, updated_index)"
                        + " ON CONFLICT (gtin) DO UPDATE SET document = EXCLUDED.document,"
                        + " updated_index = EXCLUDED.updated_index",
                    products))
        .chain(
            () ->
                upsert(
                    client,
                    "INSERT INTO batch_state (gtin, batch, issuer, document, updated_index)"
                        + " SELECT r.gtin, r.batch, r.issuer, r.document::jsonb, r.updated_index"
                        + " FROM unnest($1::text[], $2::text[], $3::text[], $4::text[],"
                        + " $5::bigint[]) AS r(gtin, batch, issuer, document, updated_index)"
                        + " ON CONFLICT (gtin, batch) DO UPDATE SET document = EXCLUDED.document,"
                        + " updated_index = EXCLUDED.updated_index",
                    batches));
  }

  /**
   * One statement per table over column arrays (one row per key: {@link #write} keeps the latest
   * row of each key, as ON CONFLICT DO UPDATE may touch a row once per statement).
   */
  private static Uni<Void> upsert(SqlClient client, String sql, Columns columns) {
    if (columns.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    return client.preparedQuery(sql).execute(columns.tuple()).replaceWithVoid();
  }

  /** Rows of one table gathered column by column, as the arrays of one {@code unnest}. */
  private static final class Columns {
    private final Class<?>[] types;
    private final List<List<Object>> values = new ArrayList<>();

    Columns(Class<?>... types) {
      this.types = types;
      for (int i = 0; i < types.length; i++) {
        values.add(new ArrayList<>());
      }
    }

    void add(Object... row) {
      for (int i = 0; i < types.length; i++) {
        values.get(i).add(types[i].cast(row[i]));
      }
    }

    boolean isEmpty() {
      return values.get(0).isEmpty();
    }

    Tuple tuple() {
      Tuple tuple = Tuple.tuple();
      for (int i = 0; i < types.length; i++) {
        List<Object> column = values.get(i);
        // Typed arrays, as the PostgreSQL client encodes text[], boolean[] and bigint[] from them.
        if (types[i] == String.class) {
          tuple.addValue(column.toArray(String[]::new));
        } else if (types[i] == Boolean.class) {
          tuple.addValue(column.toArray(Boolean[]::new));
        } else {
          tuple.addValue(column.toArray(Long[]::new));
        }
      }
      return tuple;
    }
  }
}
