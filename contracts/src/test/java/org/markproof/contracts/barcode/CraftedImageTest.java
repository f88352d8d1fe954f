package org.markproof.contracts.barcode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.markproof.contracts.MalformedDataException;

/**
 * Garbage and crafted images must end in a checked {@link MalformedDataException} (or its {@link
 * NoCodeFoundException}), never in another exception, and never decode pixels of an image whose
 * header declares more than the bound.
 */
class CraftedImageTest {
  private final ImageDecoder decoder = new ImageDecoder(BarcodeDecoder.withDefaultBudget());

  @Test
  void everyCraftedInputFailsWithACheckedException() throws Exception {
    Map<String, byte[]> corpus = new LinkedHashMap<>();
    byte[] png = validPng();
    byte[] jpeg = validJpeg();
    corpus.put("empty", new byte[0]);
    corpus.put("one byte", new byte[] {(byte) 0x89});
    corpus.put("PNG signature only", Arrays.copyOf(png, 8));
    corpus.put("PNG cut in IHDR", Arrays.copyOf(png, 20));
    corpus.put("PNG cut in IDAT", Arrays.copyOf(png, png.length / 2));
    corpus.put("may decode: PNG without IEND", Arrays.copyOf(png, png.length - 12));
    corpus.put("JPEG SOI only", new byte[] {(byte) 0xff, (byte) 0xd8});
    corpus.put("JPEG cut in half", Arrays.copyOf(jpeg, jpeg.length / 2));
    corpus.put("PNG 100000 x 100000 declared", pngHeader(100_000, 100_000, zlib(new byte[64])));
    corpus.put("PNG 0 x 0 declared", pngHeader(0, 0, zlib(new byte[1])));
    corpus.put("PNG 2^31-1 wide", pngHeader(Integer.MAX_VALUE, 1, zlib(new byte[64])));
    corpus.put("PNG 6000 x 5000 (30 MP) bomb", pngHeader(6000, 5000, zlib(new byte[1 << 20])));
    corpus.put("may decode: PNG bad CRC (ImageIO does not check it)", corruptCrc(png));
    corpus.put("GIF", gif());
    corpus.put("text", "https://id.example.com/01/09520123456788".getBytes(StandardCharsets.UTF_8));
    corpus.put("over 10 MiB", new byte[ImageDecoder.MAX_BYTES + 1]);
    corpus.put("blank white PNG", blankPng(640, 480, 0xffffff));
    corpus.put("1x1 PNG", blankPng(1, 1, 0));
    SplittableRandom random = new SplittableRandom(42);
    for (int i = 0; i < 200; i++) {
      byte[] noise = new byte[1 + random.nextInt(4096)];
      random.nextBytes(noise);
      corpus.put("random " + i, noise);
      byte[] flipped = (i % 2 == 0 ? png : jpeg).clone();
      for (int k = 0; k < 1 + random.nextInt(8); k++) {
        flipped[8 + random.nextInt(flipped.length - 8)] ^= (byte) (1 << random.nextInt(8));
      }
      corpus.put("may decode: bit-flipped " + i, flipped);
    }
    List<String> failures = new ArrayList<>();
    for (Map.Entry<String, byte[]> entry : corpus.entrySet()) {
      try {
        DecodedBarcode decoded = decoder.decode(entry.getValue(), System::nanoTime);
        if (!entry.getKey().startsWith("may decode")) {
          failures.add(entry.getKey() + ": decoded " + decoded.text());
        }
      } catch (MalformedDataException expected) {
        // The only acceptable failure.
      } catch (RuntimeException | Error e) {
        failures.add(entry.getKey() + ": " + e);
      }
    }
    assertEquals(List.of(), failures);
  }

  @Test
  void refusesHugeDeclaredDimensionsBeforeDecodingPixels() {
    MalformedDataException e =
        assertThrows(
            MalformedDataException.class,
            () -> ImageDecoder.readFrame(pngHeader(100_000, 100_000, zlib(new byte[64]))));
    assertTrue(e.getMessage().contains("100000x100000"), e.getMessage());
  }

  @Test
  void randomLuminanceFramesFindNoCode() throws Exception {
    SplittableRandom random = new SplittableRandom(7);
    BarcodeDecoder frames = new BarcodeDecoder(java.time.Duration.ofMillis(50));
    for (int i = 0; i < 10; i++) {
      int width = 1 + random.nextInt(400);
      int height = 1 + random.nextInt(300);
      byte[] pixels = new byte[width * height];
      random.nextBytes(pixels);
      LuminanceFrame frame = LuminanceFrame.of(width, height, pixels);
      assertThrows(NoCodeFoundException.class, () -> frames.decode(frame, System::nanoTime));
    }
    assertThrows(MalformedDataException.class, () -> LuminanceFrame.of(0, 10, new byte[0]));
    assertThrows(MalformedDataException.class, () -> LuminanceFrame.of(5000, 5000, new byte[1]));
    assertThrows(MalformedDataException.class, () -> LuminanceFrame.of(2, 2, new byte[3]));
  }

  private static byte[] validPng() throws Exception {
    SymbolMatrix qr =
        BarcodeEncoder.qrCode("https://id.example.com/01/09520123456788", QrErrorCorrection.M);
    return PngRenderer.render(qr, 3);
  }

  private static byte[] validJpeg() throws Exception {
    BufferedImage image = ImageIO.read(new java.io.ByteArrayInputStream(validPng()));
    BufferedImage rgb =
        new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
    rgb.getGraphics().drawImage(image, 0, 0, null);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(rgb, "jpeg", out);
    return out.toByteArray();
  }

  private static byte[] blankPng(int width, int height, int rgb) throws Exception {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        image.setRGB(x, y, rgb);
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }

  /** A PNG of 8-bit greyscale with the given declared size and one IDAT chunk. */
  private static byte[] pngHeader(int width, int height, byte[] idat) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
    ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height);
    ihdr.put((byte) 8).put((byte) 0).put((byte) 0).put((byte) 0).put((byte) 0);
    chunk(out, "IHDR", ihdr.array());
    chunk(out, "IDAT", idat);
    chunk(out, "IEND", new byte[0]);
    return out.toByteArray();
  }

  private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
    out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
    byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
    out.writeBytes(typeBytes);
    out.writeBytes(data);
    CRC32 crc = new CRC32();
    crc.update(typeBytes);
    crc.update(data);
    out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
  }

  private static byte[] zlib(byte[] data) {
    Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
    deflater.setInput(data);
    deflater.finish();
    byte[] buffer = new byte[data.length + 64];
    int length = deflater.deflate(buffer);
    deflater.end();
    return Arrays.copyOf(buffer, length);
  }

  private static byte[] corruptCrc(byte[] png) {
    byte[] copy = png.clone();
    copy[29] ^= 0x55; // last byte of the IHDR CRC
    return copy;
  }

  private static byte[] gif() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(new BufferedImage(4, 4, BufferedImage.TYPE_BYTE_INDEXED), "gif", out);
    return out.toByteArray();
  }
}
