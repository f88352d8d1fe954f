package org.markproof.contracts.barcode;

import com.google.zxing.common.BitArray;
import com.google.zxing.common.BitMatrix;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Finds regions that look like 2D symbols and cuts each out on a white ground.
 *
 * <p>zxing's Data Matrix detector grows a white rectangle from the image centre, so it fails when
 * the symbol is off centre or printed a few modules from text or other marks: the rectangle takes
 * them in and its corners come out wrong. Here the frame is binarized and its black pixels are
 * grouped into 8-connected components. A QR Code or Data Matrix is one such component (its finder
 * patterns and modules touch) whose convex hull is a filled-in quadrilateral about half black;
 * blocks, lines and words are either nearly solid within their hull or small. Each likely component
 * is cropped with everything outside its slightly enlarged hull painted white, so the detector sees
 * the symbol alone.
 */
final class SymbolLocator {
  private static final int CELL = 3;
  private static final int MIN_SIDE = 36;
  private static final double MIN_FILL = 0.25;
  private static final double MAX_FILL = 0.78;
  private static final int MAX_CANDIDATES = 4;

  private SymbolLocator() {}

  /** A frame's binarization and the hulls of its likely symbols, most symbol-like first. */
  record Located(BitMatrix black, List<double[]> hulls) {}

  /**
   * Finds at most {@value #MAX_CANDIDATES} likely symbols in {@code black}, a frame binarized by
   * zxing's hybrid binarizer.
   */
  static Located locate(BitMatrix black) {
    List<Component> components = components(black, black.getWidth(), black.getHeight());
    components.sort(Comparator.comparingDouble((Component c) -> Math.abs(c.fill() - 0.5)));
    List<double[]> hulls = new ArrayList<>();
    for (Component component : components) {
      hulls.add(component.hull());
      if (hulls.size() == MAX_CANDIDATES) {
        break;
      }
    }
    return new Located(black, hulls);
  }

  /** A component's convex hull (x, y pairs, counter-clockwise) and its black share of it. */
  private record Component(double[] hull, double fill) {}

  /**
   * Components of the black pixels, connected through a grid of {@value #CELL}-pixel cells (a cell
   * is black if any of its pixels is), so that modules separated by a hairline still join while
   * marks a few modules away stay apart.
   */
  private static List<Component> components(BitMatrix black, int width, int height) {
    int columns = (width + CELL - 1) / CELL;
    int rows = (height + CELL - 1) / CELL;
    int[] count = new int[columns * rows];
    // Visit the set bits of each row's words rather than asking for every pixel: most words of a
    // photo are white, and this runs on every frame the plain read misses.
    BitArray row = new BitArray(width);
    for (int y = 0; y < height; y++) {
      row = black.getRow(y, row);
      int[] words = row.getBitArray();
      int cells = (y / CELL) * columns;
      for (int w = 0; w < words.length; w++) {
        for (int bits = words[w]; bits != 0; bits &= bits - 1) {
          int x = (w << 5) + Integer.numberOfTrailingZeros(bits);
          if (x < width) {
            count[cells + x / CELL]++;
          }
        }
      }
    }
    int[] label = new int[columns * rows];
    int[] queue = new int[columns * rows];
    int[] rowMin = new int[rows];
    int[] rowMax = new int[rows];
    List<Component> found = new ArrayList<>();
    int next = 0;
    for (int start = 0; start < label.length; start++) {
      if (label[start] != 0 || count[start] == 0) {
        continue;
      }
      next++;
      java.util.Arrays.fill(rowMin, columns);
      java.util.Arrays.fill(rowMax, -1);
      int head = 0;
      int tail = 0;
      queue[tail++] = start;
      label[start] = next;
      int top = rows;
      int bottom = -1;
      long pixels = 0;
      while (head < tail) {
        int cell = queue[head++];
        int x = cell % columns;
        int y = cell / columns;
        pixels += count[cell];
        top = Math.min(top, y);
        bottom = Math.max(bottom, y);
        rowMin[y] = Math.min(rowMin[y], x);
        rowMax[y] = Math.max(rowMax[y], x);
        for (int dy = -1; dy <= 1; dy++) {
          for (int dx = -1; dx <= 1; dx++) {
            int nx = x + dx;
            int ny = y + dy;
            if (nx >= 0 && ny >= 0 && nx < columns && ny < rows) {
              int n = ny * columns + nx;
              if (label[n] == 0 && count[n] > 0) {
                label[n] = next;
                queue[tail++] = n;
              }
            }
          }
        }
      }
      if ((bottom - top + 1) * CELL < MIN_SIDE) {
        continue;
      }
      double[] hull = Polygons.hull(rowMin, rowMax, top, bottom);
      for (int i = 0; i < hull.length; i++) {
        hull[i] *= CELL;
      }
      double fill = pixels / Math.max(1, Polygons.area(hull));
      if (fill >= MIN_FILL && fill <= MAX_FILL && isSquareish(hull)) {
        found.add(new Component(hull, fill));
      }
    }
    return found;
  }

  /** Whether the hull's area is at least a third of the square of its longest extent. */
  private static boolean isSquareish(double[] hull) {
    double[] box = Polygons.bounds(hull);
    double side = Math.max(box[2] - box[0], box[3] - box[1]);
    return Polygons.area(hull) >= side * side / 3;
  }
}
