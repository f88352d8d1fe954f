package org.markproof.contracts.barcode;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.GrayscaleLuminanceSource;
import com.google.zxing.LuminanceSource;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.ReaderException;
import com.google.zxing.Result;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.GlobalHistogramBinarizer;
import com.google.zxing.common.HybridBinarizer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Decodes QR Code, Data Matrix, EAN-13, UPC-A, EAN-8 and Code 128 / GS1-128 from a {@link
 * LuminanceFrame}, with zxing core and no ImageIO, so that an Android handheld can embed it.
 *
 * <p>Frames above {@value #MAX_WORKING_PIXELS} pixels are first averaged down. Then the {@link
 * DecodeAttempt}s run in order, each on a lazily prepared image (contrast stretched, locally
 * normalised, denoised, halved, sharpened, inverted) with zxing's hybrid or global-histogram
 * binarizer, some with TRY_HARDER (which also tries 1D rows rotated by 90°), until one decodes or
 * the time budget, measured with the caller's ticker, is spent. The budget is checked between
 * attempts: one attempt on a frame of at most {@value #MAX_WORKING_PIXELS} pixels takes tens of
 * milliseconds at most. zxing's readers detect 2D symbols at any rotation themselves.
 *
 * <p>Thread-safe: every call builds its own zxing reader.
 */
public final class BarcodeDecoder {
  /** Frames are downscaled until at most this many pixels (about 2048 × 1536). */
  public static final long MAX_WORKING_PIXELS = 3_200_000L;

  /** Default time budget for one frame. */
  public static final Duration DEFAULT_BUDGET = Duration.ofMillis(250);

  private static final List<BarcodeFormat> FORMATS =
      List.of(
          BarcodeFormat.QR_CODE,
          BarcodeFormat.DATA_MATRIX,
          BarcodeFormat.EAN_13,
          BarcodeFormat.UPC_A,
          BarcodeFormat.EAN_8,
          BarcodeFormat.CODE_128);

  private static final List<BarcodeFormat> TWO_D_FORMATS =
      List.of(BarcodeFormat.QR_CODE, BarcodeFormat.DATA_MATRIX);

  /**
   * Once a 1D code is read, 2D symbols are still looked for up to this attempt: a pack may carry
   * both an EAN-13 and a GS1 DataMatrix, and only the latter names the item. Further attempts would
   * spend the whole budget on every plain retail barcode.
   */
  private static final DecodeAttempt LAST_ATTEMPT_AFTER_LINEAR =
      DecodeAttempt.REGIONS_RECTIFIED_OTSU;

  private final long budgetNanos;

  /**
   * A decoder that stops trying after {@code budget} per frame.
   *
   * @throws IllegalArgumentException if {@code budget} is negative
   */
  public BarcodeDecoder(Duration budget) {
    if (budget.isNegative()) {
      throw new IllegalArgumentException("negative budget " + budget);
    }
    this.budgetNanos = budget.toNanos();
  }

  /** A decoder with the {@link #DEFAULT_BUDGET}. */
  public static BarcodeDecoder withDefaultBudget() {
    return new BarcodeDecoder(DEFAULT_BUDGET);
  }

  /**
   * Decodes the first barcode found.
   *
   * @param ticker a monotonic nanosecond clock, such as {@code System::nanoTime}
   * @throws NoCodeFoundException if every attempt failed or the budget ran out
   */
  public DecodedBarcode decode(LuminanceFrame frame, LongSupplier ticker)
      throws NoCodeFoundException {
    return decodeTraced(frame, ticker).barcode();
  }

  /** A decoded barcode and the attempt that found it. */
  record Traced(DecodedBarcode barcode, DecodeAttempt attempt) {}

  Traced decodeTraced(LuminanceFrame frame, LongSupplier ticker) throws NoCodeFoundException {
    long start = ticker.getAsLong();
    PreparedFrames prepared = new PreparedFrames(fit(frame));
    MultiFormatReader reader = new MultiFormatReader();
    Traced linear = null;
    int tried = 0;
    attempts:
    for (DecodeAttempt attempt : DecodeAttempt.values()) {
      if (linear != null && attempt.compareTo(LAST_ATTEMPT_AFTER_LINEAR) > 0) {
        break;
      }
      List<BinaryBitmap> images =
          attempt.regions() != DecodeAttempt.Regions.NONE
              ? prepared.regions(attempt)
              : List.of(bitmap(prepared.get(attempt.preparation()), attempt.threshold()));
      for (BinaryBitmap image : images) {
        if (tried > 0 && ticker.getAsLong() - start >= budgetNanos) {
          break attempts;
        }
        tried++;
        boolean twoDimensionalOnly =
            linear != null || attempt.regions() != DecodeAttempt.Regions.NONE;
        Optional<DecodedBarcode> found = read(reader, image, attempt, twoDimensionalOnly);
        if (found.isPresent()) {
          if (isTwoDimensional(found.get().symbology())) {
            return new Traced(found.get(), attempt);
          }
          if (linear == null) {
            linear = new Traced(found.get(), attempt);
          }
        }
      }
    }
    if (linear != null) {
      return linear;
    }
    throw new NoCodeFoundException(
        "no code found ("
            + tried
            + " reads in "
            + Duration.ofNanos(ticker.getAsLong() - start).toMillis()
            + " ms)");
  }

  private static boolean isTwoDimensional(Symbology symbology) {
    return symbology == Symbology.QR_CODE || symbology == Symbology.DATA_MATRIX;
  }

  private static LuminanceFrame fit(LuminanceFrame frame) {
    int factor = 1;
    while ((long) (frame.width() / factor) * (frame.height() / factor) > MAX_WORKING_PIXELS) {
      factor++;
    }
    return factor == 1 ? frame : FrameFilters.downscale(frame, factor);
  }

  private static BinaryBitmap bitmap(LuminanceFrame frame, DecodeAttempt.Threshold threshold) {
    LuminanceSource source =
        new GrayscaleLuminanceSource(frame.width(), frame.height(), frame.pixelsRef());
    return new BinaryBitmap(
        threshold == DecodeAttempt.Threshold.GLOBAL
            ? new GlobalHistogramBinarizer(source)
            : new HybridBinarizer(source));
  }

  private static Optional<DecodedBarcode> read(
      MultiFormatReader reader,
      BinaryBitmap bitmap,
      DecodeAttempt attempt,
      boolean twoDimensionalOnly) {
    Map<DecodeHintType, Object> hints = new EnumMap<>(DecodeHintType.class);
    hints.put(DecodeHintType.POSSIBLE_FORMATS, twoDimensionalOnly ? TWO_D_FORMATS : FORMATS);
    hints.put(DecodeHintType.ASSUME_GS1, Boolean.TRUE);
    if (attempt.tryHarder()) {
      hints.put(DecodeHintType.TRY_HARDER, Boolean.TRUE);
    }
    try {
      Result result = reader.decode(bitmap, hints);
      return ZxingResults.toDecoded(result);
    } catch (ReaderException e) {
      return Optional.empty();
    } catch (RuntimeException e) {
      // zxing's detectors have thrown IllegalArgumentException and index errors on crafted
      // images in past releases; for us that attempt simply found nothing.
      return Optional.empty();
    } finally {
      reader.reset();
    }
  }

  /** The prepared images of one frame, each made at most once. */
  private static final class PreparedFrames {
    private final Map<DecodeAttempt.Preparation, LuminanceFrame> made =
        new EnumMap<>(DecodeAttempt.Preparation.class);
    private final Map<DecodeAttempt.Preparation, SymbolLocator.Located> located =
        new EnumMap<>(DecodeAttempt.Preparation.class);

    PreparedFrames(LuminanceFrame frame) {
      made.put(DecodeAttempt.Preparation.AS_IS, frame);
    }

    /** The located symbol regions of a prepared image, binarized and masked. */
    List<BinaryBitmap> regions(DecodeAttempt attempt) {
      DecodeAttempt.Preparation preparation = attempt.preparation();
      SymbolLocator.Located found =
          located.computeIfAbsent(preparation, p -> SymbolLocator.locate(get(p)));
      List<BinaryBitmap> bitmaps = new ArrayList<>();
      DecodeAttempt.Regions regions = attempt.regions();
      boolean otsu = attempt.threshold() == DecodeAttempt.Threshold.OTSU;
      if (regions == DecodeAttempt.Regions.RECTIFIED
          || regions == DecodeAttempt.Regions.RECTIFIED_ENLARGED) {
        for (double[] hull : found.hulls()) {
          bitmaps.add(
              fixed(RegionSampler.rectified(get(preparation), hull, regions.scale(), otsu)));
        }
      } else if (regions != DecodeAttempt.Regions.AS_FOUND || otsu) {
        for (double[] hull : found.hulls()) {
          bitmaps.add(
              fixed(
                  RegionSampler.resampled(
                      get(preparation), hull, regions.scale(), regions.degrees(), otsu)));
        }
      } else {
        for (BitMatrix matrix : found.cutOuts()) {
          bitmaps.add(fixed(matrix));
        }
      }
      return bitmaps;
    }

    private static BinaryBitmap fixed(BitMatrix matrix) {
      return new BinaryBitmap(new FixedBinarizer(matrix));
    }

    LuminanceFrame get(DecodeAttempt.Preparation preparation) {
      LuminanceFrame frame = made.get(preparation);
      if (frame == null) {
        LuminanceFrame original = made.get(DecodeAttempt.Preparation.AS_IS);
        frame =
            switch (preparation) {
              case AS_IS -> original;
              case STRETCHED -> FrameFilters.stretchContrast(original);
              case NORMALIZED -> FrameFilters.normalizeLocally(original, windowRadius(original));
              case DENOISED -> FrameFilters.boxBlur(original, 1);
              case HALF ->
                  original.width() >= 64 && original.height() >= 64
                      ? FrameFilters.downscale(original, 2)
                      : original;
              case SHARPENED -> FrameFilters.sharpen(original, 1.5);
              case SMEARED_VERTICAL -> FrameFilters.smear(original, 4, true);
              case SMEARED_HORIZONTAL -> FrameFilters.smear(original, 4, false);
              case INVERTED -> FrameFilters.invert(original);
            };
        made.put(preparation, frame);
      }
      return frame;
    }

    private static int windowRadius(LuminanceFrame frame) {
      return Math.max(8, Math.min(frame.width(), frame.height()) / 24);
    }
  }
}
