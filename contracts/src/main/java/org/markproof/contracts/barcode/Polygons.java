package org.markproof.contracts.barcode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Convex polygons as {@code x, y} pairs, for locating and cutting out symbols. */
final class Polygons {
  private Polygons() {}

  /** Andrew's monotone chain over the row extremes of a component, in pixel-edge coordinates. */
  static double[] hull(int[] rowMin, int[] rowMax, int top, int bottom) {
    List<double[]> points = new ArrayList<>();
    for (int y = top; y <= bottom; y++) {
      if (rowMax[y] >= rowMin[y]) {
        points.add(new double[] {rowMin[y], y});
        points.add(new double[] {rowMin[y], y + 1});
        points.add(new double[] {rowMax[y] + 1, y});
        points.add(new double[] {rowMax[y] + 1, y + 1});
      }
    }
    points.sort(Comparator.comparingDouble((double[] p) -> p[0]).thenComparingDouble(p -> p[1]));
    double[][] chain = new double[2 * points.size()][];
    int k = 0;
    for (double[] p : points) {
      while (k >= 2 && cross(chain[k - 2], chain[k - 1], p) <= 0) {
        k--;
      }
      chain[k++] = p;
    }
    for (int i = points.size() - 2, lower = k + 1; i >= 0; i--) {
      double[] p = points.get(i);
      while (k >= lower && cross(chain[k - 2], chain[k - 1], p) <= 0) {
        k--;
      }
      chain[k++] = p;
    }
    double[] hull = new double[2 * (k - 1)];
    for (int i = 0; i < k - 1; i++) {
      hull[2 * i] = chain[i][0];
      hull[2 * i + 1] = chain[i][1];
    }
    return hull;
  }

  static double cross(double[] o, double[] a, double[] b) {
    return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
  }

  static double area(double[] polygon) {
    double twice = 0;
    int n = polygon.length / 2;
    for (int i = 0; i < n; i++) {
      int j = (i + 1) % n;
      twice += polygon[2 * i] * polygon[2 * j + 1] - polygon[2 * j] * polygon[2 * i + 1];
    }
    return Math.abs(twice) / 2;
  }

  static double[] bounds(double[] polygon) {
    double[] box = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
    for (int i = 0; i < polygon.length; i += 2) {
      box[0] = Math.min(box[0], polygon[i]);
      box[1] = Math.min(box[1], polygon[i + 1]);
      box[2] = Math.max(box[2], polygon[i]);
      box[3] = Math.max(box[3], polygon[i + 1]);
    }
    return box;
  }

  /** The hull scaled about its centre by about a module: 5% of its size, at least 4 pixels. */
  static double[] grown(double[] hull) {
    double[] box = bounds(hull);
    double cx = (box[0] + box[2]) / 2;
    double cy = (box[1] + box[3]) / 2;
    double size = Math.max(1, Math.max(box[2] - box[0], box[3] - box[1]));
    double scale = 1 + Math.max(4.0, size * 0.05) / size;
    double[] grown = new double[hull.length];
    for (int i = 0; i < hull.length; i += 2) {
      grown[i] = cx + (hull[i] - cx) * scale;
      grown[i + 1] = cy + (hull[i + 1] - cy) * scale;
    }
    return grown;
  }

  /** {@code [left, top, right, bottom)} of the grown hull plus a margin, within the image. */
  static int[] cropBox(double[] hull, int width, int height) {
    double[] box = bounds(grown(hull));
    int margin = (int) Math.max(8, (box[2] - box[0]) * 0.1);
    return new int[] {
      Math.max(0, (int) Math.floor(box[0]) - margin),
      Math.max(0, (int) Math.floor(box[1]) - margin),
      Math.min(width, (int) Math.ceil(box[2]) + margin),
      Math.min(height, (int) Math.ceil(box[3]) + margin)
    };
  }

  /** Where the horizontal line at {@code y} crosses the convex polygon, or null if it misses. */
  static double[] rowSpan(double[] polygon, double y) {
    double low = Double.MAX_VALUE;
    double high = -Double.MAX_VALUE;
    int n = polygon.length / 2;
    for (int i = 0; i < n; i++) {
      int j = (i + 1) % n;
      double y1 = polygon[2 * i + 1];
      double y2 = polygon[2 * j + 1];
      if ((y1 <= y && y2 >= y) || (y2 <= y && y1 >= y)) {
        double x1 = polygon[2 * i];
        double x2 = polygon[2 * j];
        double x = y1 == y2 ? Math.min(x1, x2) : x1 + (y - y1) * (x2 - x1) / (y2 - y1);
        double xEnd = y1 == y2 ? Math.max(x1, x2) : x;
        low = Math.min(low, x);
        high = Math.max(high, xEnd);
      }
    }
    return low <= high ? new double[] {low, high} : null;
  }

  /**
   * The quadrilateral of largest area with corners among the polygon's vertices, in the polygon's
   * order: for a located symbol, its four corners. Found by improving each corner in turn from the
   * two farthest vertices; exact enough for a convex outline of a square seen in perspective.
   */
  static double[] largestQuadrilateral(double[] polygon) {
    int n = polygon.length / 2;
    if (n < 4) {
      return null;
    }
    int[] corner = new int[4];
    double far = -1;
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        double d = squaredDistance(polygon, i, j);
        if (d > far) {
          far = d;
          corner[0] = i;
          corner[2] = j;
        }
      }
    }
    corner[1] = (corner[0] + corner[2]) / 2;
    corner[3] = (corner[2] + (n + corner[0] - corner[2]) / 2) % n;
    for (int round = 0; round < 4; round++) {
      for (int c = 0; c < 4; c++) {
        int from = corner[(c + 3) % 4];
        int to = corner[(c + 1) % 4];
        double best = -1;
        for (int k = (from + 1) % n; k != to; k = (k + 1) % n) {
          double a = Math.abs(triangle(polygon, from, k, to));
          if (a > best) {
            best = a;
            corner[c] = k;
          }
        }
      }
    }
    double[] quad = new double[8];
    for (int c = 0; c < 4; c++) {
      quad[2 * c] = polygon[2 * corner[c]];
      quad[2 * c + 1] = polygon[2 * corner[c] + 1];
    }
    return area(quad) > 0 ? quad : null;
  }

  private static double squaredDistance(double[] p, int i, int j) {
    double dx = p[2 * i] - p[2 * j];
    double dy = p[2 * i + 1] - p[2 * j + 1];
    return dx * dx + dy * dy;
  }

  private static double triangle(double[] p, int a, int b, int c) {
    return ((p[2 * b] - p[2 * a]) * (p[2 * c + 1] - p[2 * a + 1])
            - (p[2 * b + 1] - p[2 * a + 1]) * (p[2 * c] - p[2 * a]))
        / 2;
  }
}
