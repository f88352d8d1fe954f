package org.markproof.contracts.barcode;

import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBufferByte;
import java.awt.image.Raster;
import java.io.IOException;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataFormatImpl;
import org.markproof.contracts.MalformedDataException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Reads a JPEG's luminance straight from its first decoded component, without the reader's
 * conversion to RGB and {@link LuminanceFrame}'s conversion back. A YCbCr JPEG stores Y with the
 * BT.601 weights the frame uses (JFIF, ITU-T T.871 §7), so the round trip only added rounding and
 * chroma upsampling to the same value, and took over half of the file's decoding time.
 *
 * <p>Only for files whose colour space the reader reports as YCbCr or grey; RGB, CMYK and YCCK
 * JPEGs go through the full conversion.
 */
final class JpegLuma {
  private JpegLuma() {}

  /** Whether the image's first component is its luminance and the reader can hand it over raw. */
  static boolean applies(ImageReader reader) throws IOException {
    if (!reader.canReadRaster()) {
      return false;
    }
    IIOMetadata metadata = reader.getImageMetadata(0);
    if (metadata == null || !metadata.isStandardMetadataFormatSupported()) {
      return false;
    }
    String space =
        colorSpaceType(metadata.getAsTree(IIOMetadataFormatImpl.standardMetadataFormatName));
    return "YCbCr".equals(space) || "GRAY".equals(space);
  }

  /** Reads the first component of image 0, as {@code param} subsamples it, as a frame. */
  static LuminanceFrame read(ImageReader reader, ImageReadParam param)
      throws IOException, MalformedDataException {
    Raster raster = reader.readRaster(0, param);
    int width = raster.getWidth();
    int height = raster.getHeight();
    LuminanceFrame.checkSize(width, height);
    byte[] luminance = new byte[width * height];
    if (raster.getSampleModel() instanceof ComponentSampleModel model
        && raster.getDataBuffer() instanceof DataBufferByte buffer
        && buffer.getNumBanks() == 1) {
      byte[] data = buffer.getData();
      int pixelStride = model.getPixelStride();
      int origin =
          buffer.getOffset()
              + model.getOffset(
                  raster.getMinX() - raster.getSampleModelTranslateX(),
                  raster.getMinY() - raster.getSampleModelTranslateY(),
                  0);
      for (int y = 0, i = 0; y < height; y++) {
        for (int x = 0, j = origin + y * model.getScanlineStride();
            x < width;
            x++, j += pixelStride) {
          luminance[i++] = data[j];
        }
      }
    } else {
      int[] row = new int[width];
      for (int y = 0; y < height; y++) {
        raster.getSamples(raster.getMinX(), raster.getMinY() + y, width, 1, 0, row);
        for (int x = 0; x < width; x++) {
          luminance[y * width + x] = (byte) row[x];
        }
      }
    }
    return LuminanceFrame.wrap(width, height, luminance);
  }

  private static String colorSpaceType(Node root) {
    for (Node chroma = root.getFirstChild(); chroma != null; chroma = chroma.getNextSibling()) {
      if (!chroma.getNodeName().equals("Chroma")) {
        continue;
      }
      for (Node node = chroma.getFirstChild(); node != null; node = node.getNextSibling()) {
        if (node.getNodeName().equals("ColorSpaceType") && node instanceof Element element) {
          return element.getAttribute("name");
        }
      }
    }
    return "";
  }
}
