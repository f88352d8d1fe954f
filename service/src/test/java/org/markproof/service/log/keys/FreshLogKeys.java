package org.markproof.service.log.keys;

import java.security.SecureRandom;
import org.markproof.contracts.MalformedDataException;
import org.markproof.contracts.crypto.Ed25519PrivateKey;
import org.markproof.contracts.note.SignerKey;
import org.markproof.contracts.note.VerifierKey;

/** New random log keys for tests, named as the service requires them. */
public final class FreshLogKeys {
  private static final SecureRandom RANDOM = new SecureRandom();

  private FreshLogKeys() {}

  /** A checkpoint signer key of the log {@code origin}: an Ed25519 note key named the origin. */
  public static SignerKey checkpointKey(String origin) {
    return key(origin, VerifierKey.TYPE_ED25519);
  }

  /**
   * A timestamp key of the log {@code origin}: a tlog-cosignature key {@code <origin>/timestamp}.
   */
  public static SignerKey timestampKey(String origin) {
    return key(origin + LogKeys.TIMESTAMP_NAME_SUFFIX, VerifierKey.TYPE_COSIGNATURE);
  }

  private static SignerKey key(String name, byte type) {
    try {
      return SignerKey.of(name, type, Ed25519PrivateKey.generate(RANDOM));
    } catch (MalformedDataException e) {
      throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
    }
  }
}
