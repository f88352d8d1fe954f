package org.markproof.service.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.markproof.contracts.MalformedDataException;
import org.markproof.contracts.crypto.Ed25519PrivateKey;

/**
 * The demo participants' own signing keys and the batches' label keys, generated once into {@code
 * <data-dir>/demo/keys/} (base64 seeds, owner-only files) and read back at later starts, so that a
 * restarted demo keeps signing as the same participants. Demo keys only: real participants keep
 * their keys themselves, or the service holds them encrypted.
 */
public final class DemoKeys {
  private final Path directory;
  private final SecureRandom random;
  private final Map<String, Ed25519PrivateKey> loaded = new HashMap<>();

  public DemoKeys(Path directory, SecureRandom random) {
    this.directory = directory;
    this.random = random;
  }

  /** The signing key of participant {@code id}. */
  public Ed25519PrivateKey participant(String id) {
    return key("participant-" + id);
  }

  /** The label key of the demo batch {@code batch}. */
  public Ed25519PrivateKey labelKey(String batch) {
    return key("label-" + batch);
  }

  private synchronized Ed25519PrivateKey key(String name) {
    return loaded.computeIfAbsent(name, this::readOrGenerate);
  }

  private Ed25519PrivateKey readOrGenerate(String name) {
    Path file = directory.resolve(name + ".key");
    try {
      if (Files.exists(file)) {
        byte[] seed = Base64.getDecoder().decode(Files.readString(file).strip());
        return Ed25519PrivateKey.fromSeed(seed);
      }
      Files.createDirectories(directory);
      Ed25519PrivateKey key = Ed25519PrivateKey.generate(random);
      Files.writeString(
          file, Base64.getEncoder().encodeToString(key.seed()) + "\n", StandardCharsets.US_ASCII);
      try {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException notPosix) {
        // A file system without POSIX permissions: the data directory's own access rules apply.
      }
      return key;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (MalformedDataException | IllegalArgumentException e) {
      throw new IllegalStateException(
          "demo key " + file + " is unreadable (" + e.getMessage() + "); delete it to regenerate",
          e);
    }
  }
}
