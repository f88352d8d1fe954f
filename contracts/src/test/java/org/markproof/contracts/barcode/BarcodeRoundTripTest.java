package org.markproof.contracts.barcode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.markproof.contracts.MalformedDataException;
import org.markproof.contracts.label.ElementString;
import org.markproof.contracts.label.Gs1Fields;
import org.markproof.contracts.label.ScannedCode;

class BarcodeRoundTripTest {
  private final ImageDecoder decoder = new ImageDecoder(BarcodeDecoder.withDefaultBudget());

  @Test
  void qrCodeOfDigitalLinkDecodesToTheSameUri() throws Exception {
    String uri = LabelPayloads.digitalLink(new SplittableRandom(1));
    DecodedBarcode decoded =
        decoder.decode(
            PngRenderer.render(BarcodeEncoder.qrCode(uri, QrErrorCorrection.M), 4),
            System::nanoTime);
    assertEquals(Symbology.QR_CODE, decoded.symbology());
    assertEquals("]Q1", decoded.symbologyIdentifier());
    assertEquals(uri, decoded.text());
    ScannedCode.DigitalLinkUri link =
        assertInstanceOf(ScannedCode.DigitalLinkUri.class, decoded.code());
    assertEquals(uri, link.link().toUri());
  }

  /**
   * A rendered label, uploaded as the photo, must read. zxing's finder-pattern detector misses this
   * one (the demo printed it in a CI run whose photo scan then answered "no code found"); the
   * clean-symbol read finds it.
   */
  @Test
  void renderedQrCodeThatZxingsDetectorMissesStillDecodes() throws Exception {
    String uri =
        "https://id.acme.example/01/09501101530003/10/ZX2026-07/21/327BLCT1672UB?8030="
            + "Unkv023loujnhD0NrQRjnO5khgFwDGrEauWnJgD7bCXGPeQq6Te7MTMlPyLtBH5vbnQEEpwScJSQQvP26nn4CA";
    LuminanceFrame frame =
        ImageDecoder.readFrame(
            PngRenderer.render(BarcodeEncoder.qrCode(uri, QrErrorCorrection.M), 6));
    BarcodeDecoder.Traced traced =
        BarcodeDecoder.withDefaultBudget().decodeTraced(frame, System::nanoTime);
    assertEquals(uri, traced.barcode().text());
    assertEquals(DecodeAttempt.PURE, traced.attempt());
  }

  /** Every label we render reads back, at the module sizes the service prints. */
  @Test
  void everyRenderedDigitalLinkQrCodeReadsBack() throws Exception {
    SplittableRandom random = new SplittableRandom(4);
    for (int n = 0; n < 1500; n++) {
      String uri = LabelPayloads.digitalLink(random);
      int module = 4 + n % 3;
      DecodedBarcode decoded =
          decoder.decode(
              PngRenderer.render(BarcodeEncoder.qrCode(uri, QrErrorCorrection.M), module),
              System::nanoTime);
      assertEquals(uri, decoded.text(), "label " + n + " at " + module + " px per module");
    }
  }

  @Test
  void gs1DataMatrixDecodesWithFnc1AsSymbologyIdentifierAndGroupSeparators() throws Exception {
    SplittableRandom random = new SplittableRandom(2);
    for (int n = 0; n < 20; n++) {
      Gs1Fields fields = LabelPayloads.signedFields(random);
      DecodedBarcode decoded =
          decoder.decode(
              PngRenderer.render(BarcodeEncoder.gs1DataMatrix(fields), 3), System::nanoTime);
      assertEquals(Symbology.DATA_MATRIX, decoded.symbology());
      assertEquals("]d2", decoded.symbologyIdentifier());
      assertTrue(decoded.gs1());
      assertEquals(ElementString.format(fields), decoded.text());
      assertEquals(fields, decoded.code().fields().orElseThrow());
    }
  }

  @Test
  void plainDataMatrixOfUriDecodesAsDataMatrixWithoutFnc1() throws Exception {
    String uri = LabelPayloads.digitalLink(new SplittableRandom(3));
    DecodedBarcode decoded =
        decoder.decode(PngRenderer.render(BarcodeEncoder.dataMatrix(uri), 3), System::nanoTime);
    assertEquals("]d1", decoded.symbologyIdentifier());
    assertEquals(uri, decoded.text());
    assertInstanceOf(ScannedCode.DigitalLinkUri.class, decoded.code());
  }

  @Test
  void rejectsEmptyTooLongAndOutOfBoundsRendering() throws Exception {
    assertThrows(
        MalformedDataException.class, () -> BarcodeEncoder.qrCode("", QrErrorCorrection.M));
    assertThrows(
        MalformedDataException.class,
        () ->
            BarcodeEncoder.qrCode(
                "x".repeat(BarcodeEncoder.MAX_TEXT_LENGTH + 1), QrErrorCorrection.M));
    SymbolMatrix qr = BarcodeEncoder.qrCode("https://a/01/09520123456788", QrErrorCorrection.M);
    assertThrows(MalformedDataException.class, () -> PngRenderer.render(qr, 0));
    assertThrows(MalformedDataException.class, () -> PngRenderer.render(qr, 33));
    assertThrows(MalformedDataException.class, () -> SvgRenderer.render(qr, 200));
  }
}
