package org.markproof.edge.scan;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.markproof.contracts.MalformedDataException;
import org.markproof.contracts.barcode.DecodedBarcode;
import org.markproof.contracts.barcode.ImageDecoder;
import org.markproof.contracts.barcode.NoCodeFoundException;
import org.markproof.contracts.label.ScannedCode;

/**
 * What an officer scanned, as the service reads it from {@code POST /v1/scans}: the text as sent
 * (for a photo, the decoder's symbology identifier and text), what the text is, and the symbology.
 * The bounds are the service's, so that a queued scan is never {@code invalid} at upload.
 *
 * @param code the scanned text, at most {@link ScannedCode#MAX_TEXT_LENGTH} characters
 * @param parsed what the text is ({@link ScannedCode#parse}, or the decoder's reading of a photo)
 * @param symbology the symbology named or found, if any
 */
public record ScanInput(String code, ScannedCode parsed, Optional<String> symbology) {
  /** The service's syntax of a symbology name ({@code POST /v1/scans}). */
  public static final Pattern SYMBOLOGY = Pattern.compile("[a-z0-9][a-z0-9_-]{0,31}");

  public ScanInput {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(parsed, "parsed");
    Objects.requireNonNull(symbology, "symbology");
  }

  /**
   * A code as text (a handheld scanner's output, a typed code), with the symbology if known.
   *
   * @throws MalformedDataException if the text is longer than the service accepts or the symbology
   *     is not a symbology name
   */
  public static ScanInput text(String code, Optional<String> symbology)
      throws MalformedDataException {
    if (code.length() > ScannedCode.MAX_TEXT_LENGTH) {
      throw new MalformedDataException(
          "the code has "
              + code.length()
              + " characters; a scanned code has at most "
              + ScannedCode.MAX_TEXT_LENGTH);
    }
    if (symbology.isPresent() && !SYMBOLOGY.matcher(symbology.get()).matches()) {
      throw new MalformedDataException(
          "symbology '" + symbology.get() + "': expected a symbology name such as qr, datamatrix");
    }
    return new ScanInput(code, ScannedCode.parse(code), symbology);
  }

  /**
   * The first code in a PNG or JPEG photo, decoded as the service decodes a photo scan: the text is
   * the symbology identifier and the data; a photo without a code is a {@code MALFORMED} scan of
   * the empty text.
   *
   * @throws MalformedDataException if the bytes are not a readable PNG or JPEG image
   */
  public static ScanInput photo(ImageDecoder decoder, byte[] image) throws MalformedDataException {
    try {
      DecodedBarcode decoded = decoder.decode(image, System::nanoTime);
      return new ScanInput(
          decoded.symbologyIdentifier() + decoded.text(),
          decoded.code(),
          Optional.of(decoded.symbology().name().toLowerCase(Locale.ROOT)));
    } catch (NoCodeFoundException e) {
      return new ScanInput(
          "",
          new ScannedCode.Malformed("no barcode found in the photo: " + e.getMessage()),
          Optional.empty());
    }
  }
}
