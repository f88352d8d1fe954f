package org.markproof.service.labels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.markproof.contracts.MalformedDataException;
import org.markproof.contracts.label.ApplicationIdentifier;

/** Random serials: AI (21) syntax, at least 64 bits of entropy, every symbol equally likely. */
class SerialGeneratorTest {
  private final SerialGenerator generator = new SerialGenerator(new SecureRandom());

  @Test
  void serialsAreValidAi21ValuesOfSixteenBase32Characters() throws MalformedDataException {
    for (String serial : generator.next(1_000)) {
      assertEquals(SerialGenerator.LENGTH, serial.length(), serial);
      assertTrue(serial.length() <= 20, serial);
      ApplicationIdentifier.SERIAL.validate(serial);
      for (char c : serial.toCharArray()) {
        assertTrue(SerialGenerator.ALPHABET.indexOf(c) >= 0, serial);
      }
    }
  }

  @Test
  void carriesAtLeastSixtyFourBitsOfEntropy() {
    assertEquals(32, SerialGenerator.ALPHABET.chars().distinct().count());
    assertTrue(SerialGenerator.ENTROPY_BITS >= 64, "entropy " + SerialGenerator.ENTROPY_BITS);
    assertEquals(
        SerialGenerator.ENTROPY_BITS,
        (int) Math.round(SerialGenerator.LENGTH * Math.log(32) / Math.log(2)));
  }

  @Test
  void everySymbolIsEquallyLikelyAtEveryPosition() {
    int draws = 32_000;
    int[][] counts = new int[SerialGenerator.LENGTH][32];
    for (int i = 0; i < draws; i++) {
      String serial = generator.next();
      for (int p = 0; p < serial.length(); p++) {
        counts[p][SerialGenerator.ALPHABET.indexOf(serial.charAt(p))]++;
      }
    }
    double expected = draws / 32.0;
    for (int p = 0; p < SerialGenerator.LENGTH; p++) {
      double chiSquare = 0;
      for (int count : counts[p]) {
        chiSquare += (count - expected) * (count - expected) / expected;
      }
      // 31 degrees of freedom: P(chi2 > 70) is below 1e-4 for a uniform source; a symbol
      // stuck or missing (a bit dropped in the base32 packing) gives thousands.
      assertTrue(chiSquare < 70, "position " + p + " chi2 " + chiSquare);
    }
  }

  @Test
  void aRequestNeverGetsOneSerialTwice() {
    List<String> serials = generator.next(10_000);
    assertEquals(10_000, new HashSet<>(serials).size());
  }

  @Test
  void aFixedSourceGivesAFixedSerialSoRandomnessIsTheCallers() {
    SecureRandom zeros =
        new SecureRandom() {
          private static final long serialVersionUID = 1L;

          @Override
          public void nextBytes(byte[] bytes) {
            java.util.Arrays.fill(bytes, (byte) 0);
          }
        };
    assertEquals("AAAAAAAAAAAAAAAA", new SerialGenerator(zeros).next());
    Set<String> two = Set.of(generator.next(), generator.next());
    assertNotEquals(1, two.size());
  }
}
