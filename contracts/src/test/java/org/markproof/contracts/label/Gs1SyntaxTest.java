package org.markproof.contracts.label;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.markproof.contracts.MalformedDataException;

/** Cases from the syntax dictionary's linter unit tests (cset82, cset64, yymmd0). */
class Gs1SyntaxTest {
  private static final String CSET82 =
      "!\"%&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz";

  @Test
  void cset82IsExactlyTheEightyTwoCharactersOfTheDictionary() {
    StringBuilder members = new StringBuilder();
    for (char c = 0; c < 256; c++) {
      if (Gs1CharacterSets.isCset82(c)) {
        members.append(c);
      }
    }
    assertEquals(CSET82, members.toString());
    assertEquals(82, members.length());
  }

  @Test
  void cset64IsTheBase64UrlAlphabet() {
    StringBuilder members = new StringBuilder();
    for (char c = 0; c < 256; c++) {
      if (Gs1CharacterSets.isCset64(c)) {
        members.append(c);
      }
    }
    assertEquals(
        "-0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz", members.toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "123", "12", "12=", "1==", "0123456789-_"})
  void cset64AcceptsWhatTheLinterAccepts(String value) {
    assertDoesNotThrow(() -> Gs1CharacterSets.requireCset64("Z", value));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"===", "123=", "12==", "1===", "1234=", "123==", "12===", "=", " ", "AB C", "+"})
  void cset64RejectsWhatTheLinterRejects(String value) {
    assertThrows(MalformedDataException.class, () -> Gs1CharacterSets.requireCset64("Z", value));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"000606", "250606", "990606", "200131", "200229", "240229", "000229", "200600"})
  void yymmd0AcceptsRealDatesAndDayZero(String text) throws Exception {
    assertEquals(text, Gs1Date.parse("AI (17)", text).text());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "x00131", "20013x", "", "11111", "1111111", "200010", "201310", "200132", "200230",
        "200431", "210229", "230229", "040230"
      })
  void yymmd0RejectsWhatTheLinterRejects(String text) {
    assertThrows(MalformedDataException.class, () -> Gs1Date.parse("AI (17)", text));
  }

  @Test
  void violationsNameTheAiAndTheRule() {
    MalformedDataException length =
        assertThrows(
            MalformedDataException.class,
            () -> ApplicationIdentifier.SERIAL.validate("x".repeat(21)));
    assertTrue(length.getMessage().startsWith("AI (21)"), length.getMessage());
    assertTrue(length.getMessage().contains("X..20"), length.getMessage());
    MalformedDataException charset =
        assertThrows(
            MalformedDataException.class, () -> ApplicationIdentifier.BATCH_LOT.validate("A#B"));
    assertTrue(charset.getMessage().contains("AI (10)"), charset.getMessage());
    assertTrue(charset.getMessage().contains("CSET 82"), charset.getMessage());
    MalformedDataException signature =
        assertThrows(
            MalformedDataException.class,
            () -> ApplicationIdentifier.DIGITAL_SIGNATURE.validate("x".repeat(91)));
    assertTrue(signature.getMessage().contains("AI (8030)"), signature.getMessage());
  }

  @Test
  void signatureRequiresSerial() {
    MalformedDataException e =
        assertThrows(
            MalformedDataException.class,
            () -> Gs1Fields.of(Gtin.parse("09520123456788"), "B", null, null, "abc"));
    assertTrue(e.getMessage().contains("req=01+21"), e.getMessage());
  }
}
