package org.markproof.contracts.barcode;

import org.markproof.contracts.MalformedDataException;

/**
 * A grayscale image, one byte of luminance (0 black … 255 white) per pixel, row by row. It is what
 * {@link BarcodeDecoder} reads, so a platform without ImageIO (an Android handheld passing a
 * camera's Y plane or a bitmap's pixels) can decode too. Immutable: the factories copy.
 */
public final class LuminanceFrame {
  /** Most pixels a frame may have (24 megapixels). */
  public static final long MAX_PIXELS = 24_000_000L;

  private final int width;
  private final int height;
  private final byte[] pixels;

  private LuminanceFrame(int width, int height, byte[] pixels) {
    this.width = width;
    this.height = height;
    this.pixels = pixels;
  }

  /**
   * Copies a luminance array of {@code width × height} bytes.
   *
   * @throws MalformedDataException if a side is not positive, the frame exceeds {@link
   *     #MAX_PIXELS}, or the array length is not {@code width × height}
   */
  public static LuminanceFrame of(int width, int height, byte[] luminance)
      throws MalformedDataException {
    checkSize(width, height);
    if (luminance == null || luminance.length != width * height) {
      throw new MalformedDataException(
          "frame: got "
              + (luminance == null ? "no" : luminance.length)
              + " bytes, expected "
              + width * height);
    }
    return new LuminanceFrame(width, height, luminance.clone());
  }

  /**
   * Converts packed ARGB pixels (as {@code Bitmap.getPixels} or {@code BufferedImage.getRGB} give
   * them) to luminance with the ITU-R BT.601 weights, compositing transparency on white.
   *
   * @throws MalformedDataException on the same conditions as {@link #of}
   */
  public static LuminanceFrame fromArgb(int width, int height, int[] argb)
      throws MalformedDataException {
    checkSize(width, height);
    if (argb == null || argb.length != width * height) {
      throw new MalformedDataException("frame: pixel array does not hold width × height pixels");
    }
    byte[] luminance = new byte[argb.length];
    for (int i = 0; i < argb.length; i++) {
      luminance[i] = (byte) luminanceOf(argb[i]);
    }
    return new LuminanceFrame(width, height, luminance);
  }

  /** Luminance 0–255 of one ARGB pixel, transparency composited on white. */
  static int luminanceOf(int argb) {
    int alpha = argb >>> 24;
    int r = (argb >> 16) & 0xff;
    int g = (argb >> 8) & 0xff;
    int b = argb & 0xff;
    int y = (r * 306 + g * 601 + b * 117 + 512) >> 10;
    if (alpha == 255) {
      return y; // what the blend below gives for an opaque pixel, without its division
    }
    return (y * alpha + 255 * (255 - alpha) + 127) / 255;
  }

  /** Luminance 0–255 of an opaque pixel, as {@link #luminanceOf} gives it. */
  static int opaqueLuminance(byte red, byte green, byte blue) {
    return ((red & 0xff) * 306 + (green & 0xff) * 601 + (blue & 0xff) * 117 + 512) >> 10;
  }

  static void checkSize(int width, int height) throws MalformedDataException {
    if (width <= 0 || height <= 0 || (long) width * height > MAX_PIXELS) {
      throw new MalformedDataException(
          "frame: "
              + width
              + "x"
              + height
              + " pixels, expected positive sides and at most "
              + MAX_PIXELS
              + " pixels");
    }
  }

  /** Wraps an array this package made; no copy. */
  static LuminanceFrame wrap(int width, int height, byte[] pixels) {
    return new LuminanceFrame(width, height, pixels);
  }

  public int width() {
    return width;
  }

  public int height() {
    return height;
  }

  /** Luminance at ({@code x}, {@code y}), 0–255. */
  public int luminance(int x, int y) {
    return pixels[y * width + x] & 0xff;
  }

  /** A copy of the pixels, row by row. */
  public byte[] pixels() {
    return pixels.clone();
  }

  byte[] pixelsRef() {
    return pixels;
  }
}
