package org.markproof.contracts.barcode;

import com.google.zxing.Binarizer;
import com.google.zxing.LuminanceSource;
import com.google.zxing.common.BitArray;
import com.google.zxing.common.BitMatrix;

/**
 * Hands zxing's readers a black-and-white matrix made elsewhere (a located symbol, masked), in
 * place of binarizing a luminance source.
 */
final class FixedBinarizer extends Binarizer {
  private final BitMatrix matrix;

  FixedBinarizer(BitMatrix matrix) {
    super(new BlankSource(matrix.getWidth(), matrix.getHeight()));
    this.matrix = matrix;
  }

  @Override
  public BitArray getBlackRow(int y, BitArray row) {
    return matrix.getRow(y, row);
  }

  @Override
  public BitMatrix getBlackMatrix() {
    return matrix;
  }

  @Override
  public Binarizer createBinarizer(LuminanceSource source) {
    throw new UnsupportedOperationException("a fixed matrix has no source to binarize");
  }

  /** The luminance source zxing's API insists on; never read, as the matrix is given. */
  private static final class BlankSource extends LuminanceSource {
    BlankSource(int width, int height) {
      super(width, height);
    }

    @Override
    public byte[] getRow(int y, byte[] row) {
      return row == null ? new byte[getWidth()] : row;
    }

    @Override
    public byte[] getMatrix() {
      return new byte[getWidth() * getHeight()];
    }
  }
}
