package org.markproof.service.custody;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
 * 2-byte big-endian length and its UTF-8 bytes: unambiguous whatever the values contain. A batch's
 * label key is sealed the same way under the domain {@code "markproof/custody/label-seed/v1"} with
 * issuer, GTIN, batch, key id and master key id.
 */
public final class SeedCipher {
  private static final String TRANSFORMATION = "AES/GCM/NoPadding";
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final byte[] AAD_DOMAIN =
      "markproof/custody/seed/v1".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] LABEL_AAD_DOMAIN =
      "markproof/custody/label-seed/v1".getBytes(StandardCharsets.US_ASCII);

  private final SecureRandom random;

  public SeedCipher(SecureRandom random) {
    this.random = random;
  }

  /** Seals {@code seed} under {@code masterKey} for {@code participant}'s key {@code keyId}. */
  public SealedSeed seal(MasterKey masterKey, String participant, String keyId, byte[] seed) {
    return seal(masterKey, Binding.participant(participant, keyId), seed);
  }

  /**
   * Opens {@code sealed} with {@code masterKey}; the caller wipes the returned seed after use.
   *
   * @throws SealedSeedException if {@code masterKey} is not the key it was sealed under, or the
   *     ciphertext, nonce, participant or key id differ from what was sealed
   */
  public byte[] open(MasterKey masterKey, String participant, String keyId, SealedSeed sealed)
      throws SealedSeedException {
    return open(masterKey, Binding.participant(participant, keyId), sealed);
  }

  /**
   * Seals the seed of a batch's label key {@code keyId}, bound to {@code issuer}, {@code gtin} and
   * {@code batch} under a domain of its own ({@code "markproof/custody/label-seed/v1"}), so that it
   * opens neither as a participant's key nor as another batch's.
   */
  public SealedSeed sealLabelSeed(
      MasterKey masterKey, String issuer, String gtin, String batch, String keyId, byte[] seed) {
    return seal(masterKey, Binding.labelKey(issuer, gtin, batch, keyId), seed);
  }

  /**
   * Opens a label key's seed sealed by {@link #sealLabelSeed}; the caller wipes it after use.
   *
   * @throws SealedSeedException as {@link #open(MasterKey, String, String, SealedSeed)}, or if
   *     issuer, gtin or batch differ from what was sealed
   */
  public byte[] openLabelSeed(
      MasterKey masterKey,
      String issuer,
      String gtin,
      String batch,
      String keyId,
      SealedSeed sealed)
      throws SealedSeedException {
    return open(masterKey, Binding.labelKey(issuer, gtin, batch, keyId), sealed);
  }

  private SealedSeed seal(MasterKey masterKey, Binding binding, byte[] seed) {
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    byte[] key = masterKey.keyBytes();
    try {
      Cipher cipher = Cipher.getInstance(TRANSFORMATION);
      cipher.init(
          Cipher.ENCRYPT_MODE,
          new SecretKeySpec(key, "AES"),
          new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(binding.aad(masterKey.id()));
      return new SealedSeed(masterKey.id(), nonce, cipher.doFinal(seed));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-256-GCM is required of every Java platform", e);
    } finally {
      Arrays.fill(key, (byte) 0);
    }
  }

  private byte[] open(MasterKey masterKey, Binding binding, SealedSeed sealed)
      throws SealedSeedException {
    if (!masterKey.id().equals(sealed.masterKeyId())) {
      throw new SealedSeedException(
          binding.description()
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
      cipher.updateAAD(binding.aad(sealed.masterKeyId()));
      return cipher.doFinal(sealed.ciphertext());
    } catch (AEADBadTagException e) {
      throw new SealedSeedException(
          binding.description()
              + " does not open under master key "
              + masterKey.id()
              + ": the stored row was altered or belongs to another owner or key");
    } catch (GeneralSecurityException e) {
      throw new SealedSeedException(binding.description() + " cannot be opened");
    } finally {
      Arrays.fill(key, (byte) 0);
    }
  }

  /** What a seal is bound to: an AAD domain, the values after it, and how to name it in errors. */
  private record Binding(byte[] domain, String description, List<String> parts) {
    static Binding participant(String participant, String keyId) {
      return new Binding(
          AAD_DOMAIN, "key " + keyId + " of " + participant, List.of(participant, keyId));
    }

    static Binding labelKey(String issuer, String gtin, String batch, String keyId) {
      return new Binding(
          LABEL_AAD_DOMAIN,
          "label key " + keyId + " of batch " + gtin + "/" + batch + " issued by " + issuer,
          List.of(issuer, gtin, batch, keyId));
    }

    byte[] aad(String masterKeyId) {
      List<String> all = new ArrayList<>(parts);
      all.add(masterKeyId);
      return SeedCipher.aad(domain, all);
    }
  }

  static byte[] aad(String participant, String keyId, String masterKeyId) {
    return aad(AAD_DOMAIN, List.of(participant, keyId, masterKeyId));
  }

  private static byte[] aad(byte[] domain, List<String> parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(domain);
    for (String part : parts) {
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
