package org.markproof.contracts.barcode;

import com.google.zxing.GrayscaleLuminanceSource;
import com.google.zxing.NotFoundException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.common.PerspectiveTransform;

/**
 * Cuts a located symbol out of a frame as a black-and-white matrix, everything outside its hull
 * cleared: as binarized with the frame, or resampled (scaled, turned) and thresholded on its own.
 */
final class RegionSampler {
  private RegionSampler() {}

  /**
   * The hull enlarged by about a module (5% of its size, at least 4 pixels) about its centre,
   * cropped with a clear margin; black pixels outside it are cleared. Clearing the binarized matrix
   * rather than painting the image white keeps the binarizer's thresholds as the whole frame gave
   * them: no false edge where the paint meets the paper.
   */
  static BitMatrix cutOut(BitMatrix black, double[] hull) {
    double[] grown = Polygons.grown(hull);
    int[] box = Polygons.cropBox(hull, black.getWidth(), black.getHeight());
    int left = box[0];
    int top = box[1];
    int right = box[2];
    int bottom = box[3];
    BitMatrix out = new BitMatrix(right - left, bottom - top);
    for (int y = top; y < bottom; y++) {
      double[] span = Polygons.rowSpan(grown, y + 0.5);
      if (span == null) {
        continue;
      }
      int from = Math.max(left, (int) Math.ceil(span[0] - 0.5));
      int to = Math.min(right, (int) Math.floor(span[1] - 0.5) + 1);
      for (int x = from; x < to; x++) {
        if (black.get(x, y)) {
          out.set(x - left, y - top);
        }
      }
    }
    return out;
  }

  /**
   * A candidate resampled: its box cut from {@code frame}, scaled by {@code scale} and turned by
   * {@code degrees} about its centre with bilinear interpolation, then binarized and cleared
   * outside the hull carried along. Scaling up makes small modules big enough for zxing's
   * detectors; turning by 45° rescues symbols lying near a diagonal, where they fail.
   */
  static BitMatrix resampled(LuminanceFrame frame, double[] hull, double scale, double degrees) {
    return resampled(frame, hull, scale, degrees, false);
  }

  /**
   * As {@link #resampled(LuminanceFrame, double[], double, double)}; with {@code otsu} the crop is
   * thresholded at the one grey level that best splits its histogram (Otsu's method) instead of
   * zxing's local means: under even light a blurred symbol keeps its modules' widths.
   */
  static BitMatrix resampled(
      LuminanceFrame frame, double[] hull, double scale, double degrees, boolean otsu) {
    int[] box = Polygons.cropBox(hull, frame.width(), frame.height());
    double boxWidth = box[2] - box[0];
    double boxHeight = box[3] - box[1];
    double cos = Math.cos(Math.toRadians(degrees));
    double sin = Math.sin(Math.toRadians(degrees));
    int width = (int) Math.ceil((Math.abs(cos) * boxWidth + Math.abs(sin) * boxHeight) * scale);
    int height = (int) Math.ceil((Math.abs(sin) * boxWidth + Math.abs(cos) * boxHeight) * scale);
    double sourceX = box[0] + boxWidth / 2;
    double sourceY = box[1] + boxHeight / 2;
    byte[] in = frame.pixelsRef();
    byte[] out = new byte[width * height];
    if (scale == 1 && degrees == 0) {
      // Unscaled and upright, every sample falls on a pixel of the box: the interpolation below
      // would return each one unchanged, so copy the rows.
      for (int y = 0; y < height; y++) {
        System.arraycopy(in, (box[1] + y) * frame.width() + box[0], out, y * width, width);
      }
    } else {
      for (int y = 0; y < height; y++) {
        for (int x = 0; x < width; x++) {
          double dx = (x + 0.5 - width / 2.0) / scale;
          double dy = (y + 0.5 - height / 2.0) / scale;
          double sx = sourceX + dx * cos + dy * sin - 0.5;
          double sy = sourceY - dx * sin + dy * cos - 0.5;
          out[y * width + x] = (byte) bilinear(in, frame.width(), frame.height(), sx, sy);
        }
      }
    }
    double[] moved = new double[hull.length];
    for (int i = 0; i < hull.length; i += 2) {
      double dx = hull[i] - sourceX;
      double dy = hull[i + 1] - sourceY;
      moved[i] = width / 2.0 + (dx * cos - dy * sin) * scale;
      moved[i + 1] = height / 2.0 + (dx * sin + dy * cos) * scale;
    }
    BitMatrix black;
    if (otsu) {
      black = thresholded(out, width, height, otsuThreshold(out, width, Polygons.grown(moved)));
    } else {
      try {
        black =
            new HybridBinarizer(new GrayscaleLuminanceSource(width, height, out)).getBlackMatrix();
      } catch (NotFoundException e) {
        return new BitMatrix(1);
      }
    }
    return cutOut(black, moved);
  }

  /** Otsu's threshold of the pixels inside {@code polygon}. */
  /**
   * A candidate rectified: the largest quadrilateral inside its hull (the symbol's corners) is
   * mapped onto a square as wide as its longest side times {@code scale}, with a margin, undoing a
   * perspective view; then thresholded (Otsu's, or zxing's local one), and everything outside the
   * square cleared. zxing's own perspective estimate fails on steep views of blurred symbols; on a
   * square, every module is the same size again.
   */
  static BitMatrix rectified(LuminanceFrame frame, double[] hull, double scale, boolean otsu) {
    double[] quad = Polygons.largestQuadrilateral(hull);
    if (quad == null) {
      return new BitMatrix(1);
    }
    double side = 0;
    for (int c = 0; c < 4; c++) {
      int d = (c + 1) % 4;
      side =
          Math.max(side, Math.hypot(quad[2 * d] - quad[2 * c], quad[2 * d + 1] - quad[2 * c + 1]));
    }
    int inner = (int) Math.ceil(side * scale);
    int margin = Math.max(8, inner / 10);
    int size = inner + 2 * margin;
    PerspectiveTransform toFrame =
        PerspectiveTransform.quadrilateralToQuadrilateral(
            margin,
            margin,
            margin + inner,
            margin,
            margin + inner,
            margin + inner,
            margin,
            margin + inner,
            (float) quad[0],
            (float) quad[1],
            (float) quad[2],
            (float) quad[3],
            (float) quad[4],
            (float) quad[5],
            (float) quad[6],
            (float) quad[7]);
    byte[] in = frame.pixelsRef();
    byte[] out = new byte[size * size];
    float[] point = new float[2];
    for (int y = 0; y < size; y++) {
      for (int x = 0; x < size; x++) {
        point[0] = x + 0.5f;
        point[1] = y + 0.5f;
        toFrame.transformPoints(point);
        out[y * size + x] =
            (byte) bilinear(in, frame.width(), frame.height(), point[0] - 0.5, point[1] - 0.5);
      }
    }
    double edge = Math.max(2, inner * 0.03);
    double[] square = {
      margin - edge,
      margin - edge,
      margin + inner + edge,
      margin - edge,
      margin + inner + edge,
      margin + inner + edge,
      margin - edge,
      margin + inner + edge
    };
    BitMatrix black;
    if (otsu) {
      black = thresholded(out, size, size, otsuThreshold(out, size, square));
    } else {
      try {
        black = new HybridBinarizer(new GrayscaleLuminanceSource(size, size, out)).getBlackMatrix();
      } catch (NotFoundException e) {
        return new BitMatrix(1);
      }
    }
    return cutOut(black, square);
  }

  private static int otsuThreshold(byte[] pixels, int width, double[] polygon) {
    int[] histogram = new int[256];
    int height = pixels.length / width;
    long total = 0;
    for (int y = 0; y < height; y++) {
      double[] span = Polygons.rowSpan(polygon, y + 0.5);
      if (span == null) {
        continue;
      }
      for (int x = Math.max(0, (int) span[0]); x < Math.min(width, (int) span[1]); x++) {
        histogram[pixels[y * width + x] & 0xff]++;
        total++;
      }
    }
    long sum = 0;
    for (int v = 0; v < 256; v++) {
      sum += (long) v * histogram[v];
    }
    long below = 0;
    long belowSum = 0;
    double best = -1;
    int threshold = 128;
    for (int v = 0; v < 256; v++) {
      below += histogram[v];
      belowSum += (long) v * histogram[v];
      long above = total - below;
      if (below == 0 || above == 0) {
        continue;
      }
      double meanBelow = (double) belowSum / below;
      double meanAbove = (double) (sum - belowSum) / above;
      double between = (double) below * above * (meanBelow - meanAbove) * (meanBelow - meanAbove);
      if (between > best) {
        best = between;
        threshold = v;
      }
    }
    return threshold;
  }

  private static BitMatrix thresholded(byte[] pixels, int width, int height, int threshold) {
    BitMatrix black = new BitMatrix(width, height);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        if ((pixels[y * width + x] & 0xff) <= threshold) {
          black.set(x, y);
        }
      }
    }
    return black;
  }

  private static int bilinear(byte[] in, int width, int height, double x, double y) {
    double cx = Math.max(0, Math.min(width - 1.001, x));
    double cy = Math.max(0, Math.min(height - 1.001, y));
    int x0 = (int) cx;
    int y0 = (int) cy;
    double fx = cx - x0;
    double fy = cy - y0;
    int i = y0 * width + x0;
    double v =
        (in[i] & 0xff) * (1 - fx) * (1 - fy)
            + (in[i + 1] & 0xff) * fx * (1 - fy)
            + (in[i + width] & 0xff) * (1 - fx) * fy
            + (in[i + width + 1] & 0xff) * fx * fy;
    return (int) Math.round(v);
  }
}
