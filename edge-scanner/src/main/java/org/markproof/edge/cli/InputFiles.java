package org.markproof.edge.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.markproof.contracts.MalformedDataException;

/** Reads a user-named input file with a size bound, so a wrong path cannot exhaust memory. */
final class InputFiles {
  private InputFiles() {}

  /**
   * Returns the bytes of {@code file}; {@code -} reads standard input.
   *
   * @throws MalformedDataException if the file holds more than {@code maxBytes}
   * @throws IOException if it cannot be read
   */
  static byte[] read(Path file, int maxBytes) throws IOException, MalformedDataException {
    try (InputStream in = file.toString().equals("-") ? System.in : Files.newInputStream(file)) {
      byte[] bytes = in.readNBytes(maxBytes + 1);
      if (bytes.length > maxBytes) {
        throw new MalformedDataException(
            file + ": larger than the " + maxBytes + " bytes accepted here");
      }
      return bytes;
    } catch (NoSuchFileException e) {
      throw new NoSuchFileException(file + ": no such file");
    }
  }
}
