package org.markproof.contracts.barcode;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.SplittableRandom;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/** The camera's side of {@link PhotoFrameGenerator}: light, defocus, sensor noise and JPEG. */
final class PhotoEffects {
  private static final int WIDTH = PhotoFrameGenerator.WIDTH;
  private static final int HEIGHT = PhotoFrameGenerator.HEIGHT;

  private PhotoEffects() {}

  /** Exposure times a linear light gradient in a random direction, plus an optional glare spot. */
  static void light(float[] gray, SplittableRandom random, PhotoFrameGenerator.Conditions c) {
    double angle = PhotoFrameGenerator.uniform(random, 0, 2 * Math.PI);
    double dx = Math.cos(angle);
    double dy = Math.sin(angle);
    double gx = PhotoFrameGenerator.uniform(random, 0, WIDTH);
    double gy = PhotoFrameGenerator.uniform(random, 0, HEIGHT);
    double glareRadius = PhotoFrameGenerator.uniform(random, 60, 220);
    double span = Math.abs(dx) * WIDTH + Math.abs(dy) * HEIGHT;
    double offset = Math.min(0, dx * WIDTH) + Math.min(0, dy * HEIGHT);
    for (int y = 0; y < HEIGHT; y++) {
      for (int x = 0; x < WIDTH; x++) {
        double ramp = (x * dx + y * dy - offset) / span;
        double light = c.exposure() * (1 - c.gradient() * ramp);
        double glare = 0;
        if (c.glare() > 0) {
          double d2 = ((x - gx) * (x - gx) + (y - gy) * (y - gy)) / (glareRadius * glareRadius);
          glare = c.glare() * Math.exp(-d2);
        }
        int i = y * WIDTH + x;
        gray[i] = (float) (gray[i] * light + glare);
      }
    }
  }

  static float[] gaussianBlur(float[] gray, double sigma) {
    int radius = (int) Math.ceil(3 * sigma);
    float[] kernel = new float[2 * radius + 1];
    float total = 0;
    for (int i = -radius; i <= radius; i++) {
      kernel[i + radius] = (float) Math.exp(-(i * i) / (2 * sigma * sigma));
      total += kernel[i + radius];
    }
    for (int i = 0; i < kernel.length; i++) {
      kernel[i] /= total;
    }
    float[] horizontal = new float[gray.length];
    for (int y = 0; y < HEIGHT; y++) {
      for (int x = 0; x < WIDTH; x++) {
        float sum = 0;
        for (int k = -radius; k <= radius; k++) {
          int xx = Math.max(0, Math.min(WIDTH - 1, x + k));
          sum += kernel[k + radius] * gray[y * WIDTH + xx];
        }
        horizontal[y * WIDTH + x] = sum;
      }
    }
    float[] out = new float[gray.length];
    for (int y = 0; y < HEIGHT; y++) {
      for (int x = 0; x < WIDTH; x++) {
        float sum = 0;
        for (int k = -radius; k <= radius; k++) {
          int yy = Math.max(0, Math.min(HEIGHT - 1, y + k));
          sum += kernel[k + radius] * horizontal[yy * WIDTH + x];
        }
        out[y * WIDTH + x] = sum;
      }
    }
    return out;
  }

  /** A colour cast, per-channel sensor noise, and JPEG at the frame's quality. */
  static byte[] toJpeg(float[] gray, SplittableRandom random, PhotoFrameGenerator.Conditions c) {
    BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    double[] tint = {
      PhotoFrameGenerator.uniform(random, 0.9, 1.05),
      PhotoFrameGenerator.uniform(random, 0.95, 1.0),
      PhotoFrameGenerator.uniform(random, 0.85, 1.05)
    };
    int[] row = new int[WIDTH];
    for (int y = 0; y < HEIGHT; y++) {
      for (int x = 0; x < WIDTH; x++) {
        int rgb = 0;
        for (int channel = 0; channel < 3; channel++) {
          double v = gray[y * WIDTH + x] * tint[channel] + gaussian(random) * c.noiseSigma();
          rgb = (rgb << 8) | (int) Math.max(0, Math.min(255, Math.round(v)));
        }
        row[x] = rgb;
      }
      image.setRGB(0, y, WIDTH, 1, row, 0, WIDTH);
    }
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ImageWriteParam param = writer.getDefaultWriteParam();
    param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
    param.setCompressionQuality(c.jpegQuality());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
      writer.setOutput(stream);
      writer.write(null, new IIOImage(image, null, null), param);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } finally {
      writer.dispose();
    }
    return out.toByteArray();
  }

  static double gaussian(SplittableRandom random) {
    double u = Math.max(1e-12, random.nextDouble());
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
  }
}
