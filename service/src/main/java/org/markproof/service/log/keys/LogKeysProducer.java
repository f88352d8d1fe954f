package org.markproof.service.log.keys;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.markproof.contracts.note.SignerKey;
import org.markproof.contracts.note.VerifierKey;

/**
 * Makes the {@link LogKeys} from configuration: {@code markproof.log.signer-key-file} and {@code
 * markproof.log.timestamp-key-file} (Secret files in production), for the origin {@code
 * markproof.log.origin} or, when that is not set, the signer key's name (the runbook generates the
 * key with {@code --name <origin>}); with neither file configured, the pair generated once under
 * {@code <markproof.data-dir>/keys} for {@code markproof.log.origin} or {@value #DEFAULT_ORIGIN}.
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
      @ConfigProperty(name = "markproof.data-dir") Path dataDir) {
    try {
      if (signerFile.isPresent() && timestampFile.isPresent()) {
        SignerKey signer = LogKeyFiles.read(signerFile.get(), VerifierKey.TYPE_ED25519);
        return LogKeys.of(
            configuredOrigin.orElse(signer.name()),
            signer,
            LogKeyFiles.readTimestampKey(timestampFile.get()));
      }
      if (signerFile.isPresent() || timestampFile.isPresent()) {
        throw new IllegalStateException(
            "configure both markproof.log.signer-key-file and markproof.log.timestamp-key-file,"
                + " or neither to use keys generated under markproof.data-dir");
      }
      String origin = configuredOrigin.orElse(DEFAULT_ORIGIN);
      Path directory = dataDir.resolve("keys");
      LogKeyFiles.Loaded loaded = LogKeyFiles.loadOrCreate(directory, origin, new SecureRandom());
      LogKeys keys = LogKeys.of(origin, loaded.signer(), loaded.timestamp());
      if (loaded.generated()) {
        LOG.infof(
            "Generated the log's checkpoint and timestamp keys in %s (origin %s); keep them:"
                + " they sign this log for good",
            directory, origin);
      } else {
        LOG.infof("Log keys read from %s (origin %s)", directory, origin);
      }
      return keys;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
