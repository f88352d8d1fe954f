package org.markproof.contracts.barcode;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.GrayscaleLuminanceSource;
import com.google.zxing.LuminanceSource;
import com.google.zxing.NotFoundException;
import com.google.zxing.Reader;
import com.google.zxing.ReaderException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.GlobalHistogramBinarizer;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.datamatrix.DataMatrixReader;
import com.google.zxing.oned.MultiFormatOneDReader;
import com.google.zxing.qrcode.QRCodeReader;
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
 * DecodeAttempt}s run in order until one decodes or the time budget, measured with the caller's
 * ticker, is spent: the whole frame with zxing's hybrid binarizer; the frame as one clean symbol;
 * then each region {@link SymbolLocator} finds, cut out alone (zxing's Data Matrix detector needs
 * its symbol centred on white), thresholded by Otsu's method, rectified from its perspective view;
 * the frame with a white margin; the regions scaled up or turned by 45°; then the frame prepared
 * otherwise (locally normalised, denoised, contrast stretched, halved, sharpened, averaged along 1D
 * bars, inverted), with the global-histogram binarizer and with TRY_HARDER (which also reads 1D
 * rows turned by 90°). The budget is checked before every read: one read on a frame of at most
 * {@value #MAX_WORKING_PIXELS} pixels takes milliseconds to tens of milliseconds.
 *
 * <p>The first QR Code or Data Matrix read is returned. A 1D read is held back while the first
 * region attempts look for a 2D symbol too (see {@link #LAST_ATTEMPT_AFTER_LINEAR}), then returned.
 * Thread-safe: every call builds its own zxing readers.
 */
public final class BarcodeDecoder {
  /** Frames are downscaled until at most this many pixels (about 2048 × 1536). */
  public static final long MAX_WORKING_PIXELS = 3_200_000L;

  /** Default time budget for one frame. */
  public static final Duration DEFAULT_BUDGET = Duration.ofMillis(250);

  /**
   * The system property that overrides {@link #DEFAULT_BUDGET} for {@link #withDefaultBudget}: an
   * ISO-8601 duration such as {@code PT1S}, for a slow machine (or, in tests, a busy one) where a
   * readable photo would otherwise run out of time and be answered as no code found.
   */
  public static final String BUDGET_PROPERTY = "markproof.decode-budget";

  private static final List<BarcodeFormat> LINEAR_FORMATS =
      List.of(
          BarcodeFormat.EAN_13, BarcodeFormat.UPC_A, BarcodeFormat.EAN_8, BarcodeFormat.CODE_128);

  /**
   * Once a 1D code is read, 2D symbols are still looked for up to this attempt: a pack may carry
   * both an EAN-13 and a GS1 DataMatrix, and only the latter names the item. Further attempts would
   * spend the whole budget on every plain retail barcode.
   */
  private static final DecodeAttempt LAST_ATTEMPT_AFTER_LINEAR = DecodeAttempt.PADDED;

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

  /**
   * A decoder with the {@link #DEFAULT_BUDGET}, or the budget the {@value #BUDGET_PROPERTY} system
   * property gives.
   *
   * @throws IllegalArgumentException if the property is set but not a non-negative ISO-8601
   *     duration
   */
  public static BarcodeDecoder withDefaultBudget() {
    String configured = System.getProperty(BUDGET_PROPERTY);
    if (configured == null || configured.isBlank()) {
      return new BarcodeDecoder(DEFAULT_BUDGET);
    }
    try {
      return new BarcodeDecoder(Duration.parse(configured.strip()));
    } catch (java.time.format.DateTimeParseException e) {
      throw new IllegalArgumentException(
          BUDGET_PROPERTY + " must be an ISO-8601 duration such as PT1S, not " + configured, e);
    }
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
    Traced linear = null;
    int tried = 0;
    attempts:
    for (DecodeAttempt attempt : DecodeAttempt.values()) {
      if (linear != null && attempt.compareTo(LAST_ATTEMPT_AFTER_LINEAR) > 0) {
        break;
      }
      if (prepared.sameAsOriginal(attempt.preparation())) {
        continue; // e.g. no margin to add: the read would repeat an earlier one
      }
      int images = attempt.regions() == DecodeAttempt.Regions.NONE ? 1 : -1;
      for (int i = 0; images < 0 || i < images; i++) {
        if (tried > 0 && ticker.getAsLong() - start >= budgetNanos) {
          break attempts;
        }
        if (images < 0) {
          images = prepared.located(attempt.preparation()).hulls().size();
          if (i >= images) {
            break;
          }
        }
        BinaryBitmap image =
            attempt.regions() == DecodeAttempt.Regions.NONE
                ? prepared.bitmap(attempt.preparation(), attempt.threshold())
                : prepared.region(attempt, i);
        tried++;
        boolean twoDimensionalOnly = linear != null || attempt.twoDimensionalOnly();
        Optional<DecodedBarcode> found =
            read(image, attempt.tryHarder(), attempt.pure(), twoDimensionalOnly);
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

  /**
   * Reads with zxing's readers one by one, QR Code first, then Data Matrix, then the 1D readers:
   * the label's own symbols first, and the 1D row scans, which are the costliest on a blank frame,
   * last (zxing's MultiFormatReader puts them first).
   */
  private static Optional<DecodedBarcode> read(
      BinaryBitmap bitmap, boolean tryHarder, boolean pure, boolean twoDimensionalOnly) {
    Map<DecodeHintType, Object> hints = new EnumMap<>(DecodeHintType.class);
    hints.put(DecodeHintType.ASSUME_GS1, Boolean.TRUE);
    if (tryHarder) {
      hints.put(DecodeHintType.TRY_HARDER, Boolean.TRUE);
    }
    if (pure) {
      hints.put(DecodeHintType.PURE_BARCODE, Boolean.TRUE);
    }
    List<Reader> readers = new ArrayList<>(3);
    readers.add(new QRCodeReader());
    readers.add(new DataMatrixReader());
    if (!twoDimensionalOnly) {
      hints.put(DecodeHintType.POSSIBLE_FORMATS, LINEAR_FORMATS);
      readers.add(new MultiFormatOneDReader(hints));
    }
    for (Reader reader : readers) {
      try {
        return ZxingResults.toDecoded(reader.decode(bitmap, hints));
      } catch (ReaderException e) {
        // Not this symbology; try the next reader.
      } catch (RuntimeException e) {
        // zxing's detectors have thrown IllegalArgumentException and index errors on crafted
        // images in past releases; for us that reader simply found nothing.
      }
    }
    return Optional.empty();
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

    private final Map<DecodeAttempt.Preparation, BinaryBitmap> hybrid =
        new EnumMap<>(DecodeAttempt.Preparation.class);

    /**
     * A prepared image to binarize; the hybrid one is kept, as zxing's bitmap keeps its matrix,
     * which the symbol locator then reuses.
     */
    BinaryBitmap bitmap(DecodeAttempt.Preparation preparation, DecodeAttempt.Threshold threshold) {
      if (threshold != DecodeAttempt.Threshold.GLOBAL) {
        return hybrid.computeIfAbsent(
            preparation, p -> new BinaryBitmap(new HybridBinarizer(source(get(p)))));
      }
      return new BinaryBitmap(new GlobalHistogramBinarizer(source(get(preparation))));
    }

    private static LuminanceSource source(LuminanceFrame frame) {
      return new GrayscaleLuminanceSource(frame.width(), frame.height(), frame.pixelsRef());
    }

    /** The symbols located in a prepared image, located at most once. */
    SymbolLocator.Located located(DecodeAttempt.Preparation preparation) {
      return located.computeIfAbsent(
          preparation,
          p -> {
            try {
              return SymbolLocator.locate(
                  bitmap(p, DecodeAttempt.Threshold.LOCAL).getBlackMatrix());
            } catch (NotFoundException e) {
              return new SymbolLocator.Located(new BitMatrix(1), List.of());
            }
          });
    }

    /** The {@code index}th located region, cut out as the attempt says. */
    BinaryBitmap region(DecodeAttempt attempt, int index) {
      DecodeAttempt.Preparation preparation = attempt.preparation();
      SymbolLocator.Located found = located(preparation);
      double[] hull = found.hulls().get(index);
      DecodeAttempt.Regions regions = attempt.regions();
      boolean otsu = attempt.threshold() == DecodeAttempt.Threshold.OTSU;
      BitMatrix matrix;
      if (regions == DecodeAttempt.Regions.RECTIFIED
          || regions == DecodeAttempt.Regions.RECTIFIED_ENLARGED) {
        matrix = RegionSampler.rectified(get(preparation), hull, regions.scale(), otsu);
      } else if (regions != DecodeAttempt.Regions.AS_FOUND || otsu) {
        matrix =
            RegionSampler.resampled(
                get(preparation), hull, regions.scale(), regions.degrees(), otsu);
      } else {
        matrix = RegionSampler.cutOut(found.black(), hull);
      }
      return fixed(matrix);
    }

    private static BinaryBitmap fixed(BitMatrix matrix) {
      return new BinaryBitmap(new FixedBinarizer(matrix));
    }

    /**
     * Whether a preparation left the frame as it was, so reading it again would find nothing new.
     */
    boolean sameAsOriginal(DecodeAttempt.Preparation preparation) {
      return preparation != DecodeAttempt.Preparation.AS_IS
          && get(preparation) == made.get(DecodeAttempt.Preparation.AS_IS);
    }

    LuminanceFrame get(DecodeAttempt.Preparation preparation) {
      LuminanceFrame frame = made.get(preparation);
      if (frame == null) {
        LuminanceFrame original = made.get(DecodeAttempt.Preparation.AS_IS);
        frame =
            switch (preparation) {
              case AS_IS -> original;
              case PADDED ->
                  FrameFilters.darkBorder(original)
                      ? FrameFilters.padWhite(
                          original, Math.max(16, Math.min(original.width(), original.height()) / 8))
                      : original;
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
