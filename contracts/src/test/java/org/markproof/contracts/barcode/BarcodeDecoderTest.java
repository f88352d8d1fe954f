package org.markproof.contracts.barcode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.markproof.contracts.label.ElementString;
import org.markproof.contracts.label.Gs1Fields;

class BarcodeDecoderTest {
  private static final int WIDTH = 900;
  private static final int HEIGHT = 320;

  /** The system property that lifts the budget on a slow machine is refused when it is not one. */
  @Test
  void aBudgetPropertyThatIsNotANonNegativeDurationIsRefused() {
    String before = System.getProperty(BarcodeDecoder.BUDGET_PROPERTY);
    try {
      System.setProperty(BarcodeDecoder.BUDGET_PROPERTY, "a quarter second");
      assertThrows(IllegalArgumentException.class, BarcodeDecoder::withDefaultBudget);
      System.setProperty(BarcodeDecoder.BUDGET_PROPERTY, "-PT1S");
      assertThrows(IllegalArgumentException.class, BarcodeDecoder::withDefaultBudget);
      System.setProperty(BarcodeDecoder.BUDGET_PROPERTY, "PT2S");
      BarcodeDecoder.withDefaultBudget();
    } finally {
      if (before == null) {
        System.clearProperty(BarcodeDecoder.BUDGET_PROPERTY);
      } else {
        System.setProperty(BarcodeDecoder.BUDGET_PROPERTY, before);
      }
    }
  }

  @Test
  void prefersTheDataMatrixOverAnEan13OnTheSamePack() throws Exception {
    Gs1Fields fields = LabelPayloads.signedFields(new SplittableRandom(11));
    byte[] pixels = new byte[WIDTH * HEIGHT];
    Arrays.fill(pixels, (byte) 255);
    boolean[] ean =
        new com.google.zxing.oned.EAN13Writer().encode(fields.gtin().digits().substring(1));
    for (int x = 0; x < ean.length; x++) {
      if (ean[x]) {
        fill(pixels, 40 + 3 * x, 60, 3, 200);
      }
    }
    SymbolMatrix dm = BarcodeEncoder.gs1DataMatrix(fields);
    for (int y = 0; y < dm.height(); y++) {
      for (int x = 0; x < dm.width(); x++) {
        if (dm.isDark(x, y)) {
          fill(pixels, 560 + 5 * x, 40 + 5 * y, 5, 5);
        }
      }
    }
    BarcodeDecoder.Traced traced =
        BarcodeDecoder.withDefaultBudget()
            .decodeTraced(
                LuminanceFrame.of(WIDTH, HEIGHT, pixels), new AtomicLong()::incrementAndGet);
    DecodedBarcode decoded = traced.barcode();
    // The whole-frame read finds only the EAN-13 (the Data Matrix is off centre); the symbol is
    // found among the regions afterwards.
    assertTrue(traced.attempt() != DecodeAttempt.HYBRID, traced.attempt().name());
    assertEquals(Symbology.DATA_MATRIX, decoded.symbology());
    assertEquals(ElementString.format(fields), decoded.text());
  }

  @Test
  void readsARenderedSymbolThatEndsAtTheImageEdge() throws Exception {
    // Generators such as zint write Data Matrix images without the quiet zone ISO/IEC 16022 asks
    // for; zxing's detector then finds nothing unless the decoder adds the margin itself.
    Gs1Fields fields = LabelPayloads.signedFields(new SplittableRandom(5));
    SymbolMatrix dm = BarcodeEncoder.gs1DataMatrix(fields);
    int module = 6;
    int width = dm.width() * module;
    int height = dm.height() * module;
    byte[] pixels = new byte[width * height];
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        pixels[y * width + x] = (byte) (dm.isDark(x / module, y / module) ? 0 : 255);
      }
    }
    DecodedBarcode decoded =
        BarcodeDecoder.withDefaultBudget()
            .decode(LuminanceFrame.of(width, height, pixels), new AtomicLong()::incrementAndGet);
    assertEquals(Symbology.DATA_MATRIX, decoded.symbology());
    assertEquals(ElementString.format(fields), decoded.text());
  }

  @Test
  void stopsWhenTheCallersTickerSaysTheBudgetIsSpent() throws Exception {
    byte[] blank = new byte[WIDTH * HEIGHT];
    Arrays.fill(blank, (byte) 200);
    AtomicLong reads = new AtomicLong();
    // Every reading of the ticker moves it a full second on: only the first read may happen.
    NoCodeFoundException e =
        assertThrows(
            NoCodeFoundException.class,
            () ->
                BarcodeDecoder.withDefaultBudget()
                    .decode(
                        LuminanceFrame.of(WIDTH, HEIGHT, blank),
                        () -> reads.getAndIncrement() * 1_000_000_000L));
    assertTrue(e.getMessage().contains("(1 reads"), e.getMessage());
  }

  private static void fill(byte[] pixels, int left, int top, int width, int height) {
    for (int y = top; y < top + height; y++) {
      Arrays.fill(pixels, y * WIDTH + left, y * WIDTH + left + width, (byte) 0);
    }
  }
}
