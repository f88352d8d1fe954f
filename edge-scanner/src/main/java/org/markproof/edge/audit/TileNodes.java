package org.markproof.edge.audit;

import java.util.ArrayList;
import java.util.List;
import org.markproof.contracts.merkle.NodeId;
import org.markproof.contracts.merkle.NodeVisitor;
import org.markproof.contracts.tiles.TileId;

/**
 * Keeps the recomputed hashes that the tiles above level 0 hold (c2sp.org/tlog-tiles: tile level
 * {@code L} holds tree level {@code 8·L}), in index order, as a {@link
 * org.markproof.contracts.merkle.CompactRange} reports them while the audit appends leaves. Level 0
 * is compared bundle by bundle and not kept.
 */
final class TileNodes implements NodeVisitor {
  private final List<List<byte[]>> levels = new ArrayList<>();

  TileNodes() {
    for (int level = 0; level <= TileId.MAX_LEVEL; level++) {
      levels.add(new ArrayList<>());
    }
  }

  @Override
  public void visit(NodeId id, byte[] hash) {
    if (id.level() == 0 || id.level() % TileId.HEIGHT != 0) {
      return;
    }
    int tileLevel = id.level() / TileId.HEIGHT;
    if (tileLevel > TileId.MAX_LEVEL) {
      return;
    }
    List<byte[]> hashes = levels.get(tileLevel);
    if (id.index() != hashes.size()) {
      // CompactRange completes the nodes of one level left to right; anything else is a bug here.
      throw new IllegalStateException(id + " completed out of order");
    }
    hashes.add(hash);
  }

  /** Returns the recomputed hash at position {@code slot} of tile {@code tile}. */
  byte[] hash(TileId tile, int slot) {
    return levels.get(tile.level()).get(Math.toIntExact(tile.index() * 256 + slot));
  }
}
