package org.markproof.contracts.barcode;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LuminanceFrameTest {
  /** BT.601 luminance composited on white: the definition the shortcuts must agree with. */
  private static int blendedOnWhite(int argb) {
    int alpha = argb >>> 24;
    int y =
        (((argb >> 16) & 0xff) * 306 + ((argb >> 8) & 0xff) * 601 + (argb & 0xff) * 117 + 512)
            >> 10;
    return (y * alpha + 255 * (255 - alpha) + 127) / 255;
  }

  @Test
  void opaqueColoursConvertExactlyAsTheBlendOnWhite() {
    for (int rgb = 0; rgb <= 0xffffff; rgb++) {
      int argb = 0xff000000 | rgb;
      int expected = blendedOnWhite(argb);
      if (LuminanceFrame.luminanceOf(argb) != expected
          || LuminanceFrame.opaqueLuminance((byte) (rgb >> 16), (byte) (rgb >> 8), (byte) rgb)
              != expected) {
        assertEquals(expected, LuminanceFrame.luminanceOf(argb), Integer.toHexString(argb));
        assertEquals(
            expected,
            LuminanceFrame.opaqueLuminance((byte) (rgb >> 16), (byte) (rgb >> 8), (byte) rgb),
            Integer.toHexString(argb));
      }
    }
  }

  @Test
  void translucentPixelsAreCompositedOnWhite() {
    assertEquals(255, LuminanceFrame.luminanceOf(0x00000000));
    assertEquals(128, LuminanceFrame.luminanceOf(0x7f000000));
    for (int alpha = 0; alpha < 255; alpha += 17) {
      int argb = alpha << 24 | 0x336699;
      assertEquals(blendedOnWhite(argb), LuminanceFrame.luminanceOf(argb));
    }
  }
}
