package org.markproof.edge.scan;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Optional;
import org.markproof.contracts.MalformedDataException;
import org.markproof.contracts.note.Ed25519NoteSigner;

/**
 * The post's own verdict key (docs/edge.md "Offline verdicts"): an Ed25519 signer key in the
 * signed-note text form ({@code PRIVATE+KEY+name+hexid+base64}, as Go's {@code note} package and
 * {@code keys generate} write it), generated once, next to the store by default ({@code
 * <store>.verdict.key}), readable by its owner only. Offline verdicts are signed with it; an
 * auditor checks them with its verifier key, which {@code status} and {@code keys verdict} print.
 */
public final class VerdictKeyFile {
  /** The key's name when a post id is known: {@code edge-verdicts/<post>}. */
  static final String NAME_PREFIX = "edge-verdicts/";

  private static final int MAX_KEY_BYTES = 4096;

  private VerdictKeyFile() {}

  /** Where the key of {@code store} lives by default: {@code <store>.verdict.key}. */
  public static Path besideStore(Path store) {
    Path absolute = store.toAbsolutePath();
    return absolute.resolveSibling(absolute.getFileName() + ".verdict.key");
  }

  /** Reads the key in {@code file}, if the file exists. */
  public static Optional<Ed25519NoteSigner> read(Path file)
      throws IOException, MalformedDataException {
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    if (Files.size(file) > MAX_KEY_BYTES) {
      throw new MalformedDataException(file + ": larger than a signer key");
    }
    String text = Files.readString(file, StandardCharsets.UTF_8).strip();
    try {
      return Optional.of(Ed25519NoteSigner.parse(text));
    } catch (MalformedDataException e) {
      throw new MalformedDataException(file + ": not a signer key: " + e.getMessage(), e);
    }
  }

  /**
   * Reads the key in {@code file}, generating it first if there is none: written to a temporary
   * file, forced to disk, then linked into place, so that two processes racing here both end with
   * the one key that won and a reader never sees half a key.
   *
   * @param postId names a new key {@code edge-verdicts/<postId>}
   */
  public static Ed25519NoteSigner readOrGenerate(Path file, String postId, SecureRandom random)
      throws IOException, MalformedDataException {
    return readOrGenerateNamed(file, NAME_PREFIX + postId, random);
  }

  /**
   * Reads the key in {@code file}, generating one named {@code name} first if there is none, as
   * {@link #readOrGenerate} does: for the post's other keys (its token key) kept the same way.
   */
  public static Ed25519NoteSigner readOrGenerateNamed(Path file, String name, SecureRandom random)
      throws IOException, MalformedDataException {
    Optional<Ed25519NoteSigner> existing = read(file);
    if (existing.isPresent()) {
      return existing.get();
    }
    Ed25519NoteSigner signer = Ed25519NoteSigner.generate(name, random);
    Path target = file.toAbsolutePath();
    Files.createDirectories(target.getParent());
    Path partial = Files.createTempFile(target.getParent(), target.getFileName() + ".", ".partial");
    try {
      try {
        Files.setPosixFilePermissions(partial, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException e) {
        // Not a POSIX file system: the directory's protection is all there is.
      }
      try (FileChannel out = FileChannel.open(partial, StandardOpenOption.WRITE)) {
        out.write(
            StandardCharsets.UTF_8.encode(
                java.nio.CharBuffer.wrap(signer.signerKey().text() + "\n")));
        out.force(true);
      }
      try {
        Files.createLink(target, partial);
      } catch (FileAlreadyExistsException e) {
        return read(target).orElseThrow();
      }
      return signer;
    } finally {
      Files.deleteIfExists(partial);
    }
  }
}
