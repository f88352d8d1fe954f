package org.markproof.service.log.keys;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Map;
import org.markproof.contracts.MalformedDataException;
import org.markproof.contracts.crypto.Ed25519PrivateKey;
import org.markproof.contracts.note.SignerKey;
import org.markproof.contracts.note.VerifierKey;

/**
 * The service in the middle of a log key rotation (docs/operations.md "Key rotation"), on a
 * database of its own: the test log key stays primary, a new key of the same name signs every
 * checkpoint too ({@code markproof.log.additional-signer-key-files}), and an older key is retired
 * ({@code markproof.log.retired-verifier-keys}). The new and the retired key are generated for the
 * run; tests read them back from the configuration.
 */
public class LogKeyRotationProfile implements QuarkusTestProfile {
  @Override
  public Map<String, String> getConfigOverrides() {
    // The test log key's name (src/test/resources/log/README.md): a rotated key keeps it.
    String origin = "test.markproof.local/log";
    try {
      SecureRandom random = new SecureRandom();
      SignerKey next =
          SignerKey.of(origin, VerifierKey.TYPE_ED25519, Ed25519PrivateKey.generate(random));
      SignerKey retired =
          SignerKey.of(origin, VerifierKey.TYPE_ED25519, Ed25519PrivateKey.generate(random));
      Path file = Files.createTempFile("markproof-next-log-signer", ".key");
      file.toFile().deleteOnExit();
      Files.writeString(file, next.text() + "\n", StandardCharsets.US_ASCII);
      return Map.of(
          "markproof.log.additional-signer-key-files",
          file.toString(),
          "markproof.log.retired-verifier-keys",
          retired.verifierKey().text());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (MalformedDataException e) {
      throw new IllegalStateException(e);
    }
  }
}
