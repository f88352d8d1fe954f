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
 * What the audit reads besides {@code LogStore}: the {@code tree_node} rows (V1__log.sql) that are
 * stored among given ids. Unlike {@code LogStore.hashes}, a node that is not stored is simply left
 * out (which levels the sequencer keeps is its business) and level 0 is never answered from {@code
 * log_entry}: the audit compares what {@code tree_node} itself holds. Read-only.
 */
@ApplicationScoped
public class AuditReads {
  private final Pool pool;

  /** Reads from the log database behind {@code pool}. */
  public AuditReads(Pool pool) {
    this.pool = pool;
  }

  /** A stored node hash. */
  public record StoredNode(NodeId id, byte[] hash) {}

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
}
