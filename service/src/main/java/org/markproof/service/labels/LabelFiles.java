package org.markproof.service.labels;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.markproof.contracts.MalformedDataException;
import org.markproof.contracts.barcode.BarcodeEncoder;
import org.markproof.contracts.barcode.PngRenderer;
import org.markproof.contracts.barcode.QrErrorCorrection;
import org.markproof.contracts.barcode.SvgRenderer;
import org.markproof.contracts.barcode.SymbolMatrix;
import org.markproof.contracts.label.DigitalLink;

/**
 * Writes a {@link LabelSet} in a {@link LabelFormat}: the CSV, a ZIP of QR Code images, or A4
 * sheets ({@link LabelSheet}). Codes are QR Codes of the Digital Link at error correction level M,
 * contracts' default.
 */
final class LabelFiles {
  /** PNG pixels per module: about 250 pixels a side for a label's link. */
  static final int PNG_MODULE_PIXELS = 4;

  private LabelFiles() {}

  static byte[] write(LabelSet labels, LabelFormat format, int columns, int rows) {
    return switch (format) {
      case CSV -> csv(labels);
      case PNG, SVG -> zip(labels, format);
      case PDF -> pdf(labels, columns, rows);
    };
  }

  /** RFC 4180: CRLF line ends, fields quoted when they hold a comma, quote or line break. */
  static byte[] csv(LabelSet labels) {
    StringBuilder csv = new StringBuilder(labels.links().size() * 200);
    csv.append("gtin,batch,serial,uri\r\n");
    for (DigitalLink link : labels.links()) {
      csv.append(field(link.gtin().digits()))
          .append(',')
          .append(field(link.batch().orElseThrow()))
          .append(',')
          .append(field(link.serial().orElseThrow()))
          .append(',')
          .append(field(link.toUri()))
          .append("\r\n");
    }
    return csv.toString().getBytes(StandardCharsets.US_ASCII);
  }

  /**
   * A ZIP holding {@code labels.csv} and one image per label, named by its position and serial
   * ({@code 00001-<serial>.png}; characters of the serial other than letters, digits, {@code -} and
   * {@code _} become {@code _}, so no name is a path).
   */
  static byte[] zip(LabelSet labels, LabelFormat format) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
      entry(zip, "labels.csv", csv(labels));
      int position = 1;
      for (DigitalLink link : labels.links()) {
        String name =
            String.format(
                java.util.Locale.ROOT,
                "%05d-%s.%s",
                position++,
                fileSafe(link.serial().orElseThrow()),
                format.wireName());
        SymbolMatrix code = qrCode(link);
        byte[] image =
            format == LabelFormat.PNG
                ? PngRenderer.render(code, PNG_MODULE_PIXELS)
                : SvgRenderer.render(code, PNG_MODULE_PIXELS).getBytes(StandardCharsets.UTF_8);
        entry(zip, name, image);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory cannot fail", e);
    } catch (MalformedDataException e) {
      throw new IllegalStateException("a signed Digital Link always renders", e);
    }
    return bytes.toByteArray();
  }

  static byte[] pdf(LabelSet labels, int columns, int rows) {
    List<LabelSheet.Label> sheet = new ArrayList<>(labels.links().size());
    for (DigitalLink link : labels.links()) {
      sheet.add(
          new LabelSheet.Label(
              qrCode(link),
              List.of(
                  "(01) " + link.gtin().digits(),
                  "(10) " + link.batch().orElseThrow(),
                  "(21) " + link.serial().orElseThrow())));
    }
    return LabelSheet.render(sheet, columns, rows);
  }

  /** The QR Code of {@code link}'s URI. */
  static SymbolMatrix qrCode(DigitalLink link) {
    try {
      return BarcodeEncoder.qrCode(link.toUri(), QrErrorCorrection.M);
    } catch (MalformedDataException e) {
      throw new IllegalStateException(
          "a Digital Link of at most 2048 characters fits a QR Code", e);
    }
  }

  static String fileSafe(String text) {
    StringBuilder safe = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      boolean plain =
          (c >= 'A' && c <= 'Z')
              || (c >= 'a' && c <= 'z')
              || (c >= '0' && c <= '9')
              || c == '-'
              || c == '_';
      safe.append(plain ? c : '_');
    }
    return safe.toString();
  }

  private static String field(String value) {
    if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0) {
      return value;
    }
    return '"' + value.replace("\"", "\"\"") + '"';
  }

  private static void entry(ZipOutputStream zip, String name, byte[] content) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(content);
    zip.closeEntry();
  }
}
