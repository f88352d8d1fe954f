package org.markproof.service.log.index;

/**
 * The log's entry bytes in memory, by index, so that verdicts carry their entries without a
 * database read. Pages of references; one writer (under the index's lock) appends, readers read any
 * index below a size the writer has published.
 */
final class EntryArena {
  private static final int PAGE_BITS = 14;
  private static final int PAGE_SIZE = 1 << PAGE_BITS;

  private volatile byte[][][] pages = new byte[16][][];
  private volatile long size;

  void append(byte[] entry) {
    long index = size;
    int page = (int) (index >>> PAGE_BITS);
    byte[][][] current = pages;
    if (page == current.length) {
      byte[][][] grown = new byte[current.length * 2][][];
      System.arraycopy(current, 0, grown, 0, current.length);
      current = grown;
      pages = grown;
    }
    if (current[page] == null) {
      current[page] = new byte[PAGE_SIZE][];
    }
    current[page][(int) (index & (PAGE_SIZE - 1))] = entry.clone();
    size = index + 1;
  }

  /** A copy of entry {@code index}. */
  byte[] get(long index) {
    if (index < 0 || index >= size) {
      throw new IllegalArgumentException(
          "entry " + index + " is not in memory (size " + size + ")");
    }
    return pages[(int) (index >>> PAGE_BITS)][(int) (index & (PAGE_SIZE - 1))].clone();
  }

  long size() {
    return size;
  }
}
