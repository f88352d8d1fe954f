package org.markproof.service.log.keys;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.markproof.contracts.MalformedDataException;
import org.markproof.contracts.note.NoteVerifier;
import org.markproof.contracts.note.SignerKey;
import org.markproof.contracts.note.VerifierKey;

/**
 * Makes the {@link LogKeys} from configuration: {@code markproof.log.signer-key-file} and {@code
 * markproof.log.timestamp-key-file} (Secret files in production), for the origin {@code
 * markproof.log.origin} or, when that is not set, the signer key's name (the runbook generates the
 * key with {@code --name <origin>}); with neither file configured, the pair generated once under
 * {@code <markproof.data-dir>/keys} for {@code markproof.log.origin} or {@value #DEFAULT_ORIGIN}.
 *
 * <p>A log key rotation (docs/operations.md "Key rotation") adds {@code
 * markproof.log.additional-signer-key-files}: signer key files of new checkpoint keys named after
 * the origin, which sign every checkpoint next to the primary key; and {@code
 * markproof.log.retired-verifier-keys}: verifier key texts of checkpoint keys that no longer sign,
 * whose checkpoints the service still accepts. Both comma-separated.
 */
@ApplicationScoped
public class LogKeysProducer {
  private static final Logger LOG = Logger.getLogger(LogKeysProducer.class);

  /** The origin of a log whose keys the service generates, unless one is configured. */
  public static final String DEFAULT_ORIGIN = "markproof.local/log";

  @Produces
  @Singleton
  LogKeys logKeys(
      @ConfigProperty(name = "markproof.log.origin") Optional<String> configuredOrigin,
      @ConfigProperty(name = "markproof.log.signer-key-file") Optional<Path> signerFile,
      @ConfigProperty(name = "markproof.log.timestamp-key-file") Optional<Path> timestampFile,
      @ConfigProperty(name = "markproof.log.additional-signer-key-files")
          Optional<List<Path>> additionalSignerFiles,
      @ConfigProperty(name = "markproof.log.retired-verifier-keys")
          Optional<List<String>> retiredVerifierKeys,
      @ConfigProperty(name = "markproof.data-dir") Path dataDir) {
    try {
      List<SignerKey> additional = new ArrayList<>();
      for (Path file : additionalSignerFiles.orElse(List.of())) {
        additional.add(LogKeyFiles.read(file, VerifierKey.TYPE_ED25519));
      }
      List<VerifierKey> retired = new ArrayList<>();
      for (String text : retiredVerifierKeys.orElse(List.of())) {
        retired.add(verifierKey(text.strip()));
      }
      if (signerFile.isPresent() && timestampFile.isPresent()) {
        SignerKey signer = LogKeyFiles.read(signerFile.get(), VerifierKey.TYPE_ED25519);
        return logged(
            LogKeys.of(
                configuredOrigin.orElse(signer.name()),
                signer,
                withoutPrimary(additional, signer),
                retired,
                LogKeyFiles.readTimestampKey(timestampFile.get())));
      }
      if (signerFile.isPresent() || timestampFile.isPresent()) {
        throw new IllegalStateException(
            "configure both markproof.log.signer-key-file and markproof.log.timestamp-key-file,"
                + " or neither to use keys generated under markproof.data-dir");
      }
      String origin = configuredOrigin.orElse(DEFAULT_ORIGIN);
      Path directory = dataDir.resolve("keys");
      LogKeyFiles.Loaded loaded = LogKeyFiles.loadOrCreate(directory, origin, new SecureRandom());
      LogKeys keys = LogKeys.of(origin, loaded.signer(), additional, retired, loaded.timestamp());
      if (loaded.generated()) {
        LOG.infof(
            "Generated the log's checkpoint and timestamp keys in %s (origin %s); keep them:"
                + " they sign this log for good",
            directory, origin);
      } else {
        LOG.infof("Log keys read from %s (origin %s)", directory, origin);
      }
      return logged(keys);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Drops an additional key that is the primary key itself: between two steps of a rotation (the
   * new key already moved into the primary file, the additional file not yet removed) a restarting
   * pod then signs with the new key alone instead of refusing to start.
   */
  private static List<SignerKey> withoutPrimary(List<SignerKey> additional, SignerKey primary) {
    List<SignerKey> kept = new ArrayList<>();
    for (SignerKey key : additional) {
      if (key.verifierKey().equals(primary.verifierKey())) {
        LOG.warnf(
            "markproof.log.additional-signer-key-files holds the primary signer key %s itself;"
                + " ignored. Finish the rotation: remove the additional key file",
            primary.verifierKey().text());
      } else {
        kept.add(key);
      }
    }
    return kept;
  }

  private static VerifierKey verifierKey(String text) {
    try {
      return VerifierKey.parse(text);
    } catch (MalformedDataException e) {
      throw new IllegalStateException(
          "markproof.log.retired-verifier-keys: "
              + text
              + " is not a verifier key <name>+<hex id>+<base64>: "
              + e.getMessage(),
          e);
    }
  }

  /**
   * Says which keys sign and which only open old checkpoints: the operator's check in a rotation.
   */
  private static LogKeys logged(LogKeys keys) {
    LOG.infof(
        "Checkpoints are signed by %s%s%s",
        keys.checkpointVerifier().verifierKey().text(),
        keys.additionalVerifiers().isEmpty()
            ? ""
            : " and by the additional keys " + texts(keys.additionalVerifiers()),
        keys.retiredVerifiers().isEmpty()
            ? ""
            : "; checkpoints by the retired keys "
                + texts(keys.retiredVerifiers())
                + " still open");
    return keys;
  }

  private static List<String> texts(List<? extends NoteVerifier> keys) {
    return keys.stream().map(k -> k.verifierKey().text()).toList();
  }
}
