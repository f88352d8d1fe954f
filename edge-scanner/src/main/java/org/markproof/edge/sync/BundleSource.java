package org.markproof.edge.sync;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.markproof.contracts.MalformedDataException;
import org.markproof.contracts.VerificationException;

/**
 * An edge bundle file as a {@link SyncSource} (docs/edge.md "The bundle"): the header line, then
 * {@code to − from} entries, each a big-endian uint16 length and that many bytes, read as a stream
 * so a large bundle never sits in memory whole. Read once, in the order {@link Sync} asks.
 */
public final class BundleSource implements SyncSource, AutoCloseable {
  private final Path file;
  private final InputStream in;
  private final BundleHeader header;
  private boolean entriesRead;

  private BundleSource(Path file, InputStream in, BundleHeader header) {
    this.file = file;
    this.in = in;
    this.header = header;
  }

  /**
   * Opens {@code file} and parses its header line.
   *
   * @throws MalformedDataException if the header is longer than 1 MiB, lacks its newline or is
   *     malformed
   * @throws IOException if the file cannot be read
   */
  public static BundleSource open(Path file) throws IOException, MalformedDataException {
    InputStream in;
    try {
      in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
    } catch (NoSuchFileException e) {
      throw new NoSuchFileException(file + ": no such file");
    }
    try {
      return new BundleSource(file, in, BundleHeader.parse(headerLine(in, file)));
    } catch (IOException | MalformedDataException | RuntimeException e) {
      in.close();
      throw e;
    }
  }

  private static byte[] headerLine(InputStream in, Path file)
      throws IOException, MalformedDataException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) != '\n') {
      if (b < 0) {
        throw new MalformedDataException(file + ": the bundle header line has no newline");
      }
      if (line.size() == BundleHeader.MAX_HEADER_BYTES) {
        throw new MalformedDataException(
            file + ": the bundle header line is longer than " + BundleHeader.MAX_HEADER_BYTES);
      }
      line.write(b);
    }
    return line.toByteArray();
  }

  /** The parsed header. */
  public BundleHeader header() {
    return header;
  }

  @Override
  public String describe() {
    return "bundle " + file;
  }

  @Override
  public byte[] checkpoint() {
    return header.checkpoint().getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public long proofStart(long adoptedSize) {
    return header.from();
  }

  @Override
  public List<byte[]> consistencyProof(long from, long to) {
    if (from != header.from() || to != header.to()) {
      throw new IllegalArgumentException(
          "the bundle proves "
              + header.from()
              + " to "
              + header.to()
              + ", not "
              + from
              + " to "
              + to);
    }
    return header.consistency();
  }

  @Override
  public long entriesStart(long adoptedSize) {
    return header.from();
  }

  @Override
  public void entries(long from, long to, EntrySink sink)
      throws IOException, MalformedDataException, VerificationException {
    if (entriesRead || from != header.from() || to != header.to()) {
      throw new IllegalArgumentException("a bundle's entries are read once, all of them");
    }
    entriesRead = true;
    for (long index = from; index < to; index++) {
      int high = in.read();
      int low = in.read();
      if (low < 0) {
        throw new MalformedDataException(
            file + ": ends at entry " + index + ", the header promises entries up to " + (to - 1));
      }
      int length = (high << 8) | low;
      byte[] leaf = in.readNBytes(length);
      if (leaf.length != length) {
        throw new MalformedDataException(
            file
                + ": entry "
                + index
                + " claims "
                + length
                + " bytes, only "
                + leaf.length
                + " remain");
      }
      sink.accept(index, leaf);
    }
    if (in.read() >= 0) {
      throw new MalformedDataException(file + ": bytes after entry " + (to - 1));
    }
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
