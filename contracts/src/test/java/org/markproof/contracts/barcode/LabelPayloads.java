package org.markproof.contracts.barcode;

import java.util.SplittableRandom;
import org.markproof.contracts.MalformedDataException;
import org.markproof.contracts.crypto.Ed25519PrivateKey;
import org.markproof.contracts.label.ElementString;
import org.markproof.contracts.label.Gs1CheckDigit;
import org.markproof.contracts.label.Gs1Date;
import org.markproof.contracts.label.Gs1Fields;
import org.markproof.contracts.label.Gtin;
import org.markproof.contracts.label.LabelSigner;

/** Realistic signed markproof label data for the robustness frames, from a seed. */
final class LabelPayloads {
  private static final String[] RESOLVERS = {
    "https://id.markproof.example", "https://brand.example.com/dl", "https://id.acme-pharma.example"
  };
  private static final String ALPHANUMERIC = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789";

  private LabelPayloads() {}

  static Gs1Fields signedFields(SplittableRandom random) throws MalformedDataException {
    byte[] seed = new byte[32];
    for (int i = 0; i < seed.length; i++) {
      seed[i] = (byte) random.nextInt(256);
    }
    Ed25519PrivateKey key = Ed25519PrivateKey.fromSeed(seed);
    StringBuilder gtin = new StringBuilder("0");
    for (int i = 0; i < 12; i++) {
      gtin.append((char) ('0' + random.nextInt(10)));
    }
    gtin.append(Gs1CheckDigit.compute(gtin));
    String batch = "L" + (24 + random.nextInt(4)) + "-" + (1000 + random.nextInt(9000));
    StringBuilder serial = new StringBuilder();
    for (int i = 0, n = 8 + random.nextInt(5); i < n; i++) {
      serial.append(ALPHANUMERIC.charAt(random.nextInt(ALPHANUMERIC.length())));
    }
    Gs1Date expiry =
        random.nextBoolean()
            ? null
            : new Gs1Date(26 + random.nextInt(4), 1 + random.nextInt(12), 0);
    return LabelSigner.signFields(
        key, Gs1Fields.of(Gtin.parse(gtin.toString()), batch, serial.toString(), expiry, null));
  }

  /** A Digital Link URI for a QR Code. */
  static String digitalLink(SplittableRandom random) throws MalformedDataException {
    Gs1Fields fields = signedFields(random);
    return org.markproof.contracts.label.DigitalLink.of(
            RESOLVERS[random.nextInt(RESOLVERS.length)], fields)
        .toUri();
  }

  /** An element string as a GS1 DataMatrix decoder transmits it after {@code ]d2}. */
  static String elementString(SplittableRandom random) throws MalformedDataException {
    return ElementString.format(signedFields(random));
  }
}
