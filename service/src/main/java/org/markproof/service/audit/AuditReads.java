package org.markproof.service.audit;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.markproof.contracts.merkle.NodeId;
import org.markproof.service.log.store.LogStore;

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

  /**
   * Returns the rows of {@code tree_node} among {@code ids}, in no particular order: {@link
   * LogStore#storedNodes}, which plans the lookup for these ids on every call.
   */
  public Uni<List<StoredNode>> storedNodes(List<NodeId> ids) {
    return LogStore.storedNodes(pool, ids, false)
        .map(
            found -> {
              List<StoredNode> nodes = new ArrayList<>(found.size());
              found.forEach((id, hash) -> nodes.add(new StoredNode(id, hash)));
              return nodes;
            });
  }
}
