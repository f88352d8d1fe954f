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
import org.markproof.contracts.note.VerifierKey;

/**
 * Makes the {@link LogKeys} from configuration: {@code markproof.log.signer-key-file} and {@code
 * markproof.log.timestamp-key-file} (Secret files in production) for {@code markproof.log.origin};
 * with neither configured, the pair generated once under {@code <markproof.data-dir>/keys}.
 */
@ApplicationScoped
public class LogKeysProducer {
  private static final Logger LOG = Logger.getLogger(LogKeysProducer.class);

  @Produces
  @Singleton
  LogKeys logKeys(
      @ConfigProperty(name = "markproof.log.origin") String origin,
      @ConfigProperty(name = "markproof.log.signer-key-file") Optional<Path> signerFile,
      @ConfigProperty(name = "markproof.log.timestamp-key-file") Optional<Path> timestampFile,
      @ConfigProperty(name = "markproof.data-dir") Path dataDir) {
    try {
      if (signerFile.isPresent() && timestampFile.isPresent()) {
        return LogKeys.of(
            origin,
            LogKeyFiles.read(signerFile.get(), VerifierKey.TYPE_ED25519),
            LogKeyFiles.read(timestampFile.get(), VerifierKey.TYPE_COSIGNATURE));
      }
      if (signerFile.isPresent() || timestampFile.isPresent()) {
        throw new IllegalStateException(
            "configure both markproof.log.signer-key-file and markproof.log.timestamp-key-file,"
                + " or neither to use keys generated under markproof.data-dir");
      }
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
