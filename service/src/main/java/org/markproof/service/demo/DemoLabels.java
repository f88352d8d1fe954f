package org.markproof.service.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.markproof.contracts.MalformedDataException;
import org.markproof.contracts.barcode.BarcodeEncoder;
import org.markproof.contracts.barcode.PngRenderer;
import org.markproof.contracts.barcode.QrErrorCorrection;
import org.markproof.contracts.crypto.Ed25519PrivateKey;
import org.markproof.contracts.label.DigitalLink;
import org.markproof.contracts.label.Gtin;
import org.markproof.contracts.label.LabelSigner;

/**
 * The demo's printed labels: signed GS1 Digital Link codes of both demo batches, one the holder
 * revokes, and codes a counterfeiter would print (a signature by a key the ledger does not know, a
 * batch it never issued), plus a plain EAN-13. Written as QR Code PNGs (and one GS1 DataMatrix)
 * with {@code payloads.txt} listing every payload by what a scan of it should show.
 */
public final class DemoLabels {
  /** Labels of each kind written per batch. */
  static final int GENUINE_PER_BATCH = 3;

  /** What a label is meant to show when scanned, and its payload. */
  public record Label(String kind, String payload) {}

  private final List<Label> labels;
  private final String revokedSerial;

  private DemoLabels(List<Label> labels, String revokedSerial) {
    this.labels = List.copyOf(labels);
    this.revokedSerial = revokedSerial;
  }

  /** Signs the demo's labels with fresh random serials (GS1 AI 21, 65 bits of entropy each). */
  public static DemoLabels sign(DemoKeys keys, SecureRandom random) {
    try {
      LabelSigner signer = LabelSigner.forResolver(DemoScenario.RESOLVER);
      List<Label> labels = new ArrayList<>();
      Ed25519PrivateKey holderKey = keys.labelKey(DemoScenario.HOLDER_BATCH);
      Ed25519PrivateKey licenseeKey = keys.labelKey(DemoScenario.LICENSEE_BATCH);
      for (int i = 0; i < GENUINE_PER_BATCH; i++) {
        labels.add(
            label(
                "genuine",
                signer.sign(
                    holderKey,
                    DemoScenario.HOLDER_GTIN,
                    DemoScenario.HOLDER_BATCH,
                    serial(random))));
        labels.add(
            label(
                "genuine-licensee",
                signer.sign(
                    licenseeKey,
                    DemoScenario.LICENSEE_GTIN,
                    DemoScenario.LICENSEE_BATCH,
                    serial(random))));
      }
      String revokedSerial = serial(random);
      labels.add(
          label(
              "revoked",
              signer.sign(
                  holderKey, DemoScenario.HOLDER_GTIN, DemoScenario.HOLDER_BATCH, revokedSerial)));
      Ed25519PrivateKey counterfeiter = Ed25519PrivateKey.generate(random);
      labels.add(
          label(
              "counterfeit-signature",
              signer.sign(
                  counterfeiter,
                  DemoScenario.HOLDER_GTIN,
                  DemoScenario.HOLDER_BATCH,
                  serial(random))));
      labels.add(
          label(
              "counterfeit-batch",
              signer.sign(counterfeiter, DemoScenario.HOLDER_GTIN, "LOT2026Z", serial(random))));
      labels.add(new Label("plain-ean", retailDigits(DemoScenario.HOLDER_GTIN)));
      return new DemoLabels(labels, revokedSerial);
    } catch (MalformedDataException e) {
      throw new IllegalStateException(
          "demo labels do not fit the GS1 syntax: " + e.getMessage(), e);
    }
  }

  /** Every label, in the order of {@code payloads.txt}. */
  public List<Label> labels() {
    return labels;
  }

  /** The serial the holder revokes. */
  public String revokedSerial() {
    return revokedSerial;
  }

  /**
   * Writes {@code payloads.txt} (kind, tab, payload per line) and a QR Code PNG per Digital Link
   * ({@code <kind>-<n>.png}), plus the first genuine label as GS1 DataMatrix.
   */
  public void write(Path directory) throws IOException {
    Files.createDirectories(directory);
    StringBuilder payloads = new StringBuilder();
    int n = 0;
    try {
      for (Label label : labels) {
        payloads.append(label.kind()).append('\t').append(label.payload()).append('\n');
        if (label.payload().startsWith("https://")) {
          n++;
          Files.write(
              directory.resolve(String.format("%02d-%s.png", n, label.kind())),
              PngRenderer.render(BarcodeEncoder.qrCode(label.payload(), QrErrorCorrection.M), 6));
        }
      }
      DigitalLink first = DigitalLink.parse(labels.get(0).payload());
      Files.write(
          directory.resolve("genuine-datamatrix.png"),
          PngRenderer.render(BarcodeEncoder.gs1DataMatrix(first.fields()), 6));
    } catch (MalformedDataException e) {
      throw new IllegalStateException("demo label does not encode: " + e.getMessage(), e);
    }
    Files.writeString(directory.resolve("payloads.txt"), payloads, StandardCharsets.UTF_8);
  }

  private static Label label(String kind, DigitalLink link) {
    return new Label(kind, link.toUri());
  }

  /** A GS1 AI 21 serial: 13 characters of a 32-letter alphabet without I and O (65 bits). */
  static String serial(SecureRandom random) {
    String alphabet = "0123456789ABCDEFGHJKLMNPQRSTUVWX";
    StringBuilder serial = new StringBuilder(13);
    for (int i = 0; i < 13; i++) {
      serial.append(alphabet.charAt(random.nextInt(32)));
    }
    return serial.toString();
  }

  /** The EAN-13 digits a retail GTIN-14 (leading zero) prints as. */
  private static String retailDigits(Gtin gtin) {
    return gtin.digits().substring(1);
  }
}
