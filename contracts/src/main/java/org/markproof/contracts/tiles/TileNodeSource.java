package org.markproof.contracts.tiles;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.markproof.contracts.MalformedDataException;
import org.markproof.contracts.merkle.NodeHashSource;
import org.markproof.contracts.merkle.NodeId;

/**
 * Serves node hashes of a tree of a given size out of tiles a client fetched: the client plans a
 * proof with {@code ProofPlanner}, fetches {@link TileLayout#tilesHolding}, adds each tile here and
 * assembles the proof. The proof is then verified against a checkpoint; nothing here is trusted.
 */
public final class TileNodeSource implements NodeHashSource {
  private final long treeSize;
  private final Map<TileId, List<byte[]>> tiles = new HashMap<>();

  /** Creates an empty source for the tree of {@code treeSize} entries. */
  public TileNodeSource(long treeSize) {
    this.treeSize = treeSize;
  }

  /**
   * Adds the served bytes of {@code tile}.
   *
   * @throws MalformedDataException if the data does not have the tile's width
   */
  public void add(TileId tile, byte[] data) throws MalformedDataException {
    tiles.put(tile, TileHashes.decode(tile, data));
  }

  /**
   * Returns the hash of {@code id}, hashing tile entries together when the node lies between tile
   * levels.
   *
   * @throws IllegalStateException if the tile holding the node was not added
   * @throws IllegalArgumentException if the node is not complete in this tree
   */
  @Override
  public byte[] hash(NodeId id) {
    TileLocation location = TileLayout.locate(id, treeSize);
    List<byte[]> hashes = tiles.get(location.tile());
    if (hashes == null) {
      throw new IllegalStateException(location.tile().path() + " is needed for " + id);
    }
    return location.nodeHash(hashes);
  }
}
