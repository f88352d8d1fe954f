package org.markproof.contracts.barcode;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.datamatrix.DataMatrixWriter;
import com.google.zxing.datamatrix.encoder.SymbolShapeHint;
import com.google.zxing.qrcode.QRCodeWriter;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import org.markproof.contracts.MalformedDataException;
import org.markproof.contracts.label.ElementString;
import org.markproof.contracts.label.Gs1Fields;

/**
 * Encodes label payloads into 2D symbols with zxing: QR Code for a Digital Link URI, Data Matrix
 * for a URI, GS1 DataMatrix (FNC1 in first position, GS as FNC1 separators) for an element string.
 */
public final class BarcodeEncoder {
  /** Longest text accepted, in characters (a Digital Link is at most 2048). */
  public static final int MAX_TEXT_LENGTH = 2048;

  private BarcodeEncoder() {}

  /**
   * Encodes {@code text} as a QR Code in byte mode (UTF-8 declared by ECI only when needed).
   *
   * @throws MalformedDataException if the text is empty, too long or does not fit a QR Code
   */
  public static SymbolMatrix qrCode(String text, QrErrorCorrection level)
      throws MalformedDataException {
    check(text);
    Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
    hints.put(EncodeHintType.ERROR_CORRECTION, level.zxing());
    hints.put(EncodeHintType.MARGIN, 0);
    if (!StandardCharsets.ISO_8859_1.newEncoder().canEncode(text)) {
      hints.put(EncodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name());
    }
    return SymbolMatrix.of(
        Symbology.QR_CODE,
        encode(() -> new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, hints)),
        4);
  }

  /**
   * Encodes {@code text} (e.g. a Digital Link URI) as a square Data Matrix ECC 200.
   *
   * @throws MalformedDataException if the text is empty, too long or not encodable
   */
  public static SymbolMatrix dataMatrix(String text) throws MalformedDataException {
    check(text);
    Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
    hints.put(EncodeHintType.DATA_MATRIX_SHAPE, SymbolShapeHint.FORCE_SQUARE);
    return SymbolMatrix.of(Symbology.DATA_MATRIX, dataMatrixBits(text, hints), 2);
  }

  /**
   * Encodes {@code fields} as a GS1 DataMatrix: FNC1 in first position and FNC1 after each
   * variable-length value but the last (GS1 General Specifications §5.5.3), which a decoder
   * transmits as {@code ]d2} and GS. Encoded by {@link Gs1DataMatrixEncoder}.
   */
  public static SymbolMatrix gs1DataMatrix(Gs1Fields fields) throws MalformedDataException {
    return SymbolMatrix.of(
        Symbology.DATA_MATRIX, Gs1DataMatrixEncoder.encode(ElementString.format(fields)), 2);
  }

  private static BitMatrix dataMatrixBits(String text, Map<EncodeHintType, Object> hints)
      throws MalformedDataException {
    return encode(
        () -> new DataMatrixWriter().encode(text, BarcodeFormat.DATA_MATRIX, 0, 0, hints));
  }

  private interface ZxingWrite {
    BitMatrix write() throws WriterException;
  }

  private static BitMatrix encode(ZxingWrite write) throws MalformedDataException {
    try {
      return write.write();
    } catch (WriterException | IllegalArgumentException e) {
      throw new MalformedDataException("barcode: cannot encode: " + e.getMessage(), e);
    }
  }

  private static void check(String text) throws MalformedDataException {
    if (text == null || text.isEmpty()) {
      throw new MalformedDataException("barcode: empty text");
    }
    if (text.length() > MAX_TEXT_LENGTH) {
      throw new MalformedDataException(
          "barcode: " + text.length() + " characters, at most " + MAX_TEXT_LENGTH);
    }
  }
}
