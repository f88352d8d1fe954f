package org.markproof.service.log.api;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.markproof.contracts.merkle.NodeHashSource;
import org.markproof.contracts.merkle.NodeId;

/**
 * Hashes already fetched from storage in one batch, served to contracts' code that reads a {@link
 * NodeHashSource} (such as {@code TileHashes.encode}). Asking for a node that was not fetched is a
 * programming error.
 */
final class FetchedHashes implements NodeHashSource {
  private final Map<NodeId, byte[]> hashes;

  FetchedHashes(List<NodeId> ids, List<byte[]> fetched) {
    if (ids.size() != fetched.size()) {
      throw new IllegalStateException(
          "storage returned " + fetched.size() + " hashes for " + ids.size() + " nodes");
    }
    hashes = new HashMap<>(ids.size() * 2);
    for (int i = 0; i < ids.size(); i++) {
      hashes.put(ids.get(i), fetched.get(i));
    }
  }

  @Override
  public byte[] hash(NodeId id) {
    byte[] hash = hashes.get(id);
    if (hash == null) {
      throw new IllegalStateException(id + " was not fetched");
    }
    return hash;
  }
}
