package org.markproof.contracts.edge;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.NoSuchElementException;
import org.markproof.contracts.MalformedDataException;
import org.markproof.contracts.entry.LogEntry;

/**
 * Reads an edge bundle from an untrusted stream, bounded: the header line is at most {@link
 * EdgeBundle#MAX_HEADER_BYTES}, each entry at most {@link LogEntry#MAX_LEAF_BYTES} (its uint16
 * length), there are exactly {@link EdgeBundle#entryCount()} entries and nothing after them. One
 * entry is in memory at a time. Reading checks the format only: the caller verifies the checkpoint,
 * the consistency proof and the entries' hashes.
 *
 * <p>Typical use: {@code var r = EdgeBundleReader.open(in); while (r.remaining() > 0) {
 * apply(r.next()); } r.finish();}. The caller owns the stream and closes it; give it a buffered
 * one.
 */
public final class EdgeBundleReader {
  private final InputStream in;
  private final EdgeBundle header;
  private long read;

  private EdgeBundleReader(InputStream in, EdgeBundle header) {
    this.in = in;
    this.header = header;
  }

  /**
   * Reads and parses the header line.
   *
   * @throws MalformedDataException if the stream ends before a newline, the line is too long, or
   *     the header is malformed ({@link EdgeBundle#parse})
   * @throws IOException if the stream fails
   */
  public static EdgeBundleReader open(InputStream in) throws MalformedDataException, IOException {
    byte[] line = new byte[1024];
    int length = 0;
    while (true) {
      int b = in.read();
      if (b < 0) {
        throw new MalformedDataException(
            "edge bundle: the stream ends after "
                + length
                + " bytes, before the header line's newline");
      }
      if (b == '\n') {
        break;
      }
      if (length == EdgeBundle.MAX_HEADER_BYTES - 1) {
        throw new MalformedDataException(
            "edge bundle: no newline in the first "
                + EdgeBundle.MAX_HEADER_BYTES
                + " bytes; the header line is at most that long");
      }
      if (length == line.length) {
        line = Arrays.copyOf(line, Math.min(line.length * 2, EdgeBundle.MAX_HEADER_BYTES));
      }
      line[length++] = (byte) b;
    }
    return new EdgeBundleReader(in, EdgeBundle.parse(Arrays.copyOf(line, length)));
  }

  /** The parsed header. */
  public EdgeBundle header() {
    return header;
  }

  /** How many entries are still to be read. */
  public long remaining() {
    return header.entryCount() - read;
  }

  /** The log index of the entry {@link #next()} returns. */
  public long nextIndex() {
    return header.from() + read;
  }

  /**
   * Reads the next entry's bytes (the leaf input of index {@link #nextIndex()}).
   *
   * @throws NoSuchElementException if every entry has been read
   * @throws MalformedDataException if the stream ends inside the entry or its length
   * @throws IOException if the stream fails
   */
  public byte[] next() throws MalformedDataException, IOException {
    if (remaining() == 0) {
      throw new NoSuchElementException("all " + header.entryCount() + " entries were read");
    }
    long index = nextIndex();
    int high = in.read();
    int low = high < 0 ? -1 : in.read();
    if (low < 0) {
      throw new MalformedDataException(
          "edge bundle: the stream ends before entry "
              + index
              + "; the header announces entries "
              + header.from()
              + " to "
              + (header.to() - 1));
    }
    int length = (high << 8) | low;
    byte[] entry = in.readNBytes(length);
    if (entry.length != length) {
      throw new MalformedDataException(
          "edge bundle: entry "
              + index
              + " claims "
              + length
              + " bytes, the stream ends after "
              + entry.length);
    }
    read++;
    return entry;
  }

  /**
   * Checks that every entry was read and the stream ends there.
   *
   * @throws IllegalStateException if entries remain to be read
   * @throws MalformedDataException if bytes follow the last entry
   * @throws IOException if the stream fails
   */
  public void finish() throws MalformedDataException, IOException {
    if (remaining() > 0) {
      throw new IllegalStateException(
          remaining() + " entries of the edge bundle were not read; read them all first");
    }
    if (in.read() >= 0) {
      throw new MalformedDataException(
          header.entryCount() == 0
              ? "edge bundle: bytes follow the header of a bundle without entries"
              : "edge bundle: bytes follow entry "
                  + (header.to() - 1)
                  + ", the last the header announces");
    }
  }
}
