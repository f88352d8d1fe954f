package org.markproof.contracts.tiles;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.markproof.contracts.MalformedDataException;
import org.markproof.contracts.merkle.MerkleHashes;
import org.markproof.contracts.merkle.NodeHashSource;

/**
 * The bytes of a hash tile (c2sp.org/tlog-tiles "Merkle Tree"): its hashes concatenated, 32 bytes
 * each, so a full tile is exactly 8,192 bytes.
 */
public final class TileHashes {
  /** Bytes in a full tile: 256 hashes of 32 bytes. */
  public static final int FULL_TILE_LENGTH = TileResource.FULL_WIDTH * MerkleHashes.HASH_LENGTH;

  private TileHashes() {}

  /**
   * Returns the contents of {@code tile}, looking up its {@link TileId#nodeIds()} in {@code source}
   * with one batch call.
   *
   * @throws IllegalArgumentException if the source returns the wrong number or length of hashes
   */
  public static byte[] encode(TileId tile, NodeHashSource source) {
    List<byte[]> hashes = source.hashes(tile.nodeIds());
    if (hashes.size() != tile.width()) {
      throw new IllegalArgumentException(
          "got " + hashes.size() + " hashes for " + tile + ", expected " + tile.width());
    }
    byte[] data = new byte[tile.width() * MerkleHashes.HASH_LENGTH];
    for (int i = 0; i < hashes.size(); i++) {
      byte[] hash = hashes.get(i);
      if (hash == null || hash.length != MerkleHashes.HASH_LENGTH) {
        throw new IllegalArgumentException("hash " + i + " of " + tile + " is not 32 bytes");
      }
      System.arraycopy(hash, 0, data, i * MerkleHashes.HASH_LENGTH, MerkleHashes.HASH_LENGTH);
    }
    return data;
  }

  /**
   * Returns the hashes of {@code tile} from its served bytes.
   *
   * @throws MalformedDataException unless {@code data} is exactly {@code 32 · width} bytes
   */
  public static List<byte[]> decode(TileId tile, byte[] data) throws MalformedDataException {
    int expected = tile.width() * MerkleHashes.HASH_LENGTH;
    if (data == null || data.length != expected) {
      throw new MalformedDataException(
          tile.path()
              + ": got "
              + (data == null ? "nothing" : data.length + " bytes")
              + ", expected "
              + expected);
    }
    List<byte[]> hashes = new ArrayList<>(tile.width());
    for (int offset = 0; offset < data.length; offset += MerkleHashes.HASH_LENGTH) {
      hashes.add(Arrays.copyOfRange(data, offset, offset + MerkleHashes.HASH_LENGTH));
    }
    return hashes;
  }
}
