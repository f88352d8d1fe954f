package org.markproof.contracts.barcode;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.ReaderException;
import com.google.zxing.Result;
import com.google.zxing.common.HybridBinarizer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.markproof.contracts.label.ElementString;

/**
 * Decodes 240 seeded photo-like frames of markproof labels (60% QR Code with a Digital Link, 40%
 * GS1 DataMatrix with an element string) with {@link ImageDecoder} and with plain zxing defaults,
 * prints both rates, and requires ours to return the exact payload for at least 95% of frames.
 */
class RobustnessTest {
  static final int FRAMES = 240;

  record Sample(String kind, String expected, PhotoFrameGenerator.Frame frame) {}

  static Sample sample(int index) throws Exception {
    SplittableRandom random = new SplittableRandom(0x6d61726bL * 1_000_003L + index);
    if (index % 5 < 3) {
      String uri = LabelPayloads.digitalLink(random);
      SymbolMatrix qr = BarcodeEncoder.qrCode(uri, QrErrorCorrection.M);
      return new Sample(
          "QR",
          uri,
          PhotoFrameGenerator.render(new PhotoFrameGenerator.Drawing(qr, null), random.nextLong()));
    }
    var fields = LabelPayloads.signedFields(random);
    SymbolMatrix dm = BarcodeEncoder.gs1DataMatrix(fields);
    return new Sample(
        "DM",
        ElementString.format(fields),
        PhotoFrameGenerator.render(new PhotoFrameGenerator.Drawing(dm, null), random.nextLong()));
  }

  @Test
  void decodesAtLeastNinetyFivePercentOfPhotoLikeFramesExactly() throws Exception {
    int ours = 0;
    int plain = 0;
    int wrong = 0;
    int withinBudget = 0;
    Map<DecodeAttempt, Integer> byAttempt = new EnumMap<>(DecodeAttempt.class);
    List<String> misses = new ArrayList<>();
    List<Long> millis = new ArrayList<>();
    // A ticker that advances 1 ns per read: every attempt runs, whatever the machine's speed, so
    // the rate does not depend on load. Wall time is measured separately and only reported.
    AtomicLong fakeNanos = new AtomicLong();
    BarcodeDecoder decoder = BarcodeDecoder.withDefaultBudget();
    for (int i = 0; i < FRAMES; i++) {
      Sample sample = sample(i);
      if (plainZxing(sample)) {
        plain++;
      }
      LuminanceFrame frame = ImageDecoder.readFrame(sample.frame().jpeg());
      long start = System.nanoTime();
      try {
        BarcodeDecoder.Traced traced = decoder.decodeTraced(frame, fakeNanos::incrementAndGet);
        if (traced.barcode().text().equals(sample.expected())) {
          ours++;
          if (System.nanoTime() - start <= BarcodeDecoder.DEFAULT_BUDGET.toNanos()) {
            withinBudget++;
          }
          byAttempt.merge(traced.attempt(), 1, Integer::sum);
        } else {
          wrong++;
          misses.add(i + " " + sample.kind() + " WRONG " + traced.barcode().text());
        }
      } catch (NoCodeFoundException e) {
        misses.add(i + " " + sample.kind() + " " + sample.frame().conditions());
      }
      millis.add((System.nanoTime() - start) / 1_000_000);
    }
    millis.sort(null);
    System.out.printf(
        "robustness: %d frames; ours %d (%.1f%%), of them %d within %d ms of wall time here,"
            + " plain zxing %d (%.1f%%), wrong payloads %d%n"
            + "  by attempt %s%n  decode ms per frame: median %d, p90 %d, max %d%n",
        FRAMES,
        ours,
        100.0 * ours / FRAMES,
        withinBudget,
        BarcodeDecoder.DEFAULT_BUDGET.toMillis(),
        plain,
        100.0 * plain / FRAMES,
        wrong,
        byAttempt,
        millis.get(FRAMES / 2),
        millis.get(FRAMES * 9 / 10),
        millis.get(FRAMES - 1));
    misses.forEach(m -> System.out.println("  miss " + m));
    assertTrue(wrong == 0, "wrong payloads: " + wrong);
    assertTrue(ours * 100 >= FRAMES * 95, "ours decoded " + ours + " of " + FRAMES);
  }

  @Test
  void decodesPhotographedEan13AndGs1128() throws Exception {
    int ours = 0;
    int plain = 0;
    int total = 24;
    List<String> misses = new ArrayList<>();
    AtomicLong fakeNanos = new AtomicLong();
    BarcodeDecoder decoder = BarcodeDecoder.withDefaultBudget();
    for (int i = 0; i < total; i++) {
      SplittableRandom random = new SplittableRandom(0x31444L * 7919 + i);
      var fields = LabelPayloads.signedFields(random).withSignature(null);
      String expected;
      var expectedFields =
          i % 2 == 0 ? org.markproof.contracts.label.Gs1Fields.gtinOnly(fields.gtin()) : fields;
      boolean[] bars;
      String identifier;
      if (i % 2 == 0) {
        String gtin13 = fields.gtin().digits().substring(1);
        expected = gtin13;
        bars = new com.google.zxing.oned.EAN13Writer().encode(gtin13);
        identifier = "]E0";
      } else {
        expected = ElementString.format(fields);
        bars =
            new com.google.zxing.oned.Code128Writer()
                .encode("\u00f1" + expected.replace(ElementString.GROUP_SEPARATOR, '\u00f1'));
        identifier = "]C1";
      }
      Sample sample =
          new Sample(
              identifier,
              expected,
              PhotoFrameGenerator.render(
                  new PhotoFrameGenerator.Drawing(null, bars), random.nextLong()));
      if (plainZxing(sample)) {
        plain++;
      }
      try {
        DecodedBarcode decoded =
            decoder.decode(
                ImageDecoder.readFrame(sample.frame().jpeg()), fakeNanos::incrementAndGet);
        // A GTIN-13 starting with 0 reads as UPC-A, 12 digits: compare what it carries.
        if (decoded.symbologyIdentifier().equals(identifier)
            && decoded.code().fields().equals(java.util.Optional.of(expectedFields))) {
          ours++;
        } else {
          misses.add(i + " WRONG " + decoded.symbologyIdentifier() + decoded.text());
        }
      } catch (NoCodeFoundException e) {
        misses.add(i + " " + identifier + " " + sample.frame().conditions());
      }
    }
    System.out.printf(
        "1D robustness: %d EAN-13 and GS1-128 frames; ours %d, plain zxing %d%n",
        total, ours, plain);
    misses.forEach(m -> System.out.println("  miss " + m));
    assertTrue(misses.stream().noneMatch(m -> m.contains("WRONG")), "wrong payloads: " + misses);
    assertTrue(ours >= plain, "ours " + ours + " below plain zxing " + plain);
    assertTrue(ours * 10 >= total * 9, "ours decoded " + ours + " of " + total);
  }

  /** zxing as an app would call it with no tuning: all formats, hybrid binarizer, no hints. */
  static boolean plainZxing(Sample sample) throws Exception {
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(sample.frame().jpeg()));
    int[] argb = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    BinaryBitmap bitmap =
        new BinaryBitmap(
            new HybridBinarizer(new RGBLuminanceSource(image.getWidth(), image.getHeight(), argb)));
    try {
      Result result = new MultiFormatReader().decode(bitmap);
      String text = result.getText();
      if (text.startsWith("]C1")) {
        text = text.substring(3);
      }
      if (!text.isEmpty() && text.charAt(0) == ElementString.GROUP_SEPARATOR) {
        text = text.substring(1);
      }
      return text.equals(sample.expected());
    } catch (ReaderException e) {
      return false;
    }
  }
}
