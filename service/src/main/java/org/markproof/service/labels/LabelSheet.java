package org.markproof.service.labels;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.markproof.contracts.barcode.SymbolMatrix;

/**
 * Lays labels out on printable A4 sheets (210 × 297 mm) as a PDF: a grid of {@code columns} ×
 * {@code rows} cells inside a 10 mm margin, each holding a code, dark modules drawn as filled
 * rectangles, and under it the human-readable interpretation of its data, one AI a line in the GS1
 * style "(01) 09506000134352" (GS1 General Specifications §4.15), in Helvetica.
 */
final class LabelSheet {
  /** A4 in PostScript points (1/72 in). */
  static final double PAGE_WIDTH = 595.28;

  static final double PAGE_HEIGHT = 841.89;

  static final int MAX_COLUMNS = 8;
  static final int MAX_ROWS = 12;

  private static final double MARGIN = 28.35;
  private static final double PADDING = 4;
  private static final double LINE_HEIGHT_EMS = 1.2;

  /** Average advance of Helvetica's digits and capitals, in ems, rounded up (AFM widths). */
  private static final double CHARACTER_EMS = 0.68;

  private static final double MAX_FONT_SIZE = 8;

  /** One label: its code and the lines of text printed under it. */
  record Label(SymbolMatrix code, List<String> lines) {
    Label {
      lines = List.copyOf(lines);
    }
  }

  private LabelSheet() {}

  /**
   * The PDF of {@code labels}, {@code columns × rows} to a page, filled left to right, top to
   * bottom.
   *
   * @throws IllegalArgumentException if the grid is outside 1..{@value #MAX_COLUMNS} × 1..{@value
   *     #MAX_ROWS} or there are no labels
   */
  static byte[] render(List<Label> labels, int columns, int rows) {
    if (columns < 1 || columns > MAX_COLUMNS || rows < 1 || rows > MAX_ROWS) {
      throw new IllegalArgumentException("grid " + columns + " x " + rows + " out of range");
    }
    if (labels.isEmpty()) {
      throw new IllegalArgumentException("no labels");
    }
    PdfDocument pdf = new PdfDocument();
    int catalog = pdf.reserve();
    int pages = pdf.reserve();
    int font =
        pdf.add(
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
    List<Integer> kids = new ArrayList<>();
    int perPage = columns * rows;
    for (int first = 0; first < labels.size(); first += perPage) {
      List<Label> onPage = labels.subList(first, Math.min(labels.size(), first + perPage));
      int content = pdf.addStream(page(onPage, columns, rows));
      kids.add(
          pdf.add(
              "<< /Type /Page /Parent "
                  + pages
                  + " 0 R /MediaBox [0 0 "
                  + PAGE_WIDTH
                  + " "
                  + PAGE_HEIGHT
                  + "] /Resources << /Font << /F1 "
                  + font
                  + " 0 R >> >> /Contents "
                  + content
                  + " 0 R >>"));
    }
    StringBuilder kidList = new StringBuilder();
    for (int kid : kids) {
      kidList.append(kidList.length() == 0 ? "" : " ").append(kid).append(" 0 R");
    }
    pdf.set(pages, "<< /Type /Pages /Kids [" + kidList + "] /Count " + kids.size() + " >>");
    pdf.set(catalog, "<< /Type /Catalog /Pages " + pages + " 0 R >>");
    return pdf.write(catalog);
  }

  /** The content stream of one page (§8.5 path painting, §9.4 text objects). */
  private static byte[] page(List<Label> labels, int columns, int rows) {
    double cellWidth = (PAGE_WIDTH - 2 * MARGIN) / columns;
    double cellHeight = (PAGE_HEIGHT - 2 * MARGIN) / rows;
    int longest = 1;
    int lineCount = 0;
    for (Label label : labels) {
      lineCount = Math.max(lineCount, label.lines().size());
      for (String line : label.lines()) {
        longest = Math.max(longest, line.length());
      }
    }
    double fontSize =
        Math.min(MAX_FONT_SIZE, (cellWidth - 2 * PADDING) / (longest * CHARACTER_EMS));
    double textHeight = lineCount * fontSize * LINE_HEIGHT_EMS;
    double side = Math.min(cellWidth - 2 * PADDING, cellHeight - 2 * PADDING - textHeight);
    StringBuilder s = new StringBuilder(labels.size() * 8192);
    s.append("0 g\n");
    for (int i = 0; i < labels.size(); i++) {
      Label label = labels.get(i);
      double left = MARGIN + (i % columns) * cellWidth + PADDING;
      double top = PAGE_HEIGHT - MARGIN - (i / columns) * cellHeight - PADDING;
      drawCode(s, label.code(), left, top - side, side);
      double baseline = top - side - fontSize;
      for (String line : label.lines()) {
        s.append("BT /F1 ")
            .append(number(fontSize))
            .append(" Tf ")
            .append(number(left))
            .append(' ')
            .append(number(baseline))
            .append(" Td ")
            .append(PdfDocument.literal(line))
            .append(" Tj ET\n");
        baseline -= fontSize * LINE_HEIGHT_EMS;
      }
    }
    return s.toString().getBytes(StandardCharsets.US_ASCII);
  }

  /**
   * Draws {@code code} with its quiet zone in a square of {@code side} points whose lower left
   * corner is ({@code x}, {@code y}): one rectangle per horizontal run of dark modules, in module
   * units under a scaling {@code cm}, filled at once.
   */
  private static void drawCode(
      StringBuilder s, SymbolMatrix code, double x, double y, double side) {
    int quiet = code.quietZone();
    int modules = Math.max(code.width(), code.height()) + 2 * quiet;
    double module = side / modules;
    s.append("q ")
        .append(number(module))
        .append(" 0 0 ")
        .append(number(module))
        .append(' ')
        .append(number(x))
        .append(' ')
        .append(number(y))
        .append(" cm\n");
    for (int row = 0; row < code.height(); row++) {
      // PDF's y axis points up; the symbol's first row is its top.
      int up = modules - quiet - 1 - row;
      int column = 0;
      while (column < code.width()) {
        if (!code.isDark(column, row)) {
          column++;
          continue;
        }
        int start = column;
        while (column < code.width() && code.isDark(column, row)) {
          column++;
        }
        s.append(start + quiet)
            .append(' ')
            .append(up)
            .append(' ')
            .append(column - start)
            .append(" 1 re\n");
      }
    }
    s.append("f Q\n");
  }

  private static String number(double value) {
    return String.format(Locale.ROOT, "%.2f", value);
  }
}
