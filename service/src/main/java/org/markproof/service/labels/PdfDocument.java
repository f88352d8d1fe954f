package org.markproof.service.labels;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes a minimal PDF 1.4 file (ISO 32000-1 §7.5, PDF Reference 1.4 §3.4): the header, numbered
 * indirect objects, a cross-reference table with the byte offset of each, and the trailer naming
 * the catalog. Objects are plain text (dictionaries and uncompressed streams) so that the file can
 * be checked by eye and by test; this writer knows nothing about pages or fonts.
 */
final class PdfDocument {
  private final List<byte[]> objects = new ArrayList<>();

  /** Reserves the next object number, for an object that refers to later ones. */
  int reserve() {
    objects.add(null);
    return objects.size();
  }

  /** Adds a non-stream object (e.g. a dictionary) and returns its number. */
  int add(String body) {
    int number = reserve();
    set(number, body);
    return number;
  }

  /** Sets the body of a reserved object. */
  void set(int number, String body) {
    objects.set(number - 1, body.getBytes(StandardCharsets.US_ASCII));
  }

  /**
   * Adds a stream object (§7.3.8) with {@code content} as its data, unfiltered, and returns its
   * number. {@code /Length} is set here.
   */
  int addStream(byte[] content) {
    ByteArrayOutputStream body = new ByteArrayOutputStream(content.length + 64);
    body.writeBytes(
        ("<< /Length " + content.length + " >>\nstream\n").getBytes(StandardCharsets.US_ASCII));
    body.writeBytes(content);
    body.writeBytes("\nendstream".getBytes(StandardCharsets.US_ASCII));
    int number = reserve();
    objects.set(number - 1, body.toByteArray());
    return number;
  }

  /**
   * The file, with {@code root} as the trailer's {@code /Root} (the catalog).
   *
   * @throws IllegalStateException if a reserved object was never set
   */
  byte[] write(int root) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    // A comment with bytes above 127 marks the file as binary for transfer programs (§7.5.2).
    ascii(out, "%PDF-1.4\n%");
    out.writeBytes(new byte[] {(byte) 0xE2, (byte) 0xE3, (byte) 0xCF, (byte) 0xD3, '\n'});
    long[] offsets = new long[objects.size()];
    for (int i = 0; i < objects.size(); i++) {
      byte[] body = objects.get(i);
      if (body == null) {
        throw new IllegalStateException("PDF object " + (i + 1) + " was reserved but never set");
      }
      offsets[i] = out.size();
      ascii(out, (i + 1) + " 0 obj\n");
      out.writeBytes(body);
      ascii(out, "\nendobj\n");
    }
    long xref = out.size();
    // Each cross-reference entry is exactly 20 bytes, end of line included (§7.5.4).
    StringBuilder table = new StringBuilder();
    table.append("xref\n0 ").append(objects.size() + 1).append('\n');
    table.append("0000000000 65535 f \n");
    for (long offset : offsets) {
      table.append(String.format(Locale.ROOT, "%010d 00000 n \n", offset));
    }
    table
        .append("trailer\n<< /Size ")
        .append(objects.size() + 1)
        .append(" /Root ")
        .append(root)
        .append(" 0 R >>\nstartxref\n")
        .append(xref)
        .append("\n%%EOF\n");
    ascii(out, table.toString());
    return out.toByteArray();
  }

  /**
   * {@code text} as a PDF literal string (§7.3.4.2): parentheses and backslashes escaped, anything
   * outside printable ASCII replaced by {@code ?} (label text is GS1 CSET 82, all printable ASCII).
   */
  static String literal(String text) {
    StringBuilder s = new StringBuilder(text.length() + 2).append('(');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '(' || c == ')' || c == '\\') {
        s.append('\\').append(c);
      } else if (c >= 0x20 && c <= 0x7E) {
        s.append(c);
      } else {
        s.append('?');
      }
    }
    return s.append(')').toString();
  }

  private static void ascii(ByteArrayOutputStream out, String text) {
    out.writeBytes(text.getBytes(StandardCharsets.US_ASCII));
  }
}
