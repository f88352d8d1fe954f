package org.markproof.service.audit;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.markproof.contracts.MalformedDataException;
import org.markproof.contracts.checkpoint.CheckpointVerifier;
import org.markproof.contracts.note.Ed25519NoteSigner;

/**
 * The verifier of the log's own checkpoints, for the audit: the public half of the signer key in
 * {@code markproof.log.signer-key-file} (c2sp.org/signed-note text form), with the key's name as
 * the required origin (c2sp.org/tlog-checkpoint: the key name SHOULD be the origin). Read once, on
 * first use, so that a service without a log key still starts; an audit then fails with a clear
 * message.
 */
@ApplicationScoped
public class LogCheckpointVerifier {
  private final Optional<Path> signerKeyFile;
  private volatile CheckpointVerifier verifier;

  LogCheckpointVerifier(
      @ConfigProperty(name = "markproof.log.signer-key-file") Optional<Path> signerKeyFile) {
    this.signerKeyFile = signerKeyFile;
  }

  /**
   * Returns the verifier.
   *
   * @throws IllegalStateException if no key file is configured or it does not hold a signer key
   */
  public CheckpointVerifier verifier() {
    CheckpointVerifier known = verifier;
    if (known != null) {
      return known;
    }
    Path file =
        signerKeyFile.orElseThrow(
            () -> new IllegalStateException("markproof.log.signer-key-file is not configured"));
    try {
      String text = Files.readString(file, StandardCharsets.UTF_8).strip();
      known = CheckpointVerifier.forLog(Ed25519NoteSigner.parse(text).verifier());
    } catch (IOException | MalformedDataException e) {
      // Never echo the file's content: it is a private key.
      throw new IllegalStateException("cannot read the log key from " + file, e);
    }
    verifier = known;
    return known;
  }
}
