package org.markproof.contracts.label;

import java.util.Objects;
import org.markproof.contracts.MalformedDataException;

/**
 * The number of a retail barcode, EAN-13, UPC-A or EAN-8 (GS1 General Specifications §5.2), or a
 * keyed GTIN-14 (as ITF-14 carries it). It carries a GTIN and nothing else: no batch, no serial, no
 * signature, so a verdict on it can speak of the product's registration, never of one item.
 *
 * @param format which symbol the digits came from, told by their count
 * @param gtin the GTIN normalised to 14 digits, check digit verified
 */
public record RetailGtin(Format format, Gtin gtin) {
  /** The retail number formats, by digit count. */
  public enum Format {
    EAN_8(8),
    UPC_A(12),
    EAN_13(13),
    GTIN_14(14);

    private final int digits;

    Format(int digits) {
      this.digits = digits;
    }

    public int digits() {
      return digits;
    }
  }

  public RetailGtin {
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(gtin, "gtin");
  }

  /**
   * Parses 8, 12, 13 or 14 digits.
   *
   * @throws MalformedDataException if the length or a character is wrong, or the check digit fails
   */
  public static RetailGtin parse(String digits) throws MalformedDataException {
    if (digits == null) {
      throw new MalformedDataException("retail barcode: got nothing");
    }
    for (Format format : Format.values()) {
      if (format.digits == digits.length()) {
        return new RetailGtin(format, Gtin.parse(digits));
      }
    }
    throw new MalformedDataException(
        "retail barcode: got "
            + Math.min(digits.length(), 9999)
            + " characters, expected 8 (EAN-8), 12 (UPC-A), 13 (EAN-13) or 14 (GTIN-14) digits");
  }
}
