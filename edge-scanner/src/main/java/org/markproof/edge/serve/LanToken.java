package org.markproof.edge.serve;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The post's LAN token: 32 random bytes, base64url, that handhelds send as their bearer token to
 * {@code serve}. A post-local secret, generated once beside the store ({@code <store>.lan.token},
 * mode 0600) and given to the post's handhelds; replace the file to revoke them all.
 */
public final class LanToken {
  private static final int MAX_BYTES = 1024;

  private LanToken() {}

  /** Where the token of {@code store} lives by default: {@code <store>.lan.token}. */
  public static Path besideStore(Path store) {
    Path absolute = store.toAbsolutePath();
    return absolute.resolveSibling(absolute.getFileName() + ".lan.token");
  }

  /** Reads the token in {@code file}, generating it first if there is none. */
  public static String readOrGenerate(Path file, SecureRandom random) throws IOException {
    Path target = file.toAbsolutePath();
    if (!Files.exists(target)) {
      byte[] secret = new byte[32];
      random.nextBytes(secret);
      String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
      Files.createDirectories(target.getParent());
      Path partial =
          Files.createTempFile(target.getParent(), target.getFileName() + ".", ".partial");
      try {
        try {
          Files.setPosixFilePermissions(partial, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
          // Not a POSIX file system: the directory's protection is all there is.
        }
        try (FileChannel out = FileChannel.open(partial, StandardOpenOption.WRITE)) {
          out.write(StandardCharsets.US_ASCII.encode(token + "\n"));
          out.force(true);
        }
        try {
          Files.createLink(target, partial);
        } catch (FileAlreadyExistsException e) {
          // Another process made it first: use that one.
        }
      } finally {
        Files.deleteIfExists(partial);
      }
    }
    if (Files.size(target) > MAX_BYTES) {
      throw new IOException(target + ": larger than a LAN token");
    }
    String token = Files.readString(target, StandardCharsets.US_ASCII).strip();
    if (token.length() < 16 || token.chars().anyMatch(c -> c <= ' ' || c >= 0x7f)) {
      throw new IOException(target + ": not a LAN token (16 or more printable ASCII characters)");
    }
    return token;
  }
}
