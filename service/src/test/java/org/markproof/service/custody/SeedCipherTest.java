package org.markproof.service.custody;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

/** AES-256-GCM sealing of seeds: what opens, and every change that must stop it from opening. */
class SeedCipherTest {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String KEY_ID = "kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k";

  private final SeedCipher cipher = new SeedCipher(RANDOM);
  private final MasterKey master = randomMasterKey();
  private final byte[] seed = randomBytes(32);

  @Test
  void opensWhatItSealed() throws SealedSeedException {
    SealedSeed sealed = cipher.seal(master, "acme", KEY_ID, seed);
    assertEquals(master.id(), sealed.masterKeyId());
    assertEquals(12, sealed.nonce().length);
    assertEquals(48, sealed.ciphertext().length);
    assertArrayEquals(seed, cipher.open(master, "acme", KEY_ID, sealed));
  }

  @Test
  void sealsTheSameSeedDifferentlyEachTime() {
    SealedSeed first = cipher.seal(master, "acme", KEY_ID, seed);
    SealedSeed second = cipher.seal(master, "acme", KEY_ID, seed);
    assertNotEquals(first, second);
  }

  @Test
  void anotherMasterKeyDoesNotOpenIt() {
    SealedSeed sealed = cipher.seal(master, "acme", KEY_ID, seed);
    SealedSeedException e =
        assertThrows(
            SealedSeedException.class,
            () -> cipher.open(randomMasterKey(), "acme", KEY_ID, sealed));
    assertTrue(e.getMessage().contains(master.id()), e.getMessage());
  }

  @Test
  void aSealRelabelledAsAnotherMasterKeysDoesNotOpenWithThatKey() {
    MasterKey other = randomMasterKey();
    SealedSeed sealed = cipher.seal(master, "acme", KEY_ID, seed);
    SealedSeed relabelled = new SealedSeed(other.id(), sealed.nonce(), sealed.ciphertext());
    assertThrows(SealedSeedException.class, () -> cipher.open(other, "acme", KEY_ID, relabelled));
  }

  @Test
  void aSealMovedToAnotherParticipantDoesNotOpen() {
    SealedSeed sealed = cipher.seal(master, "acme", KEY_ID, seed);
    assertThrows(SealedSeedException.class, () -> cipher.open(master, "initech", KEY_ID, sealed));
  }

  @Test
  void aSealRelabelledAsAnotherKeyIdDoesNotOpen() {
    SealedSeed sealed = cipher.seal(master, "acme", KEY_ID, seed);
    String otherKeyId = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
    assertThrows(SealedSeedException.class, () -> cipher.open(master, "acme", otherKeyId, sealed));
  }

  @Test
  void aFlippedBitInTheCiphertextOrNonceDoesNotOpen() {
    SealedSeed sealed = cipher.seal(master, "acme", KEY_ID, seed);
    for (int i = 0; i < sealed.ciphertext().length; i++) {
      byte[] tampered = sealed.ciphertext();
      tampered[i] ^= 0x01;
      SealedSeed bad = new SealedSeed(master.id(), sealed.nonce(), tampered);
      assertThrows(SealedSeedException.class, () -> cipher.open(master, "acme", KEY_ID, bad));
    }
    byte[] nonce = sealed.nonce();
    nonce[0] ^= 0x01;
    SealedSeed badNonce = new SealedSeed(master.id(), nonce, sealed.ciphertext());
    assertThrows(SealedSeedException.class, () -> cipher.open(master, "acme", KEY_ID, badNonce));
  }

  @Test
  void theAadKeepsItsPartsApart() {
    assertNotEquals(
        java.util.HexFormat.of().formatHex(SeedCipher.aad("ab", "c", "d")),
        java.util.HexFormat.of().formatHex(SeedCipher.aad("a", "bc", "d")));
  }

  @Test
  void masterKeyIdsDifferPerKeyAndNeverShowTheKey() {
    MasterKey other = randomMasterKey();
    assertNotEquals(master.id(), other.id());
    assertTrue(master.id().matches("[0-9a-f]{16}"), master.id());
    assertEquals("MasterKey[" + master.id() + "]", master.toString());
  }

  static MasterKey randomMasterKey() {
    return MasterKey.of(randomBytes(32));
  }

  static byte[] randomBytes(int n) {
    byte[] bytes = new byte[n];
    RANDOM.nextBytes(bytes);
    return bytes;
  }
}
