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
 *
 * <p>{@code markproof.log.verifier-keys} (comma- or line-separated verifier key texts, as {@code
 * GET /v1/log/key} answers them) without a signer key file makes a <b>verifier-only</b> service
 * (docs/operations.md "Restore drill"): the origin is the keys' name, no key is read from or
 * generated under the data directory, and nothing is signed as the log. Given next to a signer key
 * file, the list pins it: the signer's verifier key must be listed, and every listed key must be
 * one of the configured log keys.
 */
@ApplicationScoped
public class LogKeysProducer {
  private static final Logger LOG = Logger.getLogger(LogKeysProducer.class);

  /** The origin of a log whose keys the service generates, unless one is configured. */
  public static final String DEFAULT_ORIGIN = "markproof.local/log";

  static final String VERIFIER_KEYS = "markproof.log.verifier-keys";
  private static final String RETIRED_KEYS = "markproof.log.retired-verifier-keys";

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
      @ConfigProperty(name = "markproof.log.verifier-keys") Optional<List<String>> verifierKeys,
      @ConfigProperty(name = "markproof.demo") boolean demo,
      @ConfigProperty(name = "markproof.data-dir") Path dataDir) {
    return keys(
        new LogKeySettings(
            configuredOrigin,
            signerFile,
            timestampFile,
            additionalSignerFiles.orElse(List.of()),
            retiredVerifierKeys.orElse(List.of()),
            verifierKeys.orElse(List.of()),
            demo,
            dataDir));
  }

  /**
   * The log's keys as {@code settings} configure them.
   *
   * @throws IllegalStateException naming the settings that do not fit together
   * @throws UncheckedIOException if a key file is unreadable or holds no key of its kind
   */
  static LogKeys keys(LogKeySettings settings) {
    try {
      List<SignerKey> additional = new ArrayList<>();
      for (Path file : settings.additionalSignerKeyFiles()) {
        additional.add(LogKeyFiles.read(file, VerifierKey.TYPE_ED25519));
      }
      List<VerifierKey> retired = verifierKeys(RETIRED_KEYS, settings.retiredVerifierKeys());
      List<VerifierKey> listed = verifierKeys(VERIFIER_KEYS, settings.verifierKeys());
      Optional<Path> signerFile = settings.signerKeyFile();
      Optional<Path> timestampFile = settings.timestampKeyFile();
      if (signerFile.isEmpty() && !listed.isEmpty()) {
        return VerifierOnlyKeys.of(settings, listed, retired);
      }
      if (signerFile.isPresent() && timestampFile.isPresent()) {
        SignerKey signer = LogKeyFiles.read(signerFile.get(), VerifierKey.TYPE_ED25519);
        LogKeys keys =
            LogKeys.of(
                settings.origin().orElse(signer.name()),
                signer,
                withoutPrimary(additional, signer),
                retired,
                LogKeyFiles.readTimestampKey(timestampFile.get()));
        VerifierOnlyKeys.requirePinned(keys, listed);
        return logged(keys);
      }
      if (signerFile.isPresent() || timestampFile.isPresent()) {
        throw new IllegalStateException(
            "configure both markproof.log.signer-key-file and markproof.log.timestamp-key-file,"
                + " or neither to use keys generated under markproof.data-dir, or only "
                + VERIFIER_KEYS
                + " for a verifier-only service");
      }
      String origin = settings.origin().orElse(DEFAULT_ORIGIN);
      Path directory = settings.dataDir().resolve("keys");
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

  /**
   * Parses the verifier key texts of {@code setting}: each configured value may hold several keys,
   * one per line (a ConfigMap value), blank lines skipped.
   */
  private static List<VerifierKey> verifierKeys(String setting, List<String> values) {
    List<VerifierKey> keys = new ArrayList<>();
    for (String value : values) {
      for (String line : value.split("\\R")) {
        String text = line.strip();
        if (text.isEmpty()) {
          continue;
        }
        try {
          keys.add(VerifierKey.parse(text));
        } catch (MalformedDataException e) {
          throw new IllegalStateException(
              setting
                  + ": "
                  + text
                  + " is not a verifier key <name>+<hex id>+<base64>: "
                  + e.getMessage(),
              e);
        }
      }
    }
    return keys;
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

  static List<String> texts(List<? extends NoteVerifier> keys) {
    return keys.stream().map(k -> k.verifierKey().text()).toList();
  }
}
