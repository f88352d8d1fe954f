package org.markproof.service.scan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.Map;
import org.markproof.contracts.MalformedDataException;
import org.markproof.contracts.crypto.Ed25519PrivateKey;
import org.markproof.contracts.crypto.Sha256;
import org.markproof.contracts.note.Ed25519NoteSigner;

/**
 * The scan ledger of {@link ScanProfile} on a service whose verdict key was rotated
 * (docs/operations.md "Key rotation"): a new key in {@code markproof.scan.verdict-key-file}, the
 * old one's verifier key in {@code markproof.scan.previous-verdict-keys}. The old key is derived
 * from a fixed test seed so that the test can sign as the service did before the rotation; it
 * protects nothing.
 */
public class VerdictKeyRotationProfile extends ScanProfile {
  static final String NAME = "test.markproof.local/log/verdict";

  /** The verdict key before the rotation. */
  static Ed25519NoteSigner previousKey() {
    try {
      byte[] seed =
          Sha256.hash(
              "markproof test: the verdict key before the rotation"
                  .getBytes(StandardCharsets.UTF_8));
      return Ed25519NoteSigner.of(NAME, Ed25519PrivateKey.fromSeed(seed));
    } catch (MalformedDataException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public Map<String, String> getConfigOverrides() {
    Map<String, String> config = new HashMap<>(super.getConfigOverrides());
    try {
      Ed25519NoteSigner current = Ed25519NoteSigner.generate(NAME, new SecureRandom());
      Path file = Files.createTempFile("markproof-verdict", ".key");
      file.toFile().deleteOnExit();
      Files.writeString(file, current.signerKey().text() + "\n", StandardCharsets.US_ASCII);
      config.put("markproof.scan.verdict-key-file", file.toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (MalformedDataException e) {
      throw new IllegalStateException(e);
    }
    config.put(
        "markproof.scan.previous-verdict-keys", previousKey().verifier().verifierKey().text());
    return config;
  }
}
