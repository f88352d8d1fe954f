package org.markproof.contracts.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.markproof.contracts.MalformedDataException;
import org.markproof.contracts.crypto.Ed25519Batch.Signed;
import org.markproof.contracts.note.TestKeys;

class Ed25519BatchTest {
  private static final HexFormat HEX = HexFormat.of();
  private static final SecureRandom RANDOM = new SecureRandom();

  private record Case(int id, boolean valid, Signed signed) {}

  private static List<Case> wycheproof() throws IOException {
    JsonNode root = new ObjectMapper().readTree(TestKeys.bytes("wycheproof/ed25519_test.json"));
    List<Case> cases = new ArrayList<>();
    for (JsonNode group : root.get("testGroups")) {
      Ed25519PublicKey key;
      try {
        key = Ed25519PublicKey.of(HEX.parseHex(group.get("publicKey").get("pk").asText()));
      } catch (MalformedDataException e) {
        throw new AssertionError("every key of the pinned file decodes", e);
      }
      for (JsonNode test : group.get("tests")) {
        String result = test.get("result").asText();
        assertTrue(result.equals("valid") || result.equals("invalid"), result);
        cases.add(
            new Case(
                test.get("tcId").asInt(),
                result.equals("valid"),
                new Signed(
                    key,
                    HEX.parseHex(test.get("msg").asText()),
                    HEX.parseHex(test.get("sig").asText()))));
      }
    }
    assertEquals(151, cases.size());
    return cases;
  }

  @Test
  void everyWycheproofCaseAloneGetsTheExpectedVerdict() throws IOException {
    List<String> wrong = new ArrayList<>();
    for (Case c : wycheproof()) {
      boolean verified = Ed25519Batch.verify(List.of(c.signed()))[0];
      if (verified != c.valid()) {
        wrong.add("tcId " + c.id() + ": expected " + c.valid() + ", got " + verified);
      }
    }
    assertEquals(List.of(), wrong);
  }

  @Test
  void allWycheproofCasesInOneBatchGetTheirOwnVerdicts() throws IOException {
    List<Case> cases = wycheproof();
    boolean[] verified = Ed25519Batch.verify(cases.stream().map(Case::signed).toList());
    boolean[] expected = new boolean[cases.size()];
    for (int i = 0; i < cases.size(); i++) {
      expected[i] = cases.get(i).valid();
    }
    assertArrayEquals(expected, verified);
  }

  @Test
  void theValidWycheproofCasesVerifyAsOneBatch() throws IOException {
    List<Signed> valid = wycheproof().stream().filter(Case::valid).map(Case::signed).toList();
    assertEquals(88, valid.size());
    boolean[] verified = Ed25519Batch.verify(valid);
    boolean[] all = new boolean[valid.size()];
    java.util.Arrays.fill(all, true);
    assertArrayEquals(all, verified);
  }

  private static List<Signed> signedByFewKeys(int count, int keys) {
    List<Ed25519PrivateKey> signers = new ArrayList<>();
    for (int k = 0; k < keys; k++) {
      signers.add(Ed25519PrivateKey.generate(RANDOM));
    }
    List<Signed> batch = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Ed25519PrivateKey signer = signers.get(i % keys);
      byte[] message = ("entry " + i + " " + "x".repeat(i % 300)).getBytes(StandardCharsets.UTF_8);
      batch.add(new Signed(signer.publicKey(), message, Ed25519Signatures.sign(signer, message)));
    }
    return batch;
  }

  @Test
  void aBatchOfGoodSignaturesByFewKeysVerifiesWhole() {
    List<Signed> batch = signedByFewKeys(300, 3);
    boolean[] verified = Ed25519Batch.verify(batch);
    for (int i = 0; i < batch.size(); i++) {
      assertTrue(verified[i], "signature " + i);
    }
  }

  @Test
  void oneBadSignatureAmongGoodOnesIsTheOnlyOneRefused() {
    Random pick = new Random(20261127);
    for (String flaw : List.of("R", "S", "message", "key")) {
      List<Signed> batch = new ArrayList<>(signedByFewKeys(64, 2));
      int bad = pick.nextInt(batch.size());
      Signed good = batch.get(bad);
      byte[] signature = good.signature().clone();
      byte[] message = good.message().clone();
      Ed25519PublicKey key = good.key();
      switch (flaw) {
        case "R" -> signature[3] ^= 0x10;
        case "S" -> signature[40] ^= 0x01;
        case "message" -> message[0] ^= 0x01;
        default -> key = Ed25519PrivateKey.generate(RANDOM).publicKey();
      }
      batch.set(bad, new Signed(key, message, signature));
      boolean[] verified = Ed25519Batch.verify(batch);
      for (int i = 0; i < batch.size(); i++) {
        assertEquals(i != bad, verified[i], flaw + " flawed at " + bad + ", signature " + i);
      }
    }
  }

  @Test
  void theBatchAgreesWithBouncyCastleOnRandomGoodAndBadSignatures() {
    Random pick = new Random(7);
    List<Signed> batch = new ArrayList<>(signedByFewKeys(200, 5));
    for (int i = 0; i < batch.size(); i += 1 + pick.nextInt(9)) {
      Signed s = batch.get(i);
      byte[] signature = s.signature().clone();
      signature[pick.nextInt(64)] ^= (byte) (1 << pick.nextInt(8));
      batch.set(i, new Signed(s.key(), s.message(), signature));
    }
    boolean[] verified = Ed25519Batch.verify(batch);
    for (int i = 0; i < batch.size(); i++) {
      Signed s = batch.get(i);
      boolean single;
      try {
        Ed25519Signatures.verify(s.key(), s.message(), s.signature());
        single = true;
      } catch (SignatureVerificationException e) {
        single = false;
      }
      assertEquals(single, verified[i], "signature " + i);
    }
  }

  @Test
  void wrongLengthsAndAnSAtOrAboveTheOrderAreRefusedWithoutSpoilingTheBatch() {
    List<Signed> batch = new ArrayList<>(signedByFewKeys(10, 1));
    Signed first = batch.get(0);
    batch.add(new Signed(first.key(), first.message(), new byte[63]));
    batch.add(new Signed(first.key(), first.message(), null));
    // S + L: the same point equation, refused as a non-canonical scalar (malleability).
    byte[] sPlusL = first.signature().clone();
    BigInteger s = littleEndian(sPlusL, 32).add(Ed25519Batch.L);
    writeLittleEndian(s, sPlusL, 32);
    batch.add(new Signed(first.key(), first.message(), sPlusL));
    boolean[] verified = Ed25519Batch.verify(batch);
    for (int i = 0; i < 10; i++) {
      assertTrue(verified[i], "good signature " + i);
    }
    assertFalse(verified[10]);
    assertFalse(verified[11]);
    assertFalse(verified[12]);
  }

  @Test
  void keysOfSmallOrderNeverReachABatch() {
    // Under a key of small order, R = the neutral element and S = 0 satisfy the cofactored
    // equation for every message; the batch relies on Ed25519PublicKey.of refusing such keys.
    for (String encoding :
        List.of(
            "0100000000000000000000000000000000000000000000000000000000000000",
            "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
            "0000000000000000000000000000000000000000000000000000000000000000",
            "0000000000000000000000000000000000000000000000000000000000000080",
            "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05",
            "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a")) {
      assertThrows(
          MalformedDataException.class,
          () -> Ed25519PublicKey.of(HEX.parseHex(encoding)),
          encoding);
    }
  }

  @Test
  void anEmptyBatchHasNoAnswers() {
    assertEquals(0, Ed25519Batch.verify(List.of()).length);
  }

  @Test
  void theNonAdjacentFormAddsUpToTheNumberWithOddSmallDigitsSpacedApart() {
    Random random = new Random(11);
    for (int width : new int[] {2, 5, 8}) {
      for (int round = 0; round < 500; round++) {
        BigInteger n = new BigInteger(253, random);
        if (round == 0) {
          n =
              BigInteger.ONE
                  .shiftLeft(253)
                  .subtract(BigInteger.ONE); // all ones: carries to the top
        }
        int[] words = new int[8];
        for (int w = 0; w < 8; w++) {
          words[w] = n.shiftRight(32 * w).intValue();
        }
        byte[] digits = Ed25519Batch.wnaf(words, width, 253);
        BigInteger sum = BigInteger.ZERO;
        int last = -width;
        for (int i = digits.length - 1; i >= 0; i--) {
          sum = sum.shiftLeft(1).add(BigInteger.valueOf(digits[i]));
        }
        for (int i = 0; i < digits.length; i++) {
          if (digits[i] != 0) {
            assertEquals(1, Math.abs(digits[i]) % 2, "odd digit");
            assertTrue(Math.abs(digits[i]) < (1 << (width - 1)), "digit below 2^(w-1)");
            assertTrue(i - last >= width, "digits " + width + " apart");
            last = i;
          }
        }
        assertEquals(n, sum, "width " + width);
      }
    }
    assertThrows(
        IllegalArgumentException.class, () -> Ed25519Batch.wnaf(new int[] {-1, -1}, 5, 10));
  }

  private static BigInteger littleEndian(byte[] bytes, int offset) {
    byte[] bigEndian = new byte[32];
    for (int i = 0; i < 32; i++) {
      bigEndian[i] = bytes[offset + 31 - i];
    }
    return new BigInteger(1, bigEndian);
  }

  private static void writeLittleEndian(BigInteger value, byte[] into, int offset) {
    for (int i = 0; i < 32; i++) {
      into[offset + i] = value.shiftRight(8 * i).byteValue();
    }
  }
}
