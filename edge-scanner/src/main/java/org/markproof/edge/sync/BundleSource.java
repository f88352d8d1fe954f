package org.markproof.edge.sync;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.markproof.contracts.MalformedDataException;
import org.markproof.contracts.VerificationException;
import org.markproof.contracts.edge.EdgeBundle;
import org.markproof.contracts.edge.EdgeBundleReader;

/**
 * An edge bundle file as a {@link SyncSource} (docs/edge.md "The bundle"), read with contracts'
 * bounded {@link EdgeBundleReader} as a stream, so a large bundle never sits in memory whole. Read
 * once, in the order {@link Sync} asks.
 */
public final class BundleSource implements SyncSource, AutoCloseable {
  private final Path file;
  private final InputStream in;
  private final EdgeBundleReader reader;
  private boolean entriesRead;

  private BundleSource(Path file, InputStream in, EdgeBundleReader reader) {
    this.file = file;
    this.in = in;
    this.reader = reader;
  }

  /**
   * Opens {@code file} and parses its header line.
   *
   * @throws MalformedDataException if the header is longer than 1 MiB, lacks its newline or is
   *     malformed ({@link EdgeBundle#parse})
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
      return new BundleSource(file, in, EdgeBundleReader.open(in));
    } catch (MalformedDataException e) {
      in.close();
      throw new MalformedDataException(file + ": " + e.getMessage(), e);
    } catch (IOException | RuntimeException e) {
      in.close();
      throw e;
    }
  }

  /** The parsed header. */
  public EdgeBundle header() {
    return reader.header();
  }

  @Override
  public String describe() {
    return "bundle " + file;
  }

  @Override
  public byte[] checkpoint() {
    return header().checkpoint().getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public long proofStart(long adoptedSize) {
    return header().from();
  }

  @Override
  public List<byte[]> consistencyProof(long from, long to) {
    EdgeBundle header = header();
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
    return header().from();
  }

  @Override
  public void entries(long from, long to, EntrySink sink)
      throws IOException, MalformedDataException, VerificationException {
    if (entriesRead || from != header().from() || to != header().to()) {
      throw new IllegalArgumentException("a bundle's entries are read once, all of them");
    }
    entriesRead = true;
    try {
      while (reader.remaining() > 0) {
        long index = reader.nextIndex();
        sink.accept(index, reader.next());
      }
      reader.finish();
    } catch (MalformedDataException e) {
      throw new MalformedDataException(file + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
