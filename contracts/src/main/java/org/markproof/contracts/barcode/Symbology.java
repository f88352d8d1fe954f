package org.markproof.contracts.barcode;

/** The barcode symbologies markproof encodes or decodes. */
public enum Symbology {
  /** QR Code (ISO/IEC 18004), carrying a GS1 Digital Link URI. */
  QR_CODE,
  /** Data Matrix ECC 200 (ISO/IEC 16022): GS1 DataMatrix with FNC1 first, or a URI. */
  DATA_MATRIX,
  /** EAN-13 (ISO/IEC 15420). */
  EAN_13,
  /** UPC-A, an EAN-13 whose first digit is 0. */
  UPC_A,
  /** EAN-8. */
  EAN_8,
  /** Code 128 (ISO/IEC 15417); GS1-128 when it starts with FNC1 ({@code ]C1}). */
  CODE_128
}
