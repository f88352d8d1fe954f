package org.markproof.service.custody;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals and opens participants' Ed25519 seeds with AES-256-GCM (NIST SP 800-38D) under a {@link
 * MasterKey}: a fresh random 96-bit nonce per seal (§8.2.2; a master key seals far fewer than the
 * 2^32 messages that bound allows), a 128-bit tag, and as additional authenticated data the
 * participant id, the key id and the master key id, so that a sealed seed moved to another
 * participant's row, relabelled as another key or as sealed under another master key no longer
 * opens.
 *
 * <p>The AAD is {@code "markproof/custody/seed/v1"} followed by each of the three values as a
 * 2-byte big-endian length and its UTF-8 bytes: unambiguous whatever the values contain.
 */
public final class SeedCipher {
  private static final String TRANSFORMATION = "AES/GCM/NoPadding";
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final byte[] AAD_DOMAIN =
      "markproof/custody/seed/v1".getBytes(StandardCharsets.US_ASCII);

  private final SecureRandom random;

  public SeedCipher(SecureRandom random) {
    this.random = random;
  }

  /** Seals {@code seed} under {@code masterKey} for {@code participant}'s key {@code keyId}. */
  public SealedSeed seal(MasterKey masterKey, String participant, String keyId, byte[] seed) {
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    byte[] key = masterKey.keyBytes();
    try {
      Cipher cipher = Cipher.getInstance(TRANSFORMATION);
      cipher.init(
          Cipher.ENCRYPT_MODE,
          new SecretKeySpec(key, "AES"),
          new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(aad(participant, keyId, masterKey.id()));
      return new SealedSeed(masterKey.id(), nonce, cipher.doFinal(seed));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-256-GCM is required of every Java platform", e);
    } finally {
      Arrays.fill(key, (byte) 0);
    }
  }

  /**
   * Opens {@code sealed} with {@code masterKey}; the caller wipes the returned seed after use.
   *
   * @throws SealedSeedException if {@code masterKey} is not the key it was sealed under, or the
   *     ciphertext, nonce, participant or key id differ from what was sealed
   */
  public byte[] open(MasterKey masterKey, String participant, String keyId, SealedSeed sealed)
      throws SealedSeedException {
    if (!masterKey.id().equals(sealed.masterKeyId())) {
      throw new SealedSeedException(
          "key "
              + keyId
              + " of "
              + participant
              + " is sealed under master key "
              + sealed.masterKeyId()
              + ", not "
              + masterKey.id());
    }
    byte[] key = masterKey.keyBytes();
    try {
      Cipher cipher = Cipher.getInstance(TRANSFORMATION);
      cipher.init(
          Cipher.DECRYPT_MODE,
          new SecretKeySpec(key, "AES"),
          new GCMParameterSpec(TAG_BITS, sealed.nonce()));
      cipher.updateAAD(aad(participant, keyId, sealed.masterKeyId()));
      return cipher.doFinal(sealed.ciphertext());
    } catch (AEADBadTagException e) {
      throw new SealedSeedException(
          "key "
              + keyId
              + " of "
              + participant
              + " does not open under master key "
              + masterKey.id()
              + ": the stored row was altered or belongs to another participant or key");
    } catch (GeneralSecurityException e) {
      throw new SealedSeedException("key " + keyId + " of " + participant + " cannot be opened");
    } finally {
      Arrays.fill(key, (byte) 0);
    }
  }

  static byte[] aad(String participant, String keyId, String masterKeyId) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(AAD_DOMAIN);
    for (String part : new String[] {participant, keyId, masterKeyId}) {
      byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
      if (bytes.length > 0xFFFF) {
        throw new IllegalArgumentException("custody AAD part longer than 65535 bytes");
      }
      out.write(bytes.length >>> 8);
      out.write(bytes.length & 0xFF);
      out.writeBytes(bytes);
    }
    return out.toByteArray();
  }
}
