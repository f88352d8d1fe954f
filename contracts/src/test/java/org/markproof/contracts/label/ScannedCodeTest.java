package org.markproof.contracts.label;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ScannedCodeTest {
  private static final String LINK =
      "https://id.example.com/01/09520123456788/10/LOT1/21/SN1?8030="
          + "MW_YqV7WklvV_Fbq6sNaMbNhB3yL8W4rRfe0MMCnKTdez67RTDgY6J1BL91AK0pshujtfLFSeJUxktGf7oeJCg";

  @Test
  void classifiesDigitalLinkWithOrWithoutSymbologyIdentifier() {
    assertInstanceOf(ScannedCode.DigitalLinkUri.class, ScannedCode.parse(LINK));
    assertInstanceOf(ScannedCode.DigitalLinkUri.class, ScannedCode.parse("]Q1" + LINK));
    assertInstanceOf(ScannedCode.DigitalLinkUri.class, ScannedCode.parse("]d1" + LINK));
  }

  @Test
  void classifiesElementStrings() {
    ScannedCode dataMatrix = ScannedCode.parse("]d2\u001d010952012345678810LOT1\u001d21SN1");
    ScannedCode.Gs1ElementString element =
        assertInstanceOf(ScannedCode.Gs1ElementString.class, dataMatrix);
    assertEquals("]d2", element.symbologyIdentifier());
    assertEquals("SN1", element.data().serial().orElseThrow());
    assertInstanceOf(
        ScannedCode.Gs1ElementString.class, ScannedCode.parse("]C1010952012345678810LOT1"));
    assertInstanceOf(
        ScannedCode.Gs1ElementString.class, ScannedCode.parse("(01)09520123456788(21)X"));
    assertInstanceOf(ScannedCode.Gs1ElementString.class, ScannedCode.parse("010952012345678821X"));
  }

  @Test
  void classifiesRetailNumbersAsGtinOnly() {
    ScannedCode.RetailNumber ean13 =
        assertInstanceOf(ScannedCode.RetailNumber.class, ScannedCode.parse("4006381333931"));
    assertEquals(RetailGtin.Format.EAN_13, ean13.retail().format());
    assertEquals("04006381333931", ean13.gtin().orElseThrow().digits());
    assertTrue(ean13.fields().orElseThrow().serial().isEmpty());
    assertEquals(
        RetailGtin.Format.UPC_A,
        assertInstanceOf(ScannedCode.RetailNumber.class, ScannedCode.parse("]E0416000336108"))
            .retail()
            .format());
    assertEquals(
        RetailGtin.Format.EAN_8,
        assertInstanceOf(ScannedCode.RetailNumber.class, ScannedCode.parse("02345673"))
            .retail()
            .format());
  }

  @Test
  void reportsMalformedWithAReason() {
    for (String text :
        new String[] {
          "",
          "hello",
          "4006381333932",
          "]",
          "]d",
          "]d2",
          "http://",
          "HtTpS://a/01/x",
          "(01",
          "0109520123456789",
          "12345",
          "\u001d",
          "]C1\u001d\u001d"
        }) {
      ScannedCode code = ScannedCode.parse(text);
      ScannedCode.Malformed malformed = assertInstanceOf(ScannedCode.Malformed.class, code, text);
      assertTrue(!malformed.reason().isBlank(), text);
    }
    assertInstanceOf(ScannedCode.Malformed.class, ScannedCode.parse(null));
    assertInstanceOf(ScannedCode.Malformed.class, ScannedCode.parse("1".repeat(5000)));
  }

  @Test
  void neverThrowsOnRandomOrMutatedText() {
    SplittableRandom random = new SplittableRandom(20261126);
    String alphabet = "0123456789()]dCQe/:?&=%+#-_.~ \u001dhtpsHTPSabcxyzé\u0000\uffff";
    List<String> seeds =
        List.of(
            LINK,
            "]d2\u001d010952012345678817261231" + "10LOT1\u001d21SN1\u001d8030abc",
            "(01)09520123456788(10)A\\(B(21)C",
            "4006381333931");
    List<String> failures = new ArrayList<>();
    for (int n = 0; n < 50_000; n++) {
      String text;
      if (n % 2 == 0) {
        StringBuilder random1 = new StringBuilder();
        int length = random.nextInt(120);
        for (int i = 0; i < length; i++) {
          random1.append(
              random.nextInt(8) == 0
                  ? (char) random.nextInt(0x10000)
                  : alphabet.charAt(random.nextInt(alphabet.length())));
        }
        text = random1.toString();
      } else {
        StringBuilder mutated = new StringBuilder(seeds.get(random.nextInt(seeds.size())));
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits && mutated.length() > 0; e++) {
          int at = random.nextInt(mutated.length());
          switch (random.nextInt(3)) {
            case 0 -> mutated.deleteCharAt(at);
            case 1 -> mutated.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
            default -> mutated.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
          }
        }
        text = mutated.toString();
      }
      try {
        ScannedCode code = ScannedCode.parse(text);
        if (code == null) {
          failures.add("null for " + text);
        }
      } catch (RuntimeException e) {
        failures.add(e + " for " + text);
      }
    }
    assertEquals(List.of(), failures);
  }
}
