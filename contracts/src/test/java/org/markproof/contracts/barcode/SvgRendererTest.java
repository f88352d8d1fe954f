package org.markproof.contracts.barcode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SvgRendererTest {
  @Test
  void drawsEveryDarkModuleOnceInOneCrispPath() throws Exception {
    SymbolMatrix qr =
        BarcodeEncoder.qrCode(
            "https://id.example.com/01/09520123456788/21/S1", QrErrorCorrection.M);
    String svg = SvgRenderer.render(qr, 4);
    int side = qr.width() + 2 * qr.quietZone();
    assertTrue(svg.contains("viewBox=\"0 0 " + side + " " + side + "\""), svg);
    assertTrue(svg.contains("width=\"" + side * 4 + "\""), svg);
    assertTrue(svg.contains("shape-rendering=\"crispEdges\""), svg);
    assertEquals(1, count(svg, "<path "));
    boolean[][] drawn = new boolean[side][side];
    Matcher run = Pattern.compile("M(\\d+) (\\d+)h(\\d+)v1h-(\\d+)z").matcher(svg);
    int runs = 0;
    while (run.find()) {
      runs++;
      int x = Integer.parseInt(run.group(1));
      int y = Integer.parseInt(run.group(2));
      int length = Integer.parseInt(run.group(3));
      assertEquals(length, Integer.parseInt(run.group(4)));
      for (int i = 0; i < length; i++) {
        assertTrue(!drawn[y][x + i], "module drawn twice at " + (x + i) + "," + y);
        drawn[y][x + i] = true;
      }
    }
    assertTrue(runs > 0);
    for (int y = 0; y < side; y++) {
      for (int x = 0; x < side; x++) {
        boolean dark = qr.isDark(x - qr.quietZone(), y - qr.quietZone());
        assertEquals(dark, drawn[y][x], "module " + x + "," + y);
      }
    }
  }

  private static int count(String text, String part) {
    int n = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
      n++;
    }
    return n;
  }
}
