package org.markproof.service.custody;

import java.util.Arrays;
import org.markproof.contracts.MalformedDataException;
import org.markproof.contracts.crypto.Ed25519PrivateKey;
import org.markproof.contracts.entry.KeyId;

/**
 * Opens a sealed Ed25519 seed into its key, the one way both vaults do it: the master key that
 * sealed it must be configured, the opened key must be the stored key id's, and the seed is wiped
 * from memory whatever happens.
 */
final class SealedKeys {
  private SealedKeys() {}

  /** Opens the seed under a master key; {@link SealedSeedException} if it does not open. */
  @FunctionalInterface
  interface SeedOpener {
    byte[] open(MasterKey master) throws SealedSeedException;
  }

  /**
   * The key sealed under master key {@code masterKeyId} with id {@code keyId}.
   *
   * @param what the key, as messages name it ("the key of acme", "the label key of batch …")
   * @throws CustodyUnavailableException naming {@code what} when the master key is not configured,
   *     the seal does not open, or the seed is not the stored key's
   */
  static Ed25519PrivateKey open(
      MasterKeyRing ring, String masterKeyId, String keyId, String what, SeedOpener opener) {
    MasterKey master =
        ring.byId(masterKeyId)
            .orElseThrow(
                () ->
                    new CustodyUnavailableException(
                        what
                            + " is sealed under master key "
                            + masterKeyId
                            + ", which is not configured; add its file to"
                            + " markproof.custody.previous-master-key-files"));
    byte[] seed = null;
    try {
      seed = opener.open(master);
      Ed25519PrivateKey opened = Ed25519PrivateKey.fromSeed(seed);
      if (!KeyId.of(opened.publicKey()).value().equals(keyId)) {
        throw new CustodyUnavailableException(what + " does not match its stored key id");
      }
      return opened;
    } catch (SealedSeedException e) {
      throw new CustodyUnavailableException(e.getMessage());
    } catch (MalformedDataException e) {
      throw new CustodyUnavailableException(what + " is not a 32-byte Ed25519 seed");
    } finally {
      if (seed != null) {
        Arrays.fill(seed, (byte) 0);
      }
    }
  }
}
