package org.markproof.contracts.barcode;

import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/** QR Code error correction levels (ISO/IEC 18004 §6.5.1), by the share of codewords restorable. */
public enum QrErrorCorrection {
  /** About 7%. */
  L(ErrorCorrectionLevel.L),
  /** About 15%: markproof's default, a balance of module size and damage tolerance. */
  M(ErrorCorrectionLevel.M),
  /** About 25%. */
  Q(ErrorCorrectionLevel.Q),
  /** About 30%. */
  H(ErrorCorrectionLevel.H);

  private final ErrorCorrectionLevel zxing;

  QrErrorCorrection(ErrorCorrectionLevel zxing) {
    this.zxing = zxing;
  }

  ErrorCorrectionLevel zxing() {
    return zxing;
  }
}
