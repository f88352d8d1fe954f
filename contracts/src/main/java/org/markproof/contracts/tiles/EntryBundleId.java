package org.markproof.contracts.tiles;

import org.markproof.contracts.MalformedDataException;

/**
 * A bundle of log entries (c2sp.org/tlog-tiles "Log entries"): bundle {@code index} holds entries
 * {@code index·256 .. index·256 + width - 1}, the entries whose leaf hashes form level-0 tile
 * {@code index}.
 *
 * @param index bundle index
 * @param width number of entries, {@code 1..256}; 256 for a full bundle
 */
public record EntryBundleId(long index, int width) implements TileResource {
  /**
   * Checks that every entry of the bundle has an index below {@code 2^63 - 1}.
   *
   * @throws IllegalArgumentException otherwise
   */
  public EntryBundleId {
    if (width < 1 || width > FULL_WIDTH) {
      throw new IllegalArgumentException("bundle width " + width + " is outside 1.." + FULL_WIDTH);
    }
    if (index < 0 || index > (Long.MAX_VALUE - width) / FULL_WIDTH) {
      throw new IllegalArgumentException(
          "entry bundle " + index + " of width " + width + " lies beyond 2^63 - 1 entries");
    }
  }

  /** Returns the full bundle {@code index}. */
  public static EntryBundleId full(long index) {
    return new EntryBundleId(index, FULL_WIDTH);
  }

  /**
   * Parses an entry bundle path {@code tile/entries/<N>[.p/<W>]}, as {@link TileResource#parse}.
   *
   * @throws MalformedDataException if it is malformed or names a hash tile
   */
  public static EntryBundleId parse(String path) throws MalformedDataException {
    if (TilePaths.parse(path) instanceof EntryBundleId bundle) {
      return bundle;
    }
    throw new MalformedDataException("bundle path " + path + ": got a hash tile, expected entries");
  }

  @Override
  public String path() {
    return "tile/entries/" + TilePaths.formatIndex(index) + TilePaths.formatWidth(width);
  }

  /** Returns the index of the bundle's first entry. */
  public long firstEntry() {
    return index * FULL_WIDTH;
  }

  /** Returns the index just past the bundle's last entry. */
  public long endEntry() {
    return index * FULL_WIDTH + width;
  }

  /** Returns the level-0 tile holding the leaf hashes of these entries. */
  public TileId leafTile() {
    return new TileId(0, index, width);
  }
}
