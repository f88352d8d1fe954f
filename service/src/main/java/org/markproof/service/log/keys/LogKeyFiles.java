package org.markproof.service.log.keys;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import org.markproof.contracts.MalformedDataException;
import org.markproof.contracts.crypto.Ed25519PrivateKey;
import org.markproof.contracts.note.SignerKey;
import org.markproof.contracts.note.VerifierKey;

/**
 * Reads the log's keys from their files, in the note signer key text form {@code
 * PRIVATE+KEY+<name>+<hex id>+<base64(type ‖ seed)>} (Go's {@code golang.org/x/mod/sumdb/note}), or
 * generates them once under a directory and reuses them at later starts.
 */
public final class LogKeyFiles {
  /** The generated checkpoint signer key file, under {@code <data-dir>/keys}. */
  public static final String SIGNER_FILE = "log-signer.key";

  /** The generated timestamp key file, under {@code <data-dir>/keys}. */
  public static final String TIMESTAMP_FILE = "log-timestamp.key";

  private LogKeyFiles() {}

  /**
   * Reads a signer key file of the given type (0x01 checkpoint, 0x04 timestamp).
   *
   * @throws IOException naming the file when it cannot be read or holds no such key (never echoing
   *     the key)
   */
  public static SignerKey read(Path file, byte type) throws IOException {
    String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
    SignerKey key;
    try {
      key = SignerKey.parse(text);
    } catch (MalformedDataException e) {
      throw new IOException(file + ": " + e.getMessage(), e);
    }
    if (key.type() != type) {
      throw new IOException(
          file
              + ": a key of type 0x0"
              + key.type()
              + ", expected 0x0"
              + type
              + (type == VerifierKey.TYPE_COSIGNATURE
                  ? " (an Ed25519 tlog-cosignature key)"
                  : " (an Ed25519 note key)"));
    }
    return key;
  }

  /**
   * Reads the timestamp key file: a tlog-cosignature key (type 0x04), or a plain Ed25519 note key
   * (type 0x01, as {@code edge-scanner keys generate} writes) whose Ed25519 key then signs as a
   * cosignature key of the same name. Either way the log only ever makes tlog-cosignature/v1
   * signatures with it, and publishes its type 0x04 verifier key ({@code GET /v1/log/key}).
   *
   * @throws IOException naming the file when it holds no Ed25519 signer key
   */
  public static SignerKey readTimestampKey(Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
    try {
      SignerKey key = SignerKey.parse(text);
      return key.type() == VerifierKey.TYPE_COSIGNATURE
          ? key
          : SignerKey.of(key.name(), VerifierKey.TYPE_COSIGNATURE, key.privateKey());
    } catch (MalformedDataException e) {
      throw new IOException(file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Loads the two keys kept in {@code directory}, or, when neither file exists, generates both for
   * {@code origin} with {@code random} and writes them owner-readable only.
   *
   * @return the keys, and whether they were generated now
   * @throws IOException if only one of the files exists, or a file is unreadable
   */
  public static Loaded loadOrCreate(Path directory, String origin, SecureRandom random)
      throws IOException {
    Path signer = directory.resolve(SIGNER_FILE);
    Path timestamp = directory.resolve(TIMESTAMP_FILE);
    boolean hasSigner = Files.exists(signer);
    if (hasSigner != Files.exists(timestamp)) {
      throw new IOException(
          "log keys in "
              + directory
              + ": found only one of "
              + SIGNER_FILE
              + " and "
              + TIMESTAMP_FILE
              + "; restore the other, or delete both to start a new log");
    }
    if (hasSigner) {
      return new Loaded(read(signer, VerifierKey.TYPE_ED25519), readTimestampKey(timestamp), false);
    }
    try {
      SignerKey signerKey =
          SignerKey.of(origin, VerifierKey.TYPE_ED25519, Ed25519PrivateKey.generate(random));
      SignerKey timestampKey =
          SignerKey.of(
              origin + LogKeys.TIMESTAMP_NAME_SUFFIX,
              VerifierKey.TYPE_COSIGNATURE,
              Ed25519PrivateKey.generate(random));
      Files.createDirectories(directory);
      writeSecret(timestamp, timestampKey.text() + "\n");
      writeSecret(signer, signerKey.text() + "\n");
      return new Loaded(signerKey, timestampKey, true);
    } catch (MalformedDataException e) {
      throw new IOException("origin " + origin + " cannot name a note key: " + e.getMessage(), e);
    }
  }

  /** The two keys as read or generated. */
  public record Loaded(SignerKey signer, SignerKey timestamp, boolean generated) {}

  private static void writeSecret(Path target, String text) throws IOException {
    Path temp = target.resolveSibling(target.getFileName() + ".tmp");
    Files.deleteIfExists(temp);
    if (temp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      Files.createFile(
          temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } else {
      Files.createFile(temp);
    }
    Files.writeString(temp, text, StandardCharsets.US_ASCII);
    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
  }
}
