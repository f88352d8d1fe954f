package org.markproof.service.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.microprofile.config.ConfigProvider;
import org.markproof.contracts.MalformedDataException;
import org.markproof.contracts.checkpoint.CheckpointVerifier;
import org.markproof.contracts.note.Ed25519NoteSigner;

/**
 * The log key the running test service is configured with ({@code markproof.log.signer-key-file},
 * the test-only key of {@code src/test/resources/log/}), for tests that sign checkpoints as the
 * sequencer would and verify what the service serves.
 */
public final class TestLogKey {
  private TestLogKey() {}

  /** The log's signer. */
  public static Ed25519NoteSigner signer() {
    Path file = ConfigProvider.getConfig().getValue("markproof.log.signer-key-file", Path.class);
    try {
      return Ed25519NoteSigner.parse(Files.readString(file, StandardCharsets.UTF_8).strip());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (MalformedDataException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The checkpoints' origin: the key's name. */
  public static String origin() {
    return signer().name();
  }

  /** Opens checkpoints signed by the log key. */
  public static CheckpointVerifier verifier() {
    try {
      return CheckpointVerifier.forLog(signer().verifier());
    } catch (MalformedDataException e) {
      throw new IllegalStateException(e);
    }
  }
}
