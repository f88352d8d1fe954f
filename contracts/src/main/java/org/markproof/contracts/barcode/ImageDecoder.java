package org.markproof.contracts.barcode;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Locale;
import java.util.function.LongSupplier;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import org.markproof.contracts.MalformedDataException;

/**
 * Reads PNG and JPEG bytes with the JDK's ImageIO into a {@link LuminanceFrame} and decodes it with
 * a {@link BarcodeDecoder}. Untrusted bytes are bounded before any pixel is decoded: at most
 * {@value #MAX_BYTES} bytes, and the dimensions in the header (read alone first) at most {@link
 * LuminanceFrame#MAX_PIXELS} pixels, so a decompression bomb is refused by its declared size.
 * Images above {@value #SUBSAMPLE_ABOVE_PIXELS} pixels are subsampled while being read. A YCbCr or
 * grey JPEG's luminance is taken from its Y component as decoded ({@link JpegLuma}), without the
 * round trip through RGB.
 */
public final class ImageDecoder {
  /** Largest image file accepted (10 MiB). */
  public static final int MAX_BYTES = 10 * 1024 * 1024;

  /** Images with more pixels than this are read subsampled, to bound memory and time. */
  public static final long SUBSAMPLE_ABOVE_PIXELS = 8_000_000L;

  private final BarcodeDecoder decoder;

  public ImageDecoder(BarcodeDecoder decoder) {
    this.decoder = decoder;
  }

  /**
   * Decodes the first barcode in a PNG or JPEG image.
   *
   * @param ticker a monotonic nanosecond clock for the decoder's time budget
   * @throws NoCodeFoundException if the image is readable but holds no decodable code
   * @throws MalformedDataException if the bytes are not a PNG or JPEG within the bounds
   */
  public DecodedBarcode decode(byte[] image, LongSupplier ticker) throws MalformedDataException {
    return decoder.decode(readFrame(image), ticker);
  }

  /**
   * Reads a PNG or JPEG image into a luminance frame.
   *
   * @throws MalformedDataException if the bytes are empty, too many, not PNG or JPEG, declare more
   *     than {@link LuminanceFrame#MAX_PIXELS} pixels or cannot be decoded
   */
  public static LuminanceFrame readFrame(byte[] image) throws MalformedDataException {
    if (image == null || image.length == 0) {
      throw new MalformedDataException("image: empty");
    }
    if (image.length > MAX_BYTES) {
      throw new MalformedDataException("image: " + image.length + " bytes, at most " + MAX_BYTES);
    }
    try (ImageInputStream input =
        new MemoryCacheImageInputStream(new ByteArrayInputStream(image))) {
      ImageReader reader = pngOrJpegReader(input);
      try {
        reader.setInput(input, true, true);
        int width = reader.getWidth(0);
        int height = reader.getHeight(0);
        LuminanceFrame.checkSize(width, height);
        ImageReadParam param = reader.getDefaultReadParam();
        int step = 1;
        while ((long) (width / step) * (height / step) > SUBSAMPLE_ABOVE_PIXELS) {
          step++;
        }
        if (step > 1) {
          param.setSourceSubsampling(step, step, 0, 0);
        }
        if (JpegLuma.applies(reader)) {
          return JpegLuma.read(reader, param);
        }
        return toFrame(reader.read(0, param));
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      // ImageIO's plugins report truncated or crafted files with IIOException and with assorted
      // runtime exceptions (index, argument, negative array size); all mean "not an image".
      throw new MalformedDataException("image: cannot be read: " + e.getClass().getSimpleName(), e);
    }
  }

  private static ImageReader pngOrJpegReader(ImageInputStream input)
      throws MalformedDataException, IOException {
    Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
    while (readers.hasNext()) {
      ImageReader reader = readers.next();
      String format = reader.getFormatName().toLowerCase(Locale.ROOT);
      if (format.equals("png") || format.equals("jpeg") || format.equals("jpg")) {
        return reader;
      }
      reader.dispose();
    }
    throw new MalformedDataException("image: not a PNG or JPEG file");
  }

  private static LuminanceFrame toFrame(BufferedImage image) throws MalformedDataException {
    int width = image.getWidth();
    int height = image.getHeight();
    LuminanceFrame.checkSize(width, height);
    if (image.getType() == BufferedImage.TYPE_BYTE_GRAY
        && image.getRaster().getDataBuffer() instanceof DataBufferByte buffer
        && buffer.getData().length == width * height) {
      return LuminanceFrame.of(width, height, buffer.getData());
    }
    if (image.getType() == BufferedImage.TYPE_3BYTE_BGR
        && image.getRaster().getDataBuffer() instanceof DataBufferByte buffer
        && buffer.getData().length == width * height * 3) {
      // What ImageIO makes of a colour JPEG: read the bytes instead of converting pixel by pixel.
      byte[] bgr = buffer.getData();
      byte[] luminance = new byte[width * height];
      for (int i = 0, j = 0; i < luminance.length; i++, j += 3) {
        luminance[i] = (byte) LuminanceFrame.opaqueLuminance(bgr[j + 2], bgr[j + 1], bgr[j]);
      }
      return LuminanceFrame.wrap(width, height, luminance);
    }
    byte[] luminance = new byte[width * height];
    int[] row = new int[width];
    for (int y = 0; y < height; y++) {
      image.getRGB(0, y, width, 1, row, 0, width);
      for (int x = 0; x < width; x++) {
        luminance[y * width + x] = (byte) LuminanceFrame.luminanceOf(row[x]);
      }
    }
    return LuminanceFrame.wrap(width, height, luminance);
  }
}
