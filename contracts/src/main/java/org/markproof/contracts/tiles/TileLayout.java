package org.markproof.contracts.tiles;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.markproof.contracts.merkle.NodeId;

/**
 * Which tiles and entry bundles a tree of a given size has (c2sp.org/tlog-tiles "Merkle Tree",
 * "Partial Tiles"): at tile level {@code l} a tree of {@code s} entries has {@code floor(s /
 * 256^(l+1))} full tiles and, when {@code floor(s / 256^l) mod 256} is not zero, one partial tile
 * of that width.
 */
public final class TileLayout {
  private TileLayout() {}

  /** Returns the number of full tiles at tile level {@code level} in a tree of {@code size}. */
  public static long fullTileCount(int level, long size) {
    requireLevel(level);
    return hashesOnLevel(level + 1, size);
  }

  /** Returns the partial tile at {@code level} of a tree of {@code size}, if it has one. */
  public static Optional<TileId> partialTile(int level, long size) {
    requireLevel(level);
    int width = (int) (hashesOnLevel(level, size) % TileResource.FULL_WIDTH);
    if (width == 0) {
      return Optional.empty();
    }
    return Optional.of(new TileId(level, fullTileCount(level, size), width));
  }

  /** Returns every partial tile of a tree of {@code size}, lowest level first. */
  public static List<TileId> partialTiles(long size) {
    requireSize(size);
    List<TileId> tiles = new ArrayList<>();
    for (int level = 0; level <= TileId.MAX_LEVEL; level++) {
      partialTile(level, size).ifPresent(tiles::add);
    }
    return tiles;
  }

  /**
   * Returns tile {@code index} at {@code level} as it is in a tree of {@code size}: full, or
   * partial if it is the rightmost and incomplete one.
   *
   * @throws IllegalArgumentException if the tree has no such tile
   */
  public static TileId tileAt(int level, long index, long size) {
    if (index >= 0 && index < fullTileCount(level, size)) {
      return TileId.full(level, index);
    }
    Optional<TileId> partial = partialTile(level, size);
    if (partial.isPresent() && partial.get().index() == index) {
      return partial.get();
    }
    throw new IllegalArgumentException(
        "a tree of size " + size + " has no tile " + index + " at level " + level);
  }

  /**
   * Returns the tiles that first exist at {@code newSize}, for a log that served {@code oldSize}
   * before: tiles completed by the growth, then the new partial tiles, lowest level first. These
   * are the tile resources to write after appending {@code [oldSize, newSize)}.
   *
   * @throws IllegalArgumentException unless {@code 0 <= oldSize <= newSize}
   */
  public static List<TileId> newTiles(long oldSize, long newSize) {
    if (oldSize < 0 || oldSize > newSize) {
      throw new IllegalArgumentException(
          "sizes " + oldSize + " and " + newSize + " do not satisfy 0 <= oldSize <= newSize");
    }
    List<TileId> tiles = new ArrayList<>();
    for (int level = 0; level <= TileId.MAX_LEVEL; level++) {
      for (long n = fullTileCount(level, oldSize); n < fullTileCount(level, newSize); n++) {
        tiles.add(TileId.full(level, n));
      }
      Optional<TileId> partial = partialTile(level, newSize);
      if (partial.isPresent() && !partial.equals(partialTile(level, oldSize))) {
        tiles.add(partial.get());
      }
    }
    return tiles;
  }

  /** Returns the entry bundles that first exist at {@code newSize}; see {@link #newTiles}. */
  public static List<EntryBundleId> newEntryBundles(long oldSize, long newSize) {
    List<EntryBundleId> bundles = new ArrayList<>();
    for (TileId tile : newTiles(oldSize, newSize)) {
      if (tile.level() == 0) {
        bundles.add(new EntryBundleId(tile.index(), tile.width()));
      }
    }
    return bundles;
  }

  /**
   * Returns where the hash of the perfect subtree {@code id} is found among the tiles of a tree of
   * {@code size}: in the tile at level {@code id.level() / 8}.
   *
   * @throws IllegalArgumentException if {@code id} is not a perfect subtree of that tree
   */
  public static TileLocation locate(NodeId id, long size) {
    if (id.endLeaf() > size) {
      throw new IllegalArgumentException(id + " is not complete in a tree of size " + size);
    }
    int level = id.level() / TileId.HEIGHT;
    int height = id.level() % TileId.HEIGHT;
    long firstNode = id.index() << height;
    TileId tile = tileAt(level, firstNode / TileResource.FULL_WIDTH, size);
    return new TileLocation(tile, (int) (firstNode % TileResource.FULL_WIDTH), height);
  }

  /**
   * Returns the tiles, without repeats, that hold the nodes {@code ids} in a tree of {@code size}:
   * what a client fetches to assemble a proof planned by {@code ProofPlanner}.
   *
   * @throws IllegalArgumentException if a node is not a perfect subtree of that tree
   */
  public static List<TileId> tilesHolding(List<NodeId> ids, long size) {
    Set<TileId> tiles = new LinkedHashSet<>();
    for (NodeId id : ids) {
      tiles.add(locate(id, size).tile());
    }
    return List.copyOf(tiles);
  }

  /** Returns {@code floor(size / 256^level)}: the complete hashes at tree level {@code 8·level}. */
  private static long hashesOnLevel(int level, long size) {
    requireSize(size);
    int shift = TileId.HEIGHT * level;
    return shift >= Long.SIZE ? 0 : size >>> shift;
  }

  private static void requireLevel(int level) {
    if (level < 0 || level > TileId.MAX_LEVEL) {
      throw new IllegalArgumentException(
          "tile level " + level + " is outside 0.." + TileId.MAX_LEVEL);
    }
  }

  private static void requireSize(long size) {
    if (size < 0) {
      throw new IllegalArgumentException("tree size " + size + " is negative");
    }
  }
}
