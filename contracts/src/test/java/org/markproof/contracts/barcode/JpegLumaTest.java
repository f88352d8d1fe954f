package org.markproof.contracts.barcode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** Colour and grey JPEGs read through their Y component keep the BT.601 luminance of each area. */
class JpegLumaTest {
  private static final int[] COLOURS = {0xff0000, 0x00ff00, 0x0000ff, 0xffff00, 0x336699, 0xffffff};

  @Test
  void colourJpegAreasReadAsTheirLuminanceNotAsOneChannel() throws Exception {
    int side = 64;
    BufferedImage image =
        new BufferedImage(side * COLOURS.length, side, BufferedImage.TYPE_3BYTE_BGR);
    for (int c = 0; c < COLOURS.length; c++) {
      for (int y = 0; y < side; y++) {
        for (int x = 0; x < side; x++) {
          image.setRGB(c * side + x, y, COLOURS[c]);
        }
      }
    }
    LuminanceFrame frame = ImageDecoder.readFrame(jpeg(image));
    assertEquals(side * COLOURS.length, frame.width());
    assertEquals(side, frame.height());
    for (int c = 0; c < COLOURS.length; c++) {
      int expected = LuminanceFrame.luminanceOf(0xff000000 | COLOURS[c]);
      // The centre of each block, away from the JPEG blocks' ringing at the colour edges.
      int got = frame.luminance(c * side + side / 2, side / 2);
      assertTrue(
          Math.abs(got - expected) <= 2,
          "colour " + Integer.toHexString(COLOURS[c]) + ": got " + got + ", expected " + expected);
    }
  }

  @Test
  void greyJpegReadsItsGreyLevels() throws Exception {
    BufferedImage image = new BufferedImage(256, 16, BufferedImage.TYPE_BYTE_GRAY);
    byte[] pixels = ((java.awt.image.DataBufferByte) image.getRaster().getDataBuffer()).getData();
    for (int i = 0; i < pixels.length; i++) {
      pixels[i] = (byte) ((i % 256) / 32 * 32);
    }
    LuminanceFrame frame = ImageDecoder.readFrame(jpeg(image));
    for (int level = 0; level < 8; level++) {
      int got = frame.luminance(level * 32 + 16, 8);
      assertTrue(Math.abs(got - level * 32) <= 2, "level " + level * 32 + ": got " + got);
    }
  }

  @Test
  void largeJpegIsSubsampledWhileItsLuminanceIsRead() throws Exception {
    int width = 4096;
    int height = 2048; // 8.4 million pixels: read at every second pixel and row
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
    for (int y = 0; y < height; y++) {
      for (int x = width / 2; x < width; x++) {
        image.setRGB(x, y, 0x0000ff);
      }
    }
    LuminanceFrame frame = ImageDecoder.readFrame(jpeg(image));
    assertEquals(width / 2, frame.width());
    assertEquals(height / 2, frame.height());
    assertTrue(frame.luminance(width / 8, height / 4) <= 2);
    int blue = LuminanceFrame.luminanceOf(0xff0000ff);
    assertTrue(Math.abs(frame.luminance(width * 3 / 8, height / 4) - blue) <= 2);
  }

  private static byte[] jpeg(BufferedImage image) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertTrue(ImageIO.write(image, "jpeg", out));
    return out.toByteArray();
  }
}
