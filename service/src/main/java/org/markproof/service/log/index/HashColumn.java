package org.markproof.service.log.index;

import java.util.Arrays;

/**
 * An append-only column of 32-byte hashes in chunks of plain byte arrays: 32 bytes per hash and no
 * object per hash, so a million leaves cost 32 MB of heap, not three times that.
 *
 * <p>One writer, many readers. A reader may read index {@code i} once the writer's {@link #set} of
 * {@code i} happened-before (the tree publishes its size through a volatile field after writing).
 */
final class HashColumn {
  private static final int HASH = 32;
  private static final int CHUNK_BITS = 12;
  private static final int CHUNK_HASHES = 1 << CHUNK_BITS;

  private volatile byte[][] chunks = new byte[0][];

  /** Stores {@code hash} at {@code index}; indices are set in increasing order, once each. */
  void set(long index, byte[] hash) {
    int chunk = (int) (index >>> CHUNK_BITS);
    byte[][] current = chunks;
    if (chunk >= current.length) {
      byte[][] grown = Arrays.copyOf(current, Math.max(chunk + 1, current.length * 2));
      for (int i = current.length; i < grown.length; i++) {
        grown[i] = new byte[CHUNK_HASHES * HASH];
      }
      chunks = grown;
      current = grown;
    }
    System.arraycopy(hash, 0, current[chunk], (int) (index & (CHUNK_HASHES - 1)) * HASH, HASH);
  }

  /** A copy of the hash at {@code index}, which must have been set. */
  byte[] get(long index) {
    byte[] chunk = chunks[(int) (index >>> CHUNK_BITS)];
    int offset = (int) (index & (CHUNK_HASHES - 1)) * HASH;
    return Arrays.copyOfRange(chunk, offset, offset + HASH);
  }
}
