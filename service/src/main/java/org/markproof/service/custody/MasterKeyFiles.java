package org.markproof.service.custody;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/**
 * Reads and (in demo mode) creates custody master key files: the standard base64 (RFC 4648 §4) of
 * 32 random bytes, surrounding whitespace ignored. This is the form a Kubernetes Secret mounts as a
 * file ({@code head -c 32 /dev/urandom | base64}). Errors name the file, never its content.
 */
public final class MasterKeyFiles {
  /** The demo master key's file name under {@code <markproof.data-dir>/keys}. */
  public static final String DEMO_FILE = "custody-master.key";

  private MasterKeyFiles() {}

  /**
   * Reads the master key in {@code file}.
   *
   * @throws IOException if the file cannot be read or does not hold the base64 of 32 bytes
   */
  public static MasterKey read(Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
    byte[] key;
    try {
      key = Base64.getDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      throw new IOException(
          file
              + ": not base64; expected the base64 of 32 random bytes (head -c 32 /dev/urandom"
              + " | base64)");
    }
    try {
      if (key.length != MasterKey.LENGTH) {
        throw new IOException(
            file + ": holds " + key.length + " bytes, expected " + MasterKey.LENGTH);
      }
      return MasterKey.of(key);
    } finally {
      Arrays.fill(key, (byte) 0);
    }
  }

  /**
   * Reads the master key in {@code file}, or generates one with {@code random} and writes it there
   * (readable by its owner only) when the file does not exist.
   */
  public static MasterKey readOrCreate(Path file, SecureRandom random) throws IOException {
    if (Files.exists(file)) {
      return read(file);
    }
    byte[] key = new byte[MasterKey.LENGTH];
    random.nextBytes(key);
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Path temp = file.resolveSibling(file.getFileName() + ".tmp");
      Files.deleteIfExists(temp);
      if (temp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
        Files.createFile(
            temp,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      } else {
        Files.createFile(temp);
      }
      Files.writeString(
          temp, Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII);
      Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
      return MasterKey.of(key);
    } finally {
      Arrays.fill(key, (byte) 0);
    }
  }
}
