package org.markproof.contracts.label;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.markproof.contracts.MalformedDataException;

class GtinTest {
  // Pass/fail pairs of the syntax dictionary's csum linter unit tests (src/lint_csum.c).
  @ParameterizedTest
  @CsvSource({
    "02345673, 00000002345673",
    "416000336108, 00416000336108",
    "1234567890128, 01234567890128",
    "12345678901231, 12345678901231"
  })
  void normalisesGtin8To13AndKeepsGtin14(String text, String fourteen) throws Exception {
    assertEquals(fourteen, Gtin.parse(text).digits());
  }

  @ParameterizedTest
  @ValueSource(strings = {"12345673", "416000336109", "1234567890129", "12345678901232"})
  void rejectsWrongCheckDigitNamingTheExpectedOne(String text) {
    MalformedDataException e = assertThrows(MalformedDataException.class, () -> Gtin.parse(text));
    assertTrue(e.getMessage().contains("check digit"), e.getMessage());
    assertTrue(e.getMessage().contains("expected"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "1234567", "123456789", "123456789012345", "0952012345678x"})
  void rejectsWrongLengthOrNonDigits(String text) {
    assertThrows(MalformedDataException.class, () -> Gtin.parse(text));
  }

  @Test
  void checkDigitAgreesWithNaiveReferenceOnRandomNumbers() throws Exception {
    java.util.SplittableRandom random = new java.util.SplittableRandom(7);
    List<String> failures = new ArrayList<>();
    for (int n = 0; n < 2000; n++) {
      StringBuilder body = new StringBuilder();
      for (int i = 0; i < 13; i++) {
        body.append((char) ('0' + random.nextInt(10)));
      }
      int sum = 0;
      for (int i = 0; i < 13; i++) {
        // Positions from the left in a GTIN-14 body: odd positions weigh 3.
        sum += (body.charAt(i) - '0') * (i % 2 == 0 ? 3 : 1);
      }
      int reference = (10 - sum % 10) % 10;
      if (Gs1CheckDigit.compute(body) != reference) {
        failures.add(body.toString());
      }
      assertEquals(body.toString() + reference, Gtin.parse(body.toString() + reference).digits());
    }
    assertEquals(List.of(), failures);
  }
}
