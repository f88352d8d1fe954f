package org.markproof.contracts.tiles;

import java.util.List;
import org.markproof.contracts.merkle.MerkleHashes;
import org.markproof.contracts.merkle.NodeId;

/**
 * Where a perfect subtree's hash is found in the tiles of a tree (c2sp.org/tlog-tiles): a node at
 * tree level {@code 8·t + height} is the root over {@code 2^height} consecutive hashes of a tile at
 * tile level {@code t}; for {@code height 0} it is one of the tile's hashes.
 *
 * @param tile the tile, with the width it has in the tree the location was computed for
 * @param firstSlot position of the first hash under the node, {@code 0..255}
 * @param height levels between the tile's hashes and the node, {@code 0..7}
 */
public record TileLocation(TileId tile, int firstSlot, int height) {
  /**
   * Checks that the node's hashes lie within the tile.
   *
   * @throws IllegalArgumentException otherwise
   */
  public TileLocation {
    if (height < 0 || height >= TileId.HEIGHT) {
      throw new IllegalArgumentException("height " + height + " is outside 0.." + TileId.HEIGHT);
    }
    if (firstSlot < 0
        || firstSlot % (1 << height) != 0
        || firstSlot + (1 << height) > tile.width()) {
      throw new IllegalArgumentException(
          "slots from " + firstSlot + " at height " + height + " do not fit in " + tile);
    }
  }

  /** Returns the number of tile hashes under the node, {@code 2^height}. */
  public int slotCount() {
    return 1 << height;
  }

  /** Returns the id of the node this location holds. */
  public NodeId nodeId() {
    long firstNode = tile.index() * TileResource.FULL_WIDTH + firstSlot;
    return new NodeId(tile.nodeLevel() + height, firstNode >>> height);
  }

  /**
   * Returns the node's hash from the hashes of {@link #tile()}, as {@link TileHashes#decode}
   * returns them.
   *
   * @throws IllegalArgumentException if {@code tileHashes} do not have the tile's width
   */
  public byte[] nodeHash(List<byte[]> tileHashes) {
    if (tileHashes.size() != tile.width()) {
      throw new IllegalArgumentException(
          "got " + tileHashes.size() + " hashes for " + tile + ", expected " + tile.width());
    }
    return MerkleHashes.root(tileHashes.subList(firstSlot, firstSlot + slotCount()));
  }
}
