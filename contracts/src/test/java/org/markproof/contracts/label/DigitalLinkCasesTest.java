package org.markproof.contracts.label;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.markproof.contracts.MalformedDataException;

class DigitalLinkCasesTest {
  @Test
  void everyCaseOfTheTableParsesOrFailsAsListed() throws Exception {
    List<CaseTable.Row> rows = CaseTable.read("/label/digital-link-cases.tsv");
    assertTrue(rows.size() > 60, "table read: " + rows.size());
    List<String> failures = new ArrayList<>();
    for (CaseTable.Row row : rows) {
      try {
        DigitalLink link = DigitalLink.parse(row.input());
        if (!row.accept()) {
          failures.add(row + ": accepted as " + link);
          continue;
        }
        String got = ElementString.formatHumanReadable(link.fields());
        if (!got.equals(row.expected())) {
          failures.add(row + ": got " + got + ", expected " + row.expected());
        }
        DigitalLink again = DigitalLink.parse(link.toUri());
        if (!again.equals(link)) {
          failures.add(row + ": canonical form " + link.toUri() + " reparses as " + again);
        }
      } catch (MalformedDataException e) {
        if (row.accept()) {
          failures.add(row + ": rejected: " + e.getMessage());
        } else if (!e.getMessage().contains(row.expected())) {
          failures.add(row + ": message '" + e.getMessage() + "' lacks '" + row.expected() + "'");
        }
      }
    }
    assertEquals(List.of(), failures);
  }

  @Test
  void rejectsUriLongerThanTwoKibibytes() {
    String uri = "https://a/01/12312312312333?x=" + "a".repeat(DigitalLink.MAX_LENGTH);
    MalformedDataException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            MalformedDataException.class, () -> DigitalLink.parse(uri));
    assertTrue(e.getMessage().contains("at most 2048"), e.getMessage());
  }

  @Test
  void keepsNonAiParametersVerbatimAfterTheAiParameters() throws Exception {
    DigitalLink link =
        DigitalLink.parse(
            "https://id.example.com/p/01/09520123456788/21/S1?linkType=gs1:pip&17=261231&flag");
    assertEquals("https://id.example.com/p", link.base());
    assertEquals(List.of("linkType=gs1:pip", "flag"), link.otherParameters());
    assertEquals(
        "https://id.example.com/p/01/09520123456788/21/S1?17=261231&linkType=gs1:pip&flag",
        link.toUri());
  }

  @Test
  void canonicalPathIsTheSameHoweverTheUriSpelledItsEscapes() throws Exception {
    DigitalLink upper = DigitalLink.parse("https://a/01/09520123456788/10/A%2FB/21/%41%2b");
    DigitalLink lower = DigitalLink.parse("https://b/x/01/09520123456788/10/A%2fB/21/A%2B");
    assertEquals("/01/09520123456788/10/A%2FB/21/A%2B", upper.canonicalPath());
    assertEquals(upper.canonicalPath(), lower.canonicalPath());
  }

  @Test
  void formatsZeroSuppressedGtinInFourteenDigits() throws Exception {
    assertEquals(
        "https://a/01/04006381333931", DigitalLink.parse("https://a/01/4006381333931").toUri());
  }
}
