package org.markproof.contracts.label;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.markproof.contracts.MalformedDataException;

class ElementStringCasesTest {
  @Test
  void everyCaseOfTheTableParsesOrFailsAsListed() throws Exception {
    List<CaseTable.Row> rows = CaseTable.read("/label/element-string-cases.tsv");
    assertTrue(rows.size() > 20, "table read: " + rows.size());
    List<String> failures = new ArrayList<>();
    for (CaseTable.Row row : rows) {
      String input = row.input().replace('^', ElementString.GROUP_SEPARATOR);
      try {
        Gs1Fields fields =
            input.startsWith("(")
                ? ElementString.parseHumanReadable(input)
                : ElementString.parse(input);
        if (!row.accept()) {
          failures.add(row + ": accepted as " + ElementString.formatHumanReadable(fields));
          continue;
        }
        String got = ElementString.formatHumanReadable(fields);
        if (!got.equals(row.expected())) {
          failures.add(row + ": got " + got + ", expected " + row.expected());
        }
        if (!ElementString.parse(ElementString.format(fields)).equals(fields)
            || !ElementString.parseHumanReadable(got).equals(fields)) {
          failures.add(row + ": formatted form does not parse back to the same fields");
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
  void separatesVariableLengthValuesWithGroupSeparatorAndPutsPredefinedLengthFirst()
      throws Exception {
    Gs1Fields fields =
        Gs1Fields.of(
            Gtin.parse("09520123456788"), "ABC", "123", Gs1Date.parse("AI (17)", "261231"), "sig");
    assertEquals(
        "0109520123456788172612311" + "0ABC\u001d21123\u001d8030sig", ElementString.format(fields));
    assertEquals(
        "(01)09520123456788(17)261231(10)ABC(21)123(8030)sig",
        ElementString.formatHumanReadable(fields));
  }

  @Test
  void convertsBetweenElementStringAndDigitalLinkLosslessly() throws Exception {
    DigitalLink link =
        DigitalLink.parse("https://id.example.com/01/09520123456788/10/A%2FB/21/7?17=261200");
    Gs1Fields fromElementString = ElementString.parse("]d2" + ElementString.format(link.fields()));
    assertEquals(link.fields(), fromElementString);
    assertEquals(link, DigitalLink.of("https://id.example.com", fromElementString));
    assertEquals(Optional.of("A/B"), fromElementString.batch());
  }
}
