package org.markproof.contracts.barcode;

/**
 * Image operations that give zxing's binarizers a second chance on a photographed label: area
 * downscaling, percentile contrast stretching, box denoising, local contrast normalisation (for
 * uneven lighting and faded print), unsharp masking and inversion. Each returns a new frame.
 */
final class FrameFilters {
  private FrameFilters() {}

  /** Averages {@code factor × factor} blocks. */
  static LuminanceFrame downscale(LuminanceFrame frame, int factor) {
    int width = frame.width() / factor;
    int height = frame.height() / factor;
    byte[] in = frame.pixelsRef();
    byte[] out = new byte[width * height];
    int area = factor * factor;
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        int sum = 0;
        for (int dy = 0; dy < factor; dy++) {
          int row = (y * factor + dy) * frame.width() + x * factor;
          for (int dx = 0; dx < factor; dx++) {
            sum += in[row + dx] & 0xff;
          }
        }
        out[y * width + x] = (byte) (sum / area);
      }
    }
    return LuminanceFrame.wrap(width, height, out);
  }

  /** Maps the 1st–99th percentile of the histogram linearly onto 0–255. */
  static LuminanceFrame stretchContrast(LuminanceFrame frame) {
    byte[] in = frame.pixelsRef();
    int[] histogram = new int[256];
    for (byte b : in) {
      histogram[b & 0xff]++;
    }
    int low = percentile(histogram, in.length / 100);
    int high = 255 - percentile(reverse(histogram), in.length / 100);
    int range = Math.max(1, high - low);
    byte[] out = new byte[in.length];
    for (int i = 0; i < in.length; i++) {
      out[i] = (byte) clamp(((in[i] & 0xff) - low) * 255 / range);
    }
    return LuminanceFrame.wrap(frame.width(), frame.height(), out);
  }

  /** Mean over a {@code (2r+1)²} window, clipped at the borders. */
  static LuminanceFrame boxBlur(LuminanceFrame frame, int radius) {
    long[] integral = integral(frame, false);
    byte[] out = new byte[frame.width() * frame.height()];
    forEachWindow(
        frame,
        radius,
        (i, x0, y0, x1, y1) -> {
          long n = (long) (x1 - x0) * (y1 - y0);
          out[i] = (byte) (windowSum(integral, frame.width() + 1, x0, y0, x1, y1) / n);
        });
    return LuminanceFrame.wrap(frame.width(), frame.height(), out);
  }

  /**
   * Local contrast normalisation: each pixel's distance from its window mean, divided by the
   * window's standard deviation (floored so flat areas stay flat), mapped around mid-grey.
   */
  static LuminanceFrame normalizeLocally(LuminanceFrame frame, int radius) {
    long[] sum = integral(frame, false);
    long[] squares = integral(frame, true);
    byte[] in = frame.pixelsRef();
    byte[] out = new byte[in.length];
    int stride = frame.width() + 1;
    forEachWindow(
        frame,
        radius,
        (i, x0, y0, x1, y1) -> {
          double n = (double) (x1 - x0) * (y1 - y0);
          double mean = windowSum(sum, stride, x0, y0, x1, y1) / n;
          double variance = windowSum(squares, stride, x0, y0, x1, y1) / n - mean * mean;
          double deviation = Math.sqrt(Math.max(variance, 0)) + 6;
          out[i] = (byte) clamp((int) (128 + 64 * ((in[i] & 0xff) - mean) / deviation));
        });
    return LuminanceFrame.wrap(frame.width(), frame.height(), out);
  }

  /**
   * Mean along one axis over {@code 2r+1} pixels: along the bars of a 1D code it averages sensor
   * noise away without blurring the bars into each other.
   */
  static LuminanceFrame smear(LuminanceFrame frame, int radius, boolean vertical) {
    int width = frame.width();
    int height = frame.height();
    byte[] in = frame.pixelsRef();
    byte[] out = new byte[in.length];
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        int sum = 0;
        int n = 0;
        for (int k = -radius; k <= radius; k++) {
          int xx = vertical ? x : x + k;
          int yy = vertical ? y + k : y;
          if (xx >= 0 && yy >= 0 && xx < width && yy < height) {
            sum += in[yy * width + xx] & 0xff;
            n++;
          }
        }
        out[y * width + x] = (byte) (sum / n);
      }
    }
    return LuminanceFrame.wrap(width, height, out);
  }

  /** Unsharp mask: {@code v + amount × (v − blur₁(v))}. */
  static LuminanceFrame sharpen(LuminanceFrame frame, double amount) {
    byte[] blurred = boxBlur(frame, 1).pixelsRef();
    byte[] in = frame.pixelsRef();
    byte[] out = new byte[in.length];
    for (int i = 0; i < in.length; i++) {
      int v = in[i] & 0xff;
      out[i] = (byte) clamp((int) Math.round(v + amount * (v - (blurred[i] & 0xff))));
    }
    return LuminanceFrame.wrap(frame.width(), frame.height(), out);
  }

  /**
   * Surrounds the frame with a white margin of {@code margin} pixels: generated images (rather than
   * photos) often end at the symbol's edge, and zxing's detectors need the quiet zone that ISO/IEC
   * 16022 and 18004 require around a symbol.
   */
  static LuminanceFrame padWhite(LuminanceFrame frame, int margin) {
    int width = frame.width() + 2 * margin;
    int height = frame.height() + 2 * margin;
    byte[] out = new byte[width * height];
    java.util.Arrays.fill(out, (byte) 0xff);
    byte[] in = frame.pixelsRef();
    for (int y = 0; y < frame.height(); y++) {
      System.arraycopy(in, y * frame.width(), out, (y + margin) * width + margin, frame.width());
    }
    return LuminanceFrame.wrap(width, height, out);
  }

  /** Whether more than a tenth of the outermost pixels are dark: no quiet zone around a symbol. */
  static boolean darkBorder(LuminanceFrame frame) {
    int dark = 0;
    int total = 0;
    for (int x = 0; x < frame.width(); x++) {
      dark += isDark(frame.luminance(x, 0)) + isDark(frame.luminance(x, frame.height() - 1));
      total += 2;
    }
    for (int y = 1; y < frame.height() - 1; y++) {
      dark += isDark(frame.luminance(0, y)) + isDark(frame.luminance(frame.width() - 1, y));
      total += 2;
    }
    return dark * 10 > total;
  }

  private static int isDark(int luminance) {
    return luminance < 128 ? 1 : 0;
  }

  /** Light becomes dark: for light-on-dark prints. */
  static LuminanceFrame invert(LuminanceFrame frame) {
    byte[] in = frame.pixelsRef();
    byte[] out = new byte[in.length];
    for (int i = 0; i < in.length; i++) {
      out[i] = (byte) (255 - (in[i] & 0xff));
    }
    return LuminanceFrame.wrap(frame.width(), frame.height(), out);
  }

  private interface WindowVisitor {
    void visit(int index, int x0, int y0, int x1, int y1);
  }

  private static void forEachWindow(LuminanceFrame frame, int radius, WindowVisitor visitor) {
    int width = frame.width();
    int height = frame.height();
    for (int y = 0; y < height; y++) {
      int y0 = Math.max(0, y - radius);
      int y1 = Math.min(height, y + radius + 1);
      for (int x = 0; x < width; x++) {
        visitor.visit(
            y * width + x, Math.max(0, x - radius), y0, Math.min(width, x + radius + 1), y1);
      }
    }
  }

  /** Summed-area table with a zero first row and column; of squares when asked. */
  private static long[] integral(LuminanceFrame frame, boolean squares) {
    int width = frame.width();
    int stride = width + 1;
    byte[] in = frame.pixelsRef();
    long[] table = new long[stride * (frame.height() + 1)];
    for (int y = 0; y < frame.height(); y++) {
      long row = 0;
      for (int x = 0; x < width; x++) {
        int v = in[y * width + x] & 0xff;
        row += squares ? (long) v * v : v;
        table[(y + 1) * stride + x + 1] = table[y * stride + x + 1] + row;
      }
    }
    return table;
  }

  private static long windowSum(long[] table, int stride, int x0, int y0, int x1, int y1) {
    return table[y1 * stride + x1]
        - table[y0 * stride + x1]
        - table[y1 * stride + x0]
        + table[y0 * stride + x0];
  }

  private static int percentile(int[] histogram, int count) {
    int seen = 0;
    for (int v = 0; v < 256; v++) {
      seen += histogram[v];
      if (seen > count) {
        return v;
      }
    }
    return 255;
  }

  private static int[] reverse(int[] histogram) {
    int[] reversed = new int[256];
    for (int v = 0; v < 256; v++) {
      reversed[v] = histogram[255 - v];
    }
    return reversed;
  }

  private static int clamp(int v) {
    return v < 0 ? 0 : Math.min(v, 255);
  }
}
