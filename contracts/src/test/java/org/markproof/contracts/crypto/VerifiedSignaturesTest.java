package org.markproof.contracts.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.markproof.contracts.MalformedDataException;
import org.markproof.contracts.note.TestKeys;

class VerifiedSignaturesTest {
  private static final HexFormat HEX = HexFormat.of();
  private static final SecureRandom RANDOM = new SecureRandom();

  @Test
  void aSignatureThatVerifiedIsRememberedAndVerifiesAgain() throws Exception {
    Ed25519PrivateKey key = Ed25519PrivateKey.generate(RANDOM);
    byte[] message = "entry".getBytes(StandardCharsets.UTF_8);
    byte[] signature = Ed25519Signatures.sign(key, message);
    VerifiedSignatures memo = new VerifiedSignatures(1024);

    assertFalse(memo.remembers(key.publicKey(), message, signature));
    memo.verify(key.publicKey(), message, signature);
    assertTrue(memo.remembers(key.publicKey(), message, signature));
    memo.verify(key.publicKey(), message, signature);
  }

  @Test
  void aSignatureMadeHereIsRealAndRememberedUnderItsOwnKeyOnly() throws Exception {
    Ed25519PrivateKey key = Ed25519PrivateKey.generate(RANDOM);
    Ed25519PrivateKey other = Ed25519PrivateKey.generate(RANDOM);
    byte[] message = "a custodial entry".getBytes(StandardCharsets.UTF_8);
    VerifiedSignatures memo = new VerifiedSignatures(1024);

    byte[] signature = memo.sign(key, message);

    assertTrue(java.util.Arrays.equals(Ed25519Signatures.sign(key, message), signature));
    assertTrue(Ed25519Batch.verifyOne(key.publicKey(), message, signature));
    assertTrue(memo.remembers(key.publicKey(), message, signature));
    assertFalse(memo.remembers(other.publicKey(), message, signature));
    assertFalse(
        memo.remembers(key.publicKey(), "another".getBytes(StandardCharsets.UTF_8), signature));
    assertThrows(
        SignatureVerificationException.class,
        () -> memo.verify(other.publicKey(), message, signature),
        "remembered under its own key, never under another");
    byte[] elsewhere = VerifiedSignatures.none().sign(key, message);
    assertTrue(java.util.Arrays.equals(signature, elsewhere));
    assertFalse(VerifiedSignatures.none().remembers(key.publicKey(), message, elsewhere));
  }

  @Test
  void aBatchRemembersWhatVerifiedAndNothingElse() throws Exception {
    Ed25519PrivateKey key = Ed25519PrivateKey.generate(RANDOM);
    VerifiedSignatures memo = new VerifiedSignatures(1 << 10);
    List<Ed25519Batch.Signed> batch = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      byte[] message = ("entry " + i).getBytes(StandardCharsets.UTF_8);
      batch.add(
          new Ed25519Batch.Signed(key.publicKey(), message, Ed25519Signatures.sign(key, message)));
    }
    byte[] forged = batch.get(7).signature().clone();
    forged[50] ^= 4;
    batch.set(7, new Ed25519Batch.Signed(key.publicKey(), batch.get(7).message(), forged));
    // One of them already remembered: answered without being verified again.
    memo.verify(key.publicKey(), batch.get(3).message(), batch.get(3).signature());

    boolean[] verified = memo.verifyAll(batch);

    for (int i = 0; i < batch.size(); i++) {
      Ed25519Batch.Signed signed = batch.get(i);
      assertEquals(i != 7, verified[i], "signature " + i);
      assertEquals(i != 7, memo.remembers(signed.key(), signed.message(), signed.signature()));
    }
    assertThrows(
        SignatureVerificationException.class,
        () -> memo.verify(key.publicKey(), batch.get(7).message(), forged));
    assertEquals(20, VerifiedSignatures.none().verifyAll(batch).length);
    assertFalse(VerifiedSignatures.none().verifyAll(batch)[7]);
  }

  @Test
  void aRememberedSignatureDoesNotVouchForAnotherMessageKeyOrSignature() throws Exception {
    Ed25519PrivateKey key = Ed25519PrivateKey.generate(RANDOM);
    Ed25519PrivateKey other = Ed25519PrivateKey.generate(RANDOM);
    byte[] message = "entry".getBytes(StandardCharsets.UTF_8);
    byte[] signature = Ed25519Signatures.sign(key, message);
    VerifiedSignatures memo = new VerifiedSignatures(VerifiedSignatures.WAYS);
    memo.verify(key.publicKey(), message, signature);

    byte[] otherMessage = "entrY".getBytes(StandardCharsets.UTF_8);
    assertThrows(
        SignatureVerificationException.class,
        () -> memo.verify(key.publicKey(), otherMessage, signature));
    assertThrows(
        SignatureVerificationException.class,
        () -> memo.verify(other.publicKey(), message, signature));
    byte[] flipped = signature.clone();
    flipped[10] ^= 1;
    assertThrows(
        SignatureVerificationException.class, () -> memo.verify(key.publicKey(), message, flipped));
    assertFalse(memo.remembers(key.publicKey(), message, flipped));
    assertThrows(
        SignatureVerificationException.class,
        () -> memo.verify(key.publicKey(), message, new byte[63]));
    assertTrue(memo.remembers(key.publicKey(), message, signature));
  }

  @Test
  void noneRemembersNothing() throws Exception {
    Ed25519PrivateKey key = Ed25519PrivateKey.generate(RANDOM);
    byte[] message = "entry".getBytes(StandardCharsets.UTF_8);
    byte[] signature = Ed25519Signatures.sign(key, message);
    VerifiedSignatures none = VerifiedSignatures.none();

    none.verify(key.publicKey(), message, signature);
    assertFalse(none.remembers(key.publicKey(), message, signature));
    byte[] flipped = signature.clone();
    flipped[0] ^= 1;
    assertThrows(
        SignatureVerificationException.class, () -> none.verify(key.publicKey(), message, flipped));
  }

  /**
   * A memo of one set: the signatures placed in it stay until {@link VerifiedSignatures#WAYS} later
   * ones came, then leave oldest first; one met again is not placed twice.
   */
  @Test
  void aSetKeepsItsLatestSignaturesAndLetsTheOldestGo() throws Exception {
    Ed25519PrivateKey key = Ed25519PrivateKey.generate(RANDOM);
    VerifiedSignatures memo = new VerifiedSignatures(VerifiedSignatures.WAYS);
    List<byte[]> messages = new ArrayList<>();
    List<byte[]> signatures = new ArrayList<>();
    for (int i = 0; i <= VerifiedSignatures.WAYS + 1; i++) {
      messages.add(("entry " + i).getBytes(StandardCharsets.UTF_8));
      signatures.add(Ed25519Signatures.sign(key, messages.get(i)));
    }
    for (int i = 0; i < VerifiedSignatures.WAYS; i++) {
      memo.verify(key.publicKey(), messages.get(i), signatures.get(i));
    }
    // The first, met again, is not placed a second time: all four stay.
    memo.verify(key.publicKey(), messages.get(0), signatures.get(0));
    for (int i = 0; i < VerifiedSignatures.WAYS; i++) {
      assertTrue(memo.remembers(key.publicKey(), messages.get(i), signatures.get(i)), "#" + i);
    }

    memo.verifyAll(
        List.of(
            new Ed25519Batch.Signed(
                key.publicKey(),
                messages.get(VerifiedSignatures.WAYS),
                signatures.get(VerifiedSignatures.WAYS))));
    assertFalse(memo.remembers(key.publicKey(), messages.get(0), signatures.get(0)), "oldest");
    for (int i = 1; i <= VerifiedSignatures.WAYS; i++) {
      assertTrue(memo.remembers(key.publicKey(), messages.get(i), signatures.get(i)), "#" + i);
    }

    byte[] made = memo.sign(key, messages.get(VerifiedSignatures.WAYS + 1));
    assertTrue(java.util.Arrays.equals(signatures.get(VerifiedSignatures.WAYS + 1), made));
    assertFalse(memo.remembers(key.publicKey(), messages.get(1), signatures.get(1)), "next oldest");
    for (int i = 2; i <= VerifiedSignatures.WAYS + 1; i++) {
      assertTrue(memo.remembers(key.publicKey(), messages.get(i), signatures.get(i)), "#" + i);
    }
  }

  @Test
  void capacityMustBeAPowerOfTwo() {
    assertThrows(IllegalArgumentException.class, () -> new VerifiedSignatures(0));
    assertThrows(IllegalArgumentException.class, () -> new VerifiedSignatures(1));
    assertThrows(IllegalArgumentException.class, () -> new VerifiedSignatures(2));
    assertThrows(IllegalArgumentException.class, () -> new VerifiedSignatures(1000));
    assertThrows(IllegalArgumentException.class, () -> new VerifiedSignatures(1 << 25));
  }

  /**
   * Every Wycheproof case, twice, through one small memo whose slots are overwritten all the time:
   * the memo's answer is the plain verifier's answer, the first time and the second.
   */
  @Test
  void theMemoAgreesWithPlainVerificationOnEveryWycheproofCase() throws Exception {
    JsonNode root = new ObjectMapper().readTree(TestKeys.bytes("wycheproof/ed25519_test.json"));
    VerifiedSignatures memo = new VerifiedSignatures(4);
    List<String> disagreements = new ArrayList<>();
    int remembered = 0;
    for (int round = 0; round < 2; round++) {
      for (JsonNode group : root.get("testGroups")) {
        Ed25519PublicKey key;
        try {
          key = Ed25519PublicKey.of(HEX.parseHex(group.get("publicKey").get("pk").asText()));
        } catch (MalformedDataException e) {
          continue;
        }
        for (JsonNode test : group.get("tests")) {
          byte[] message = HEX.parseHex(test.get("msg").asText());
          byte[] signature = HEX.parseHex(test.get("sig").asText());
          boolean plain = verifies(() -> Ed25519Signatures.verify(key, message, signature));
          boolean memoised = verifies(() -> memo.verify(key, message, signature));
          if (plain != memoised) {
            disagreements.add("tcId " + test.get("tcId").asInt() + " round " + round);
          }
          if (memo.remembers(key, message, signature)) {
            remembered++;
            if (!plain) {
              disagreements.add("tcId " + test.get("tcId").asInt() + " remembered though invalid");
            }
          }
        }
      }
    }
    assertEquals(List.of(), disagreements);
    assertEquals(2 * 88, remembered, "each valid case is remembered right after it verified");
  }

  private interface Check {
    void run() throws SignatureVerificationException;
  }

  private static boolean verifies(Check check) {
    try {
      check.run();
      return true;
    } catch (SignatureVerificationException e) {
      return false;
    }
  }
}
