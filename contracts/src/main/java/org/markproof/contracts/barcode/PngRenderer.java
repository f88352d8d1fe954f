package org.markproof.contracts.barcode;

import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.markproof.contracts.MalformedDataException;

/** Renders a {@link SymbolMatrix} as a 1-bit PNG through the JDK's ImageIO. */
public final class PngRenderer {
  /** Largest module size in pixels. */
  public static final int MAX_MODULE_PIXELS = 32;

  /** Largest image side in pixels. */
  public static final int MAX_SIDE_PIXELS = 4096;

  private PngRenderer() {}

  /**
   * Renders {@code symbol} with its quiet zone, {@code modulePixels} pixels per module, black on
   * white.
   *
   * @throws MalformedDataException if {@code modulePixels} is outside 1..32 or a side would exceed
   *     4096 pixels
   */
  public static byte[] render(SymbolMatrix symbol, int modulePixels) throws MalformedDataException {
    int[] size = checkedSize(symbol, modulePixels);
    BufferedImage image = new BufferedImage(size[0], size[1], BufferedImage.TYPE_BYTE_BINARY);
    WritableRaster raster = image.getRaster();
    int quiet = symbol.quietZone();
    for (int y = 0; y < size[1]; y++) {
      int moduleY = y / modulePixels - quiet;
      for (int x = 0; x < size[0]; x++) {
        raster.setSample(x, y, 0, symbol.isDark(x / modulePixels - quiet, moduleY) ? 0 : 1);
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      if (!ImageIO.write(image, "png", out)) {
        throw new IllegalStateException("the JDK always has a PNG writer");
      }
    } catch (IOException e) {
      throw new IllegalStateException("writing to memory cannot fail", e);
    }
    return out.toByteArray();
  }

  /** Width and height in pixels, checked against the bounds. */
  static int[] checkedSize(SymbolMatrix symbol, int modulePixels) throws MalformedDataException {
    if (modulePixels < 1 || modulePixels > MAX_MODULE_PIXELS) {
      throw new MalformedDataException(
          "module size " + modulePixels + " pixels, expected 1 to " + MAX_MODULE_PIXELS);
    }
    long width = (long) (symbol.width() + 2 * symbol.quietZone()) * modulePixels;
    long height = (long) (symbol.height() + 2 * symbol.quietZone()) * modulePixels;
    if (width > MAX_SIDE_PIXELS || height > MAX_SIDE_PIXELS) {
      throw new MalformedDataException(
          "image " + width + "x" + height + " pixels, at most " + MAX_SIDE_PIXELS + " a side");
    }
    return new int[] {(int) width, (int) height};
  }
}
