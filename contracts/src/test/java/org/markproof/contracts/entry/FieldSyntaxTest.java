package org.markproof.contracts.entry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The syntax checks are loops over characters; here each is held to the regular expression that
 * states its rule, on strings drawn from the rule's characters, their neighbours and a few others.
 */
class FieldSyntaxTest {
  private static final String ALPHABET =
      "AZaz09_-.:@/!\"%&'()*+,;<=>?# `{|}~[]\\^$éЖ\u00a0\u0000\t"
          + "BCDEFGHIJKLMNOPQRSTUVWXYbcdefghijklmnopqrstuvwxy12345678";

  /** Mostly characters of {@code likely}; one in {@code 1/odd} from the whole alphabet. */
  private static String draw(Random random, int maxLength, String likely) {
    int length = random.nextInt(maxLength + 1);
    boolean clean = random.nextBoolean();
    StringBuilder s = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      String from = clean || random.nextInt(8) > 0 ? likely : ALPHABET;
      s.append(from.charAt(random.nextInt(from.length())));
    }
    return s.toString();
  }

  private static void agrees(
      String rule, java.util.function.Predicate<String> check, int maxLength, String likely) {
    Pattern pattern = Pattern.compile(rule);
    Random random = new Random(rule.hashCode());
    int matched = 0;
    for (int i = 0; i < 20_000; i++) {
      String value = draw(random, maxLength, likely);
      matched += pattern.matcher(value).matches() ? 1 : 0;
      assertEquals(pattern.matcher(value).matches(), check.test(value), rule + " on " + value);
    }
    // Both answers drawn often enough to mean something.
    org.junit.jupiter.api.Assertions.assertTrue(matched > 2_000 && matched < 18_000, "" + matched);
  }

  @Test
  void identifiersAreALetterOrDigitThenLettersDigitsOrDotUnderscoreColonAtHyphen() {
    agrees(
        "[A-Za-z0-9][A-Za-z0-9._:@-]{0," + (EntryLimits.MAX_IDENTIFIER_LENGTH - 1) + "}",
        v -> FieldSyntax.identifier(v) == null,
        EntryLimits.MAX_IDENTIFIER_LENGTH + 4,
        "Aa0Zz9._:@-");
  }

  @Test
  void registrationNumbersAreALetterOrDigitThenLettersDigitsOrDotSlashHyphen() {
    agrees(
        "[A-Za-z0-9][A-Za-z0-9./-]{0," + (EntryLimits.MAX_REGISTRATION_NUMBER_LENGTH - 1) + "}",
        v -> FieldSyntax.registrationNumber(v) == null,
        EntryLimits.MAX_REGISTRATION_NUMBER_LENGTH + 4,
        "Aa0Zz9./-");
  }

  @Test
  void batchesAndSerialsAreOneToTwentyCharactersOfCset82() {
    agrees(
        "[!\"%&'()*+,\\-./0-9:;<=>?A-Z_a-z]{1,20}",
        v -> FieldSyntax.gs1Cset82(v) == null, 24, "!\"%&'()*+,-./09:;<=>?AZ_az");
  }

  @Test
  void companyPrefixesAreFourToTwelveDigits() {
    Pattern rule = Pattern.compile("[0-9]{4,12}");
    Random random = new Random(5);
    for (int i = 0; i < 20_000; i++) {
      String value =
          random.nextInt(4) == 0
              ? draw(random, 14, "0123456789")
              : Long.toString(Math.abs(random.nextLong())).substring(0, random.nextInt(16) + 1);
      assertEquals(rule.matcher(value).matches(), FieldSyntax.companyPrefix(value) == null, value);
    }
  }

  @Test
  void plainPathStepsAreOneToSixtyFourBase64UrlCharacters() {
    agrees("[A-Za-z0-9_-]{1,64}", JsonValue::plainName, 70, "AZaz09_-");
  }
}
