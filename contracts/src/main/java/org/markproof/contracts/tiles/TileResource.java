package org.markproof.contracts.tiles;

import org.markproof.contracts.MalformedDataException;

/**
 * A static, immutable resource of a tiled transparency log (c2sp.org/tlog-tiles): a tile of Merkle
 * tree hashes or a bundle of entries, named by its path under the log's URL prefix.
 */
public sealed interface TileResource permits TileId, EntryBundleId {
  /** Number of hashes in a full tile, and of entries in a full bundle: {@code 2^8}. */
  int FULL_WIDTH = 256;

  /** Returns the index of this tile or bundle within its level. */
  long index();

  /** Returns the number of hashes or entries, {@code 1..256}; 256 for a full one. */
  int width();

  /** Returns whether this is a partial tile or bundle: fewer than 256 hashes or entries. */
  default boolean isPartial() {
    return width() < FULL_WIDTH;
  }

  /**
   * Returns the path relative to the log's prefix: {@code tile/<L>/<N>[.p/<W>]} or {@code
   * tile/entries/<N>[.p/<W>]}.
   */
  String path();

  /**
   * Parses a path relative to the log's prefix, strictly: only the canonical spelling of each
   * number is accepted, so every resource has exactly one path.
   *
   * @throws MalformedDataException if the path is not a tile or bundle path, or names one that no
   *     tree of at most {@code 2^63 - 1} entries has
   */
  static TileResource parse(String path) throws MalformedDataException {
    return TilePaths.parse(path);
  }
}
