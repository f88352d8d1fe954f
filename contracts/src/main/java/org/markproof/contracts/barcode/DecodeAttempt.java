package org.markproof.contracts.barcode;

/**
 * One way of reading a frame: which prepared image, whether the whole frame or the symbol regions
 * {@link SymbolLocator} found (as found, scaled up twice, or turned by 45°), how to binarize, and
 * whether zxing should try harder (denser scanning, 1D rows also read rotated by 90°). {@link
 * BarcodeDecoder} runs them in this order, cheap and often successful first.
 */
enum DecodeAttempt {
  /** zxing's default: local-threshold binarizer on the frame as it is. */
  HYBRID(Preparation.AS_IS, Regions.NONE, Threshold.LOCAL, false),
  /**
   * The frame as a clean rendering of one upright symbol (zxing's PURE_BARCODE: the modules are
   * sampled from the black bounding box, without the finder-pattern detector). zxing's detector
   * misses about one in a thousand of our own rendered QR Codes, a label file uploaded as the photo
   * or read from a screen shot; this read takes a fraction of a millisecond and fails fast on a
   * photo. 2D readers only; Reed-Solomon still checks every codeword.
   */
  PURE(Preparation.AS_IS, Regions.NONE, Threshold.LOCAL, false, true),
  /** Each likely symbol alone, for Data Matrix off centre or near text. */
  REGIONS(Preparation.AS_IS, Regions.AS_FOUND, Threshold.LOCAL, false),
  /** One threshold per symbol (Otsu), which keeps blurred modules their width. */
  REGIONS_OTSU(Preparation.AS_IS, Regions.AS_FOUND, Threshold.OTSU, false),
  /** The symbol's quadrilateral mapped onto a square, for steep views. */
  REGIONS_RECTIFIED_OTSU(Preparation.AS_IS, Regions.RECTIFIED, Threshold.OTSU, false),
  /**
   * With a white margin, when the frame's border is dark: rendered codes (Zint's Data Matrix, for
   * one) often end at the image edge, without the quiet zone zxing's detectors need. After the
   * first region attempts, not before: a photo's border is nearly always dark (30 of the 32 QR
   * frames of the benchmark set), and padding means binarizing a larger frame again (about 4 ms at
   * 1280×720) for the few rendered images that need it, while the regions, cut from the binarized
   * frame already made, decode most photos that the plain read misses.
   */
  PADDED(Preparation.PADDED, Regions.NONE, Threshold.LOCAL, false),
  /** Scaled up twice, for small modules. */
  REGIONS_ENLARGED_OTSU(Preparation.AS_IS, Regions.ENLARGED, Threshold.OTSU, false),
  REGIONS_RECTIFIED_ENLARGED_OTSU(
      Preparation.AS_IS, Regions.RECTIFIED_ENLARGED, Threshold.OTSU, false),
  /** Turned by 45°: zxing's detectors miss some symbols lying near a diagonal. */
  REGIONS_TURNED_OTSU(Preparation.AS_IS, Regions.TURNED, Threshold.OTSU, false),
  /** Window-normalised, for uneven lighting, shadows, glare and faded print. */
  NORMALIZED(Preparation.NORMALIZED, Regions.NONE, Threshold.LOCAL, false),
  REGIONS_NORMALIZED(Preparation.NORMALIZED, Regions.AS_FOUND, Threshold.LOCAL, false),
  REGIONS_NORMALIZED_OTSU(Preparation.NORMALIZED, Regions.AS_FOUND, Threshold.OTSU, false),
  REGIONS_ENLARGED(Preparation.AS_IS, Regions.ENLARGED, Threshold.LOCAL, false),
  REGIONS_TURNED(Preparation.AS_IS, Regions.TURNED, Threshold.LOCAL, false),
  REGIONS_RECTIFIED(Preparation.AS_IS, Regions.RECTIFIED, Threshold.LOCAL, false),
  REGIONS_NORMALIZED_RECTIFIED(Preparation.NORMALIZED, Regions.RECTIFIED, Threshold.OTSU, false),
  REGIONS_DENOISED_RECTIFIED(Preparation.DENOISED, Regions.RECTIFIED, Threshold.OTSU, false),
  /** 3×3 mean, for sensor noise and JPEG blocks. */
  REGIONS_DENOISED_OTSU(Preparation.DENOISED, Regions.AS_FOUND, Threshold.OTSU, false),
  REGIONS_DENOISED(Preparation.DENOISED, Regions.AS_FOUND, Threshold.LOCAL, false),
  /** Averaged along upright bars, then along lying bars (read turned), for noisy 1D codes. */
  BARS_UPRIGHT(Preparation.SMEARED_VERTICAL, Regions.NONE, Threshold.LOCAL, false),
  BARS_LYING(Preparation.SMEARED_HORIZONTAL, Regions.NONE, Threshold.LOCAL, true),
  /** Contrast stretched to the full range, for dim light. */
  STRETCHED(Preparation.STRETCHED, Regions.NONE, Threshold.LOCAL, false),
  DENOISED(Preparation.DENOISED, Regions.NONE, Threshold.LOCAL, false),
  /** Half size, averaging 2×2: less noise, and large symbols come within the detectors' range. */
  HALF(Preparation.HALF, Regions.NONE, Threshold.LOCAL, false),
  /** Unsharp-masked, for slight defocus. */
  SHARPENED(Preparation.SHARPENED, Regions.NONE, Threshold.LOCAL, false),
  REGIONS_SHARPENED(Preparation.SHARPENED, Regions.AS_FOUND, Threshold.LOCAL, false),
  /** Global histogram threshold, which survives some blur the local one does not. */
  GLOBAL(Preparation.AS_IS, Regions.NONE, Threshold.GLOBAL, false),
  GLOBAL_NORMALIZED(Preparation.NORMALIZED, Regions.NONE, Threshold.GLOBAL, false),
  /** TRY_HARDER, which also reads 1D rows turned by 90°. */
  HYBRID_HARDER(Preparation.AS_IS, Regions.NONE, Threshold.LOCAL, true),
  NORMALIZED_HARDER(Preparation.NORMALIZED, Regions.NONE, Threshold.LOCAL, true),
  DENOISED_HARDER(Preparation.DENOISED, Regions.NONE, Threshold.LOCAL, true),
  /** Light symbols printed on a dark ground. */
  INVERTED(Preparation.INVERTED, Regions.NONE, Threshold.LOCAL, true);

  /** The prepared images an attempt may read. */
  enum Preparation {
    AS_IS,
    PADDED,
    STRETCHED,
    NORMALIZED,
    DENOISED,
    HALF,
    SHARPENED,
    SMEARED_VERTICAL,
    SMEARED_HORIZONTAL,
    INVERTED
  }

  /**
   * Whole frame, or the located symbols as found, scaled up twice, turned by 45°, or rectified
   * (their quadrilateral mapped onto a square).
   */
  enum Regions {
    NONE(1, 0),
    AS_FOUND(1, 0),
    ENLARGED(2, 0),
    TURNED(1, 45),
    RECTIFIED(1, 0),
    RECTIFIED_ENLARGED(2, 0);

    private final double scale;
    private final double degrees;

    Regions(double scale, double degrees) {
      this.scale = scale;
      this.degrees = degrees;
    }

    double scale() {
      return scale;
    }

    double degrees() {
      return degrees;
    }
  }

  /** zxing's hybrid (local means) or global-histogram binarizer, or Otsu's threshold. */
  enum Threshold {
    LOCAL,
    GLOBAL,
    OTSU
  }

  private final Preparation preparation;
  private final Regions regions;
  private final Threshold threshold;
  private final boolean tryHarder;
  private final boolean pure;

  DecodeAttempt(Preparation preparation, Regions regions, Threshold threshold, boolean tryHarder) {
    this(preparation, regions, threshold, tryHarder, false);
  }

  DecodeAttempt(
      Preparation preparation,
      Regions regions,
      Threshold threshold,
      boolean tryHarder,
      boolean pure) {
    this.preparation = preparation;
    this.regions = regions;
    this.threshold = threshold;
    this.tryHarder = tryHarder;
    this.pure = pure;
  }

  Preparation preparation() {
    return preparation;
  }

  Regions regions() {
    return regions;
  }

  Threshold threshold() {
    return threshold;
  }

  boolean tryHarder() {
    return tryHarder;
  }

  /** Whether the frame is read as one clean upright symbol, without zxing's detectors. */
  boolean pure() {
    return pure;
  }

  /** Whether only the 2D readers run: on located symbol regions, and on a pure symbol. */
  boolean twoDimensionalOnly() {
    return regions != Regions.NONE || pure;
  }
}
