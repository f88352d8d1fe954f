package org.markproof.contracts.barcode;

import com.google.zxing.common.BitMatrix;
import com.google.zxing.datamatrix.encoder.DefaultPlacement;
import com.google.zxing.datamatrix.encoder.ErrorCorrection;
import com.google.zxing.datamatrix.encoder.SymbolInfo;
import com.google.zxing.datamatrix.encoder.SymbolShapeHint;
import org.markproof.contracts.MalformedDataException;
import org.markproof.contracts.label.ElementString;

/**
 * GS1 DataMatrix in ASCII encodation (ISO/IEC 16022 §5.2.3): FNC1 (codeword 232) first, digit pairs
 * as 130 + value, GS as FNC1, other ASCII as value + 1, then the pad sequence, zxing's Reed–Solomon
 * ECC 200 and module placement.
 *
 * <p>Not zxing's own GS1 path: in zxing 3.5.4 its minimal encoder writes an FNC1 that falls in a
 * C40 or Text segment as Shift 1 + 27, which decodes as ESC (0x1B), not FNC1 (with assertions on it
 * fails an {@code assert} instead). ASCII encodation costs some size on the signature's letters but
 * is always right.
 */
final class Gs1DataMatrixEncoder {
  private static final char FNC1 = 232;
  private static final char PAD = 129;

  private Gs1DataMatrixEncoder() {}

  static BitMatrix encode(String elementString) throws MalformedDataException {
    StringBuilder codewords = new StringBuilder(elementString.length() + 1).append(FNC1);
    for (int i = 0; i < elementString.length(); i++) {
      char c = elementString.charAt(i);
      char next = i + 1 < elementString.length() ? elementString.charAt(i + 1) : 0;
      if (isDigit(c) && isDigit(next)) {
        codewords.append((char) (130 + (c - '0') * 10 + (next - '0')));
        i++;
      } else if (c == ElementString.GROUP_SEPARATOR) {
        codewords.append(FNC1);
      } else if (c < 128) {
        codewords.append((char) (c + 1));
      } else {
        throw new MalformedDataException("GS1 DataMatrix: non-ASCII character at " + i);
      }
    }
    SymbolInfo info;
    try {
      info = SymbolInfo.lookup(codewords.length(), SymbolShapeHint.FORCE_SQUARE);
    } catch (IllegalArgumentException e) {
      throw new MalformedDataException(
          "GS1 DataMatrix: " + codewords.length() + " codewords do not fit any square symbol");
    }
    pad(codewords, info.getDataCapacity());
    String all = ErrorCorrection.encodeECC200(codewords.toString(), info);
    DefaultPlacement placement =
        new DefaultPlacement(all, info.getSymbolDataWidth(), info.getSymbolDataHeight());
    placement.place();
    return withFinderPatterns(placement, info);
  }

  /** First pad 129, then 129 + the 253-state randomised value of each position (§5.2.3). */
  private static void pad(StringBuilder codewords, int capacity) {
    if (codewords.length() < capacity) {
      codewords.append(PAD);
    }
    while (codewords.length() < capacity) {
      int position = codewords.length() + 1;
      int value = PAD + (149 * position) % 253 + 1;
      codewords.append((char) (value <= 254 ? value : value - 254));
    }
  }

  /** Adds each data region's solid L (left, bottom) and clock track (top, right). */
  private static BitMatrix withFinderPatterns(DefaultPlacement placement, SymbolInfo info) {
    BitMatrix matrix = new BitMatrix(info.getSymbolWidth(), info.getSymbolHeight());
    int matrixY = 0;
    for (int y = 0; y < info.getSymbolDataHeight(); y++) {
      if (y % info.matrixHeight == 0) {
        for (int x = 0; x < info.getSymbolWidth(); x++) {
          setIf(matrix, x, matrixY, x % 2 == 0);
        }
        matrixY++;
      }
      int matrixX = 0;
      for (int x = 0; x < info.getSymbolDataWidth(); x++) {
        if (x % info.matrixWidth == 0) {
          matrix.set(matrixX++, matrixY);
        }
        setIf(matrix, matrixX++, matrixY, placement.getBit(x, y));
        if (x % info.matrixWidth == info.matrixWidth - 1) {
          setIf(matrix, matrixX++, matrixY, y % 2 == 0);
        }
      }
      matrixY++;
      if (y % info.matrixHeight == info.matrixHeight - 1) {
        for (int x = 0; x < info.getSymbolWidth(); x++) {
          matrix.set(x, matrixY);
        }
        matrixY++;
      }
    }
    return matrix;
  }

  private static void setIf(BitMatrix matrix, int x, int y, boolean dark) {
    if (dark) {
      matrix.set(x, y);
    }
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
