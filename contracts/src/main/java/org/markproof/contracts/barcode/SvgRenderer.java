package org.markproof.contracts.barcode;

import org.markproof.contracts.MalformedDataException;

/**
 * Renders a {@link SymbolMatrix} as SVG: a white background and one path of the dark modules, one
 * subpath per horizontal run, in module units, with {@code shape-rendering="crispEdges"} so that no
 * viewer antialiases module edges.
 */
public final class SvgRenderer {
  private SvgRenderer() {}

  /**
   * Renders {@code symbol} with its quiet zone; {@code modulePixels} sets the intrinsic size (the
   * drawing scales freely).
   *
   * @throws MalformedDataException if {@code modulePixels} is outside 1..32 or a side would exceed
   *     4096 pixels
   */
  public static String render(SymbolMatrix symbol, int modulePixels) throws MalformedDataException {
    int[] size = PngRenderer.checkedSize(symbol, modulePixels);
    int quiet = symbol.quietZone();
    int unitsWide = symbol.width() + 2 * quiet;
    int unitsHigh = symbol.height() + 2 * quiet;
    StringBuilder path = new StringBuilder(symbol.width() * symbol.height() * 2);
    for (int y = 0; y < symbol.height(); y++) {
      int x = 0;
      while (x < symbol.width()) {
        if (!symbol.isDark(x, y)) {
          x++;
          continue;
        }
        int start = x;
        while (x < symbol.width() && symbol.isDark(x, y)) {
          x++;
        }
        int run = x - start;
        path.append('M')
            .append(start + quiet)
            .append(' ')
            .append(y + quiet)
            .append('h')
            .append(run)
            .append("v1h-")
            .append(run)
            .append('z');
      }
    }
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\""
        + size[0]
        + "\" height=\""
        + size[1]
        + "\" viewBox=\"0 0 "
        + unitsWide
        + " "
        + unitsHigh
        + "\" shape-rendering=\"crispEdges\">\n"
        + "<rect width=\""
        + unitsWide
        + "\" height=\""
        + unitsHigh
        + "\" fill=\"#fff\"/>\n"
        + "<path fill=\"#000\" d=\""
        + path
        + "\"/>\n</svg>\n";
  }
}
