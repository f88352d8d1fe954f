package org.markproof.contracts.barcode;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.Result;
import com.google.zxing.ResultMetadataType;
import java.util.Optional;
import org.markproof.contracts.label.ElementString;
import org.markproof.contracts.label.ScannedCode;

/** Turns a zxing {@link Result} into a {@link DecodedBarcode}. */
final class ZxingResults {
  private ZxingResults() {}

  /** The decoded barcode, or empty for a format markproof does not read. */
  static Optional<DecodedBarcode> toDecoded(Result result) {
    String text = result.getText() == null ? "" : result.getText();
    Object identifierValue =
        result.getResultMetadata() == null
            ? null
            : result.getResultMetadata().get(ResultMetadataType.SYMBOLOGY_IDENTIFIER);
    String identifier = identifierValue instanceof String s ? s : "";
    Symbology symbology = symbology(result.getBarcodeFormat());
    if (symbology == null) {
      return Optional.empty();
    }
    if (symbology == Symbology.CODE_128) {
      // With ASSUME_GS1 zxing puts "]C1" in the text of a GS1-128 symbol itself.
      if (text.startsWith("]C1")) {
        identifier = "]C1";
        text = text.substring(3);
      } else {
        identifier = "]C0";
      }
    }
    if (identifier.isEmpty()) {
      identifier = defaultIdentifier(symbology);
    }
    boolean gs1 = ElementString.isGs1SymbologyIdentifier(identifier);
    if (gs1 && !text.isEmpty() && text.charAt(0) == ElementString.GROUP_SEPARATOR) {
      text = text.substring(1);
    }
    ScannedCode code = ScannedCode.parse(gs1 ? identifier + text : text);
    return Optional.of(new DecodedBarcode(symbology, identifier, text, code));
  }

  private static Symbology symbology(BarcodeFormat format) {
    return switch (format) {
      case QR_CODE -> Symbology.QR_CODE;
      case DATA_MATRIX -> Symbology.DATA_MATRIX;
      case EAN_13 -> Symbology.EAN_13;
      case UPC_A -> Symbology.UPC_A;
      case EAN_8 -> Symbology.EAN_8;
      case CODE_128 -> Symbology.CODE_128;
      default -> null;
    };
  }

  private static String defaultIdentifier(Symbology symbology) {
    return switch (symbology) {
      case QR_CODE -> "]Q1";
      case DATA_MATRIX -> "]d1";
      case EAN_13, UPC_A -> "]E0";
      case EAN_8 -> "]E4";
      case CODE_128 -> "]C0";
    };
  }
}
