package org.markproof.service.log.api;

import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Finds an entry's index by its RFC 9162 leaf hash (index {@code log_entry_by_leaf_hash} of
 * V1__log.sql), for inclusion proofs asked by leaf hash. The same leaf may be logged twice; the
 * first occurrence answers, as RFC 6962 §4.5 get-proof-by-hash leaves the choice to the log.
 */
@ApplicationScoped
public class LeafIndex {
  private final Pool pool;

  LeafIndex(Pool pool) {
    this.pool = pool;
  }

  /** Returns the smallest index whose leaf hash is {@code leafHash}, or {@code null}. */
  public Uni<Long> firstIndexOf(byte[] leafHash) {
    return pool.preparedQuery("SELECT min(index) FROM log_entry WHERE leaf_hash = $1")
        .execute(Tuple.of(Buffer.buffer(leafHash)))
        .map(LeafIndex::single);
  }

  private static Long single(RowSet<Row> rows) {
    Row row = rows.iterator().next();
    return row.getLong(0);
  }
}
