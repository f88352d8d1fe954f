package org.markproof.service.audit;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.markproof.contracts.merkle.NodeId;

/**
 * What the audit reads besides {@code LogStore}: the stored {@code tree_node} rows of given ids
 * (only those stored; which levels the sequencer keeps is its business) and the stored checkpoints
 * of a range of sizes, both tables of V1__log.sql. Read-only.
 */
@ApplicationScoped
public class AuditReads {
  private final Pool pool;

  AuditReads(Pool pool) {
    this.pool = pool;
  }

  /** A stored node hash. */
  public record StoredNode(NodeId id, byte[] hash) {}

  /** A stored checkpoint row: its size and root columns and its note text. */
  public record CheckpointRow(long size, byte[] root, String note) {}

  /** Returns the rows of {@code tree_node} among {@code ids}, in no particular order. */
  public Uni<List<StoredNode>> storedNodes(List<NodeId> ids) {
    if (ids.isEmpty()) {
      return Uni.createFrom().item(List.of());
    }
    Short[] levels = new Short[ids.size()];
    Long[] indexes = new Long[ids.size()];
    for (int i = 0; i < ids.size(); i++) {
      levels[i] = (short) ids.get(i).level();
      indexes[i] = ids.get(i).index();
    }
    return pool.preparedQuery(
            "SELECT t.level, t.index, t.hash FROM tree_node t"
                + " JOIN unnest($1::smallint[], $2::bigint[]) AS q(level, index)"
                + " ON t.level = q.level AND t.index = q.index")
        .execute(Tuple.of(levels, indexes))
        .map(
            rows -> {
              List<StoredNode> nodes = new ArrayList<>(ids.size());
              for (Row row : rows) {
                nodes.add(
                    new StoredNode(
                        new NodeId(row.getShort(0), row.getLong(1)), row.getBuffer(2).getBytes()));
              }
              return nodes;
            });
  }

  /** Returns the stored checkpoints with {@code from <= size < to}, by size. */
  public Uni<List<CheckpointRow>> checkpoints(long from, long to) {
    return pool.preparedQuery(
            "SELECT size, root, note FROM checkpoint WHERE size >= $1 AND size < $2 ORDER BY size")
        .execute(Tuple.of(from, to))
        .map(
            rows -> {
              List<CheckpointRow> list = new ArrayList<>();
              for (Row row : rows) {
                list.add(
                    new CheckpointRow(
                        row.getLong(0), row.getBuffer(1).getBytes(), row.getString(2)));
              }
              return list;
            });
  }
}
