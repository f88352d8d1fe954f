package org.markproof.contracts.barcode;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.SplittableRandom;

/**
 * Makes reproducible photo-like 1280×720 JPEG frames of a printed label: the symbol on a card with
 * a quiet zone and lines of "text", placed by a random homography (any rotation, scale, perspective
 * tilt) on a cluttered background, then lit unevenly (gradient, optional glare), defocused, given
 * sensor noise, and JPEG-compressed at quality 0.5–0.8. Each frame depends only on its seed.
 */
final class PhotoFrameGenerator {
  static final int WIDTH = 1280;
  static final int HEIGHT = 720;
  private static final int RASTER_PER_MODULE = 4;

  /** What to draw: a 2D symbol, or a 1D pattern of bar widths in modules. */
  record Drawing(SymbolMatrix symbol, boolean[] bars) {}

  /** The knobs one frame was made with, for the test's report. */
  record Conditions(
      double modulePixels,
      double rotationDegrees,
      double tilt,
      int paper,
      int ink,
      double exposure,
      double gradient,
      double glare,
      double blurSigma,
      double noiseSigma,
      float jpegQuality) {
    @Override
    public String toString() {
      return String.format(
          "module %.1fpx rot %.0f° tilt %.0f° paper %d ink %d exposure %.2f gradient %.2f glare %.0f"
              + " blur %.2f noise %.1f q %.2f",
          modulePixels,
          rotationDegrees,
          tilt,
          paper,
          ink,
          exposure,
          gradient,
          glare,
          blurSigma,
          noiseSigma,
          jpegQuality);
    }
  }

  record Frame(byte[] jpeg, Conditions conditions) {}

  private PhotoFrameGenerator() {}

  static Frame render(Drawing drawing, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    boolean oneD = drawing.bars() != null;
    // A long 1D code is held along the frame's long side; a short one may also stand upright.
    boolean upright = oneD && drawing.bars().length < 200 && random.nextBoolean();
    double modulePixels =
        oneD
            ? Math.min(
                uniform(random, 2.0, 3.5),
                0.85 * (upright ? HEIGHT : WIDTH) / (drawing.bars().length + 20))
            : uniform(random, 2.5, 6.0);
    Conditions c =
        new Conditions(
            modulePixels,
            oneD ? uniform(random, -10, 10) + (upright ? 90 : 0) : uniform(random, 0, 360),
            uniform(random, 0, oneD ? 20 : 40),
            (int) uniform(random, 185, 245),
            (int) uniform(random, 15, 130),
            uniform(random, 0.45, 1.0),
            uniform(random, 0, 0.65),
            random.nextInt(4) == 0 ? uniform(random, 30, 110) : 0,
            modulePixels * uniform(random, 0.05, 0.35),
            uniform(random, 1.5, 8),
            (float) uniform(random, 0.5, 0.8));
    float[] gray = background(random);
    float[] label = labelRaster(drawing, c, random);
    int labelWidth = labelWidth(drawing);
    int labelHeight = label.length / labelWidth;
    double[] toLabel = placement(random, c, labelWidth, labelHeight);
    composite(gray, label, labelWidth, labelHeight, toLabel);
    PhotoEffects.light(gray, random, c);
    gray = PhotoEffects.gaussianBlur(gray, c.blurSigma());
    return new Frame(PhotoEffects.toJpeg(gray, random, c), c);
  }

  static double uniform(SplittableRandom random, double low, double high) {
    return low + (high - low) * random.nextDouble();
  }

  /** Gradient ground, boxes, lines, ellipses and blocks of fake text in assorted greys. */
  private static float[] background(SplittableRandom random) {
    BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_BYTE_GRAY);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    int base = 60 + random.nextInt(140);
    g.setPaint(
        new java.awt.GradientPaint(
            0, 0, grey(base), WIDTH, HEIGHT, grey(Math.min(255, base + random.nextInt(80) - 20))));
    g.fillRect(0, 0, WIDTH, HEIGHT);
    for (int i = 0, n = 6 + random.nextInt(10); i < n; i++) {
      g.setColor(grey(random.nextInt(256)));
      int x = random.nextInt(WIDTH);
      int y = random.nextInt(HEIGHT);
      switch (random.nextInt(4)) {
        case 0 -> g.fillRect(x - 150, y - 100, 40 + random.nextInt(400), 30 + random.nextInt(300));
        case 1 -> g.fillOval(x - 100, y - 100, 30 + random.nextInt(250), 30 + random.nextInt(250));
        case 2 -> {
          g.setStroke(new BasicStroke(1 + random.nextInt(8)));
          g.drawLine(x, y, random.nextInt(WIDTH), random.nextInt(HEIGHT));
        }
        default -> fakeText(g, random, x - 100, y - 40, grey(random.nextInt(90)));
      }
    }
    g.dispose();
    byte[] pixels = ((java.awt.image.DataBufferByte) image.getRaster().getDataBuffer()).getData();
    float[] out = new float[pixels.length];
    for (int i = 0; i < pixels.length; i++) {
      out[i] = pixels[i] & 0xff;
    }
    return out;
  }

  private static void fakeText(Graphics2D g, SplittableRandom random, int x, int y, Color color) {
    g.setColor(color);
    int lineHeight = 8 + random.nextInt(10);
    for (int line = 0, lines = 2 + random.nextInt(5); line < lines; line++) {
      int cursor = x;
      for (int word = 0, words = 2 + random.nextInt(6); word < words; word++) {
        int length = lineHeight * (1 + random.nextInt(4));
        g.fillRect(cursor, y + line * lineHeight * 2, length, lineHeight);
        cursor += length + lineHeight;
      }
    }
  }

  private static Color grey(int v) {
    int c = Math.max(0, Math.min(255, v));
    return new Color(c, c, c);
  }

  private static int labelWidth(Drawing drawing) {
    if (drawing.bars() != null) {
      return (drawing.bars().length + 20) * RASTER_PER_MODULE;
    }
    SymbolMatrix s = drawing.symbol();
    return (s.width() + 2 * s.quietZone() + 4) * RASTER_PER_MODULE;
  }

  /**
   * The card: paper, the symbol in ink with its quiet zone, and on three cards in four a few lines
   * of text below, from right after the quiet zone to eight modules further.
   */
  private static float[] labelRaster(Drawing drawing, Conditions c, SplittableRandom random) {
    int width = labelWidth(drawing);
    int symbolModulesHigh =
        drawing.bars() != null
            ? (int) (drawing.bars().length * (drawing.bars().length < 120 ? 0.6 : 0.25))
            : drawing.symbol().height();
    int quiet = drawing.bars() != null ? 10 : drawing.symbol().quietZone() + 2;
    boolean text = random.nextInt(4) != 0;
    int gap = random.nextInt(9);
    int textRows = 6;
    int height = (symbolModulesHigh + 2 * quiet + gap + textRows) * RASTER_PER_MODULE;
    float[] raster = new float[width * height];
    java.util.Arrays.fill(raster, c.paper());
    for (int y = 0; y < symbolModulesHigh; y++) {
      for (int x = 0; x < width / RASTER_PER_MODULE - 2 * quiet; x++) {
        boolean dark =
            drawing.bars() != null
                ? x < drawing.bars().length && drawing.bars()[x]
                : drawing.symbol().isDark(x, y);
        if (dark) {
          fillModule(raster, width, x + quiet, y + quiet, c.ink());
        }
      }
    }
    int textTop = symbolModulesHigh + 2 * quiet + gap;
    for (int x = quiet; x < width / RASTER_PER_MODULE - quiet; x++) {
      if (text && random.nextInt(5) != 0) {
        for (int row = 1; row < textRows - 1; row += 2) {
          fillModule(raster, width, x, textTop + row, c.ink());
        }
      }
    }
    return raster;
  }

  private static void fillModule(float[] raster, int width, int mx, int my, float value) {
    for (int dy = 0; dy < RASTER_PER_MODULE; dy++) {
      for (int dx = 0; dx < RASTER_PER_MODULE; dx++) {
        raster[(my * RASTER_PER_MODULE + dy) * width + mx * RASTER_PER_MODULE + dx] = value;
      }
    }
  }

  /** Focal length of the simulated camera in pixels: about 65° across 1280 pixels. */
  private static final double FOCAL = 1000;

  /**
   * The homography from frame to label raster coordinates, from a pinhole camera looking at the
   * card: turned in its plane by the frame's rotation, tilted by {@code tilt} degrees about a
   * random axis in its plane (the far side shrinks), at the distance that gives the drawn module
   * size at its centre, and placed where the phone was roughly aimed.
   */
  private static double[] placement(
      SplittableRandom random, Conditions c, int labelWidth, int labelHeight) {
    double scale = c.modulePixels() / RASTER_PER_MODULE;
    // Aimed at the code, not perfectly: the centre lands anywhere in the middle 30% of the frame,
    // then is pulled in so that the card stays in view (its text may not, at a steep tilt).
    double turn0 = Math.toRadians(c.rotationDegrees());
    double halfWidth = labelWidth * scale / 2;
    double halfHeight = labelHeight * scale / 2;
    double extentX = Math.abs(Math.cos(turn0)) * halfWidth + Math.abs(Math.sin(turn0)) * halfHeight;
    double extentY = Math.abs(Math.sin(turn0)) * halfWidth + Math.abs(Math.cos(turn0)) * halfHeight;
    double margin = 1 + Math.sin(Math.toRadians(c.tilt())) * 0.3;
    double cx = WIDTH / 2.0 + uniform(random, -0.15, 0.15) * WIDTH;
    double cy = HEIGHT / 2.0 + uniform(random, -0.15, 0.15) * HEIGHT;
    cx = clampCentre(cx, extentX * margin, WIDTH);
    cy = clampCentre(cy, extentY * margin, HEIGHT);
    double turn = Math.toRadians(c.rotationDegrees());
    double axis = uniform(random, 0, Math.PI);
    double tilt = Math.toRadians(c.tilt());
    double[] label = {0, 0, labelWidth, 0, labelWidth, labelHeight, 0, labelHeight};
    double[] frame = new double[8];
    for (int i = 0; i < 4; i++) {
      double u = (label[2 * i] - labelWidth / 2.0) * scale;
      double v = (label[2 * i + 1] - labelHeight / 2.0) * scale;
      double x = u * Math.cos(turn) - v * Math.sin(turn);
      double y = u * Math.sin(turn) + v * Math.cos(turn);
      // Rodrigues' rotation of (x, y, 0) about the in-plane axis (cos a, sin a, 0).
      double ax = Math.cos(axis);
      double ay = Math.sin(axis);
      double along = x * ax + y * ay;
      double px = along * ax + (x - along * ax) * Math.cos(tilt);
      double py = along * ay + (y - along * ay) * Math.cos(tilt);
      double pz = (ay * x - ax * y) * Math.sin(tilt);
      double depth = FOCAL + pz;
      frame[2 * i] = cx + FOCAL * px / depth;
      frame[2 * i + 1] = cy + FOCAL * py / depth;
    }
    return Homography.between(frame, label);
  }

  /** Keeps {@code centre ± extent} within {@code [0, size)}, or centres it if it cannot fit. */
  private static double clampCentre(double centre, double extent, double size) {
    if (2 * extent >= size) {
      return size / 2;
    }
    return Math.max(extent, Math.min(size - extent, centre));
  }

  /** Draws the card, 2×2 supersampled, over the background. */
  private static void composite(
      float[] gray, float[] label, int labelWidth, int labelHeight, double[] toLabel) {
    for (int y = 0; y < HEIGHT; y++) {
      for (int x = 0; x < WIDTH; x++) {
        float sum = 0;
        int inside = 0;
        for (int s = 0; s < 4; s++) {
          double[] p =
              Homography.apply(toLabel, x + 0.25 + 0.5 * (s & 1), y + 0.25 + 0.5 * (s >> 1));
          if (p[0] >= 0 && p[1] >= 0 && p[0] < labelWidth - 1 && p[1] < labelHeight - 1) {
            sum += bilinear(label, labelWidth, p[0], p[1]);
            inside++;
          }
        }
        if (inside > 0) {
          int i = y * WIDTH + x;
          gray[i] = (sum + gray[i] * (4 - inside)) / 4;
        }
      }
    }
  }

  private static float bilinear(float[] raster, int width, double x, double y) {
    int x0 = (int) x;
    int y0 = (int) y;
    float fx = (float) (x - x0);
    float fy = (float) (y - y0);
    int i = y0 * width + x0;
    float top = raster[i] * (1 - fx) + raster[i + 1] * fx;
    float bottom = raster[i + width] * (1 - fx) + raster[i + width + 1] * fx;
    return top * (1 - fy) + bottom * fy;
  }
}
