package org.markproof.contracts.barcode;

import com.google.zxing.common.BitMatrix;

/**
 * An encoded 2D symbol as a grid of dark and light modules, with the quiet zone (light margin) the
 * symbology requires around it. Immutable.
 */
public final class SymbolMatrix {
  private final Symbology symbology;
  private final int width;
  private final int height;
  private final int quietZone;
  private final boolean[] dark;

  private SymbolMatrix(Symbology symbology, int width, int height, int quietZone, boolean[] dark) {
    this.symbology = symbology;
    this.width = width;
    this.height = height;
    this.quietZone = quietZone;
    this.dark = dark;
  }

  static SymbolMatrix of(Symbology symbology, BitMatrix bits, int quietZone) {
    int width = bits.getWidth();
    int height = bits.getHeight();
    boolean[] dark = new boolean[width * height];
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        dark[y * width + x] = bits.get(x, y);
      }
    }
    return new SymbolMatrix(symbology, width, height, quietZone, dark);
  }

  public Symbology symbology() {
    return symbology;
  }

  /** Width of the symbol in modules, without the quiet zone. */
  public int width() {
    return width;
  }

  /** Height of the symbol in modules, without the quiet zone. */
  public int height() {
    return height;
  }

  /** Light modules required on each side (QR Code 4, Data Matrix 1; we give Data Matrix 2). */
  public int quietZone() {
    return quietZone;
  }

  /** Whether the module at ({@code x}, {@code y}) of the symbol (quiet zone excluded) is dark. */
  public boolean isDark(int x, int y) {
    if (x < 0 || y < 0 || x >= width || y >= height) {
      return false;
    }
    return dark[y * width + x];
  }
}
