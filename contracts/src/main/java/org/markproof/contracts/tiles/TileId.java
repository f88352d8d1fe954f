package org.markproof.contracts.tiles;

import java.util.ArrayList;
import java.util.List;
import org.markproof.contracts.MalformedDataException;
import org.markproof.contracts.merkle.NodeId;

/**
 * A tile of Merkle tree hashes (c2sp.org/tlog-tiles "Merkle Tree"): tile {@code index} at tile
 * level {@code level} holds the hashes of the perfect subtrees {@code NodeId(8·level, index·256 +
 * i)} for {@code i < width}; each tile is the bottom row of a subtree of height 8.
 *
 * @param level tile level, {@code 0..MAX_LEVEL}
 * @param index tile index within its level
 * @param width number of hashes, {@code 1..256}; 256 for a full tile
 */
public record TileId(int level, long index, int width) implements TileResource {
  /** Tree levels per tile level: a tile is {@code 2^HEIGHT} hashes wide. */
  public static final int HEIGHT = 8;

  /**
   * The highest tile level any tree of at most {@code 2^63 - 1} entries has. The spec allows levels
   * up to 63 for 64-bit sizes; beyond 7 they are always empty here.
   */
  public static final int MAX_LEVEL = 7;

  /**
   * Checks that the tile can exist: every hash it holds names a perfect subtree ending within
   * {@code 2^63 - 1} entries.
   *
   * @throws IllegalArgumentException otherwise
   */
  public TileId {
    if (level < 0 || level > MAX_LEVEL) {
      throw new IllegalArgumentException("tile level " + level + " is outside 0.." + MAX_LEVEL);
    }
    if (width < 1 || width > FULL_WIDTH) {
      throw new IllegalArgumentException("tile width " + width + " is outside 1.." + FULL_WIDTH);
    }
    long nodesOnLevel = Long.MAX_VALUE >>> (HEIGHT * level);
    if (index < 0 || index > Math.floorDiv(nodesOnLevel - width, FULL_WIDTH)) {
      throw new IllegalArgumentException(
          "tile " + level + "/" + index + " of width " + width + " lies beyond 2^63 - 1 entries");
    }
  }

  /** Returns the full tile {@code index} at {@code level}. */
  public static TileId full(int level, long index) {
    return new TileId(level, index, FULL_WIDTH);
  }

  /**
   * Parses a hash tile path {@code tile/<L>/<N>[.p/<W>]}, as {@link TileResource#parse}.
   *
   * @throws MalformedDataException if it is malformed or names an entry bundle
   */
  public static TileId parse(String path) throws MalformedDataException {
    if (TilePaths.parse(path) instanceof TileId tile) {
      return tile;
    }
    throw new MalformedDataException(
        "tile path " + path + ": got an entry bundle, expected hashes");
  }

  @Override
  public String path() {
    return "tile/" + level + "/" + TilePaths.formatIndex(index) + TilePaths.formatWidth(width);
  }

  /** Returns the tree level of the hashes in this tile, {@code 8·level}. */
  public int nodeLevel() {
    return HEIGHT * level;
  }

  /** Returns the ids of the hashes this tile holds, left to right. */
  public List<NodeId> nodeIds() {
    List<NodeId> ids = new ArrayList<>(width);
    for (int i = 0; i < width; i++) {
      ids.add(new NodeId(nodeLevel(), index * FULL_WIDTH + i));
    }
    return ids;
  }

  /** Returns the first entry the tile's hashes cover: its "start index" in the spec. */
  public long firstEntry() {
    return new NodeId(nodeLevel(), index * FULL_WIDTH).firstLeaf();
  }

  /** Returns the entry just past those the tile's hashes cover. */
  public long endEntry() {
    return new NodeId(nodeLevel(), index * FULL_WIDTH + width - 1).endLeaf();
  }
}
