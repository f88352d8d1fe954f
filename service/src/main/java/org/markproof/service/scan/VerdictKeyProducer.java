package org.markproof.service.scan;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.markproof.contracts.MalformedDataException;
import org.markproof.contracts.note.Ed25519NoteSigner;
import org.markproof.contracts.note.Ed25519NoteVerifier;
import org.markproof.service.log.keys.LogKeys;

/**
 * The key that signs verdicts: read from {@code markproof.scan.verdict-key-file}, or generated once
 * under {@code <markproof.data-dir>/keys/verdict.key} as {@code <log origin>/verdict} and reused at
 * later starts. Its verifier key is public at {@code GET /v1/scans/key}, with the verifier keys of
 * {@code markproof.scan.previous-verdict-keys}: the keys that signed verdicts before a rotation.
 */
@ApplicationScoped
public class VerdictKeyProducer {
  private static final Logger LOG = Logger.getLogger(VerdictKeyProducer.class);

  /** The generated key's file name under {@code <data-dir>/keys}. */
  public static final String FILE = "verdict.key";

  @Produces
  @Singleton
  VerdictKey verdictKey(
      ScanSettings settings,
      LogKeys logKeys,
      @ConfigProperty(name = "markproof.data-dir") Path dataDir) {
    List<String> previous = settings.previousVerdictKeys().orElse(List.of());
    try {
      if (settings.verdictKeyFile().isPresent()) {
        return withPrevious(read(settings.verdictKeyFile().get()), previous);
      }
      Path file = dataDir.resolve("keys").resolve(FILE);
      if (Files.exists(file)) {
        return withPrevious(read(file), previous);
      }
      Ed25519NoteSigner generated =
          Ed25519NoteSigner.generate(logKeys.origin() + "/verdict", new SecureRandom());
      Files.createDirectories(file.getParent());
      Path partial = file.resolveSibling(FILE + ".partial");
      Files.deleteIfExists(partial);
      Files.createFile(
          partial,
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.writeString(
          partial,
          generated.signerKey().text() + "\n",
          StandardCharsets.US_ASCII,
          StandardOpenOption.TRUNCATE_EXISTING,
          StandardOpenOption.SYNC);
      Files.move(partial, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      LOG.infof("Generated the verdict key in %s; keep it: verdicts name it", file);
      return withPrevious(generated, previous);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (MalformedDataException e) {
      throw new IllegalStateException("cannot make a verdict key: " + e.getMessage(), e);
    }
  }

  private static List<Ed25519NoteVerifier> previous(List<String> texts) {
    List<Ed25519NoteVerifier> keys = new ArrayList<>();
    for (String text : texts) {
      try {
        Ed25519NoteVerifier key = Ed25519NoteVerifier.parse(text.strip());
        if (keys.stream().anyMatch(k -> k.verifierKey().equals(key.verifierKey()))) {
          throw new IllegalStateException(
              "markproof.scan.previous-verdict-keys names " + text.strip() + " twice");
        }
        keys.add(key);
      } catch (MalformedDataException e) {
        throw new IllegalStateException(
            "markproof.scan.previous-verdict-keys: "
                + text.strip()
                + " is not an Ed25519 verifier key <name>+<hex id>+<base64>: "
                + e.getMessage(),
            e);
      }
    }
    return keys;
  }

  /**
   * The verdict key {@code signer} with the earlier keys {@code previousTexts} (verifier key
   * texts); the current key among them is left out with a warning.
   *
   * @throws IllegalStateException if a text is not an Ed25519 verifier key or is given twice
   */
  static VerdictKey withPrevious(Ed25519NoteSigner signer, List<String> previousTexts) {
    List<Ed25519NoteVerifier> previous = previous(previousTexts);
    String current = signer.verifier().verifierKey().text();
    List<Ed25519NoteVerifier> earlier =
        previous.stream().filter(k -> !k.verifierKey().text().equals(current)).toList();
    if (earlier.size() < previous.size()) {
      // A rotation between its steps: the setting already lists the old key, the key file does not
      // yet hold the new one. The current key is published as verdictKey; once is enough.
      LOG.warnf(
          "markproof.scan.previous-verdict-keys names the current verdict key %s; ignored there."
              + " Put the new key in the verdict key file, or remove this one from the list",
          current);
    }
    VerdictKey key = new VerdictKey(signer, earlier);
    LOG.infof(
        "Verdicts are signed by %s%s",
        key.verifierKeyText(),
        earlier.isEmpty() ? "" : "; earlier verdict keys published: " + key.previousKeyTexts());
    return key;
  }

  private static Ed25519NoteSigner read(Path file) throws IOException {
    try {
      return Ed25519NoteSigner.parse(Files.readString(file, StandardCharsets.US_ASCII).strip());
    } catch (MalformedDataException e) {
      throw new IOException(file + ": not an Ed25519 note signer key: " + e.getMessage(), e);
    }
  }
}
