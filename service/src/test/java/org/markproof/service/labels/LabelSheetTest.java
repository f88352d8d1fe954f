package org.markproof.service.labels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.markproof.contracts.barcode.BarcodeEncoder;
import org.markproof.contracts.barcode.QrErrorCorrection;
import org.markproof.contracts.barcode.SymbolMatrix;

/**
 * The PDF writer and the A4 sheet: a file whose cross-reference table points at every object, a
 * trailer pointing at the table, a page per grid of labels, and each label's text on its page.
 */
class LabelSheetTest {
  @Test
  void crossReferenceOffsetsPointAtTheirObjects() {
    PdfDocument pdf = new PdfDocument();
    int catalog = pdf.reserve();
    int pages = pdf.add("<< /Type /Pages /Kids [] /Count 0 >>");
    int stream = pdf.addStream("0 0 1 1 re f".getBytes(StandardCharsets.US_ASCII));
    pdf.set(catalog, "<< /Type /Catalog /Pages " + pages + " 0 R >>");
    byte[] file = pdf.write(catalog);

    String text = new String(file, StandardCharsets.ISO_8859_1);
    assertTrue(text.startsWith("%PDF-1.4\n"), text);
    assertEquals(3, checkCrossReferences(file));
    assertTrue(text.contains("<< /Length 12 >>\nstream\n0 0 1 1 re f\nendstream"), text);
    assertTrue(text.contains("/Root " + catalog + " 0 R"), text);
    assertEquals(3, stream);
  }

  @Test
  void refusesAReservedObjectThatWasNeverSet() {
    PdfDocument pdf = new PdfDocument();
    int catalog = pdf.reserve();
    pdf.reserve();
    pdf.set(catalog, "<< /Type /Catalog >>");
    assertThrows(IllegalStateException.class, () -> pdf.write(catalog));
  }

  @Test
  void escapesLiteralStrings() {
    assertEquals("(\\(21\\) A\\\\B?)", PdfDocument.literal("(21) A\\B\u00e9"));
  }

  @Test
  void laysLabelsOutInPagesOfTheGridWithTheirTextUnderEachCode() throws Exception {
    List<LabelSheet.Label> labels = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      SymbolMatrix code =
          BarcodeEncoder.qrCode(
              "https://id.example.com/01/09506000134352/21/S" + i, QrErrorCorrection.M);
      labels.add(new LabelSheet.Label(code, List.of("(01) 09506000134352", "(21) SERIAL-" + i)));
    }
    byte[] file = LabelSheet.render(labels, 2, 3);
    String text = new String(file, StandardCharsets.ISO_8859_1);

    // Catalog, page tree, font, and a page and its content per page.
    assertEquals(1 + 1 + 1 + 2 * 2, checkCrossReferences(file));
    assertTrue(text.contains("/Count 2"), "7 labels at 2 x 3 make 2 pages");
    assertEquals(2, count(text, "/Type /Page "));
    assertTrue(text.contains("/BaseFont /Helvetica"));
    for (int i = 0; i < 7; i++) {
      assertTrue(text.contains("(\\(21\\) SERIAL-" + i + ") Tj"), "serial " + i);
    }
    assertEquals(7, count(text, " cm\n"), "one code drawn per label");
    assertTrue(text.contains(" 1 re\n"));
  }

  @Test
  void refusesAGridOutsideTheBounds() {
    List<LabelSheet.Label> none = List.of();
    assertThrows(IllegalArgumentException.class, () -> LabelSheet.render(none, 2, 2));
    assertThrows(IllegalArgumentException.class, () -> LabelSheet.render(none, 0, 2));
    assertThrows(
        IllegalArgumentException.class,
        () -> LabelSheet.render(none, LabelSheet.MAX_COLUMNS + 1, 2));
  }

  /**
   * Checks the cross-reference table as a reader would: {@code startxref} names the offset of
   * {@code xref}, the free entry comes first, and every in-use entry's offset starts {@code N 0
   * obj}. Shared with the endpoint test.
   *
   * @return the number of objects
   */
  static int checkCrossReferences(byte[] file) {
    String text = new String(file, StandardCharsets.ISO_8859_1);
    assertTrue(text.endsWith("%%EOF\n"), "ends with %%EOF");
    Matcher start = Pattern.compile("startxref\n(\\d+)\n%%EOF\n$").matcher(text);
    assertTrue(start.find(), "startxref");
    int xref = Integer.parseInt(start.group(1));
    assertTrue(text.startsWith("xref\n0 ", xref), "startxref points at xref");
    Matcher header = Pattern.compile("xref\n0 (\\d+)\n").matcher(text);
    assertTrue(header.find(xref));
    int size = Integer.parseInt(header.group(1));
    int entry = header.end();
    assertEquals("0000000000 65535 f \n", text.substring(entry, entry + 20));
    for (int n = 1; n < size; n++) {
      String line = text.substring(entry + 20 * n, entry + 20 * (n + 1));
      assertTrue(line.matches("\\d{10} 00000 n \n"), "entry " + n + ": " + line);
      int offset = Integer.parseInt(line.substring(0, 10));
      assertTrue(text.startsWith(n + " 0 obj\n", offset), "entry " + n + " points at its object");
    }
    assertTrue(text.contains("trailer\n<< /Size " + size + " "), "trailer /Size");
    return size - 1;
  }

  private static int count(String text, String needle) {
    int n = 0;
    for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
      n++;
    }
    return n;
  }
}
