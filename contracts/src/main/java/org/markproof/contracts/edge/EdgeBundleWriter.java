package org.markproof.contracts.edge;

import java.io.IOException;
import java.io.OutputStream;
import org.markproof.contracts.entry.LogEntry;

/**
 * Writes an edge bundle to a stream, one entry at a time, so that a bundle of millions of entries
 * never has to be held in memory: the header line at construction, then each entry as a big-endian
 * uint16 length and its bytes (the c2sp.org/tlog-tiles entry-bundle encoding), then {@link
 * #finish()}, which checks that exactly {@link EdgeBundle#entryCount()} entries were written.
 *
 * <p>The caller owns the stream: it is flushed by {@link #finish()}, never closed.
 */
public final class EdgeBundleWriter {
  private final OutputStream out;
  private final EdgeBundle header;
  private long written;

  /**
   * Writes {@code header}'s line to {@code out}.
   *
   * @throws IOException if the stream fails
   */
  public EdgeBundleWriter(OutputStream out, EdgeBundle header) throws IOException {
    this.out = out;
    this.header = header;
    out.write(header.encode());
  }

  /**
   * Writes the next entry, the leaf input of index {@code from + entries written so far}.
   *
   * @throws IllegalArgumentException if it is longer than {@link LogEntry#MAX_LEAF_BYTES}
   * @throws IllegalStateException if every entry the header announces is written already
   * @throws IOException if the stream fails
   */
  public void entry(byte[] entry) throws IOException {
    if (written == header.entryCount()) {
      throw new IllegalStateException(
          "the bundle from " + header.from() + " to " + header.to() + " is complete");
    }
    if (entry.length > LogEntry.MAX_LEAF_BYTES) {
      throw new IllegalArgumentException(
          "entry "
              + (header.from() + written)
              + " has "
              + entry.length
              + " bytes, at most "
              + LogEntry.MAX_LEAF_BYTES);
    }
    out.write(entry.length >>> 8);
    out.write(entry.length & 0xFF);
    out.write(entry);
    written++;
  }

  /**
   * Checks that the bundle is complete and flushes the stream.
   *
   * @throws IllegalStateException if fewer entries were written than the header announces
   * @throws IOException if the stream fails
   */
  public void finish() throws IOException {
    if (written != header.entryCount()) {
      throw new IllegalStateException(
          "wrote " + written + " of the " + header.entryCount() + " entries the header announces");
    }
    out.flush();
  }
}
