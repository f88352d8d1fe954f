package org.markproof.contracts.barcode;

import java.util.Objects;
import org.markproof.contracts.label.ScannedCode;

/**
 * A barcode decoded from an image.
 *
 * @param symbology what kind of symbol it was
 * @param symbologyIdentifier the ISO/IEC 15424 identifier a scanner would transmit: {@code ]Q1}
 *     (QR), {@code ]Q3} (GS1 QR), {@code ]d1} (Data Matrix), {@code ]d2} (GS1 DataMatrix), {@code
 *     ]E0} (EAN-13, UPC-A), {@code ]E4} (EAN-8), {@code ]C0} (Code 128), {@code ]C1} (GS1-128)
 * @param text the data as transmitted after the identifier: FNC1 separators as GS (0x1D), the
 *     leading FNC1 of a GS1 symbol dropped (the identifier says it was there)
 * @param code what the text is: {@link ScannedCode#parse} of identifier and text for GS1 symbols,
 *     of the text alone otherwise
 */
public record DecodedBarcode(
    Symbology symbology, String symbologyIdentifier, String text, ScannedCode code) {
  public DecodedBarcode {
    Objects.requireNonNull(symbology, "symbology");
    Objects.requireNonNull(symbologyIdentifier, "symbologyIdentifier");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(code, "code");
  }

  /** Whether the symbol announced GS1 data (FNC1 in first position). */
  public boolean gs1() {
    return org.markproof.contracts.label.ElementString.isGs1SymbologyIdentifier(
        symbologyIdentifier);
  }
}
