package org.markproof.contracts.label;

import java.util.Objects;
import java.util.Optional;
import org.markproof.contracts.MalformedDataException;

/**
 * What a scanned text turned out to be. {@link #parse} classifies any text and never throws: a GS1
 * Digital Link URI, a GS1 element string, the digits of a retail barcode, or {@link Malformed}.
 */
public sealed interface ScannedCode {
  /** Longest text looked at; longer input is {@link Malformed} at once. */
  int MAX_TEXT_LENGTH = 4096;

  /** The GS1 data carried, if any. */
  Optional<Gs1Fields> fields();

  /** The GTIN carried, if any. */
  default Optional<Gtin> gtin() {
    return fields().map(Gs1Fields::gtin);
  }

  /** A GS1 Digital Link URI, as a QR Code or DataMatrix carries a markproof label. */
  record DigitalLinkUri(DigitalLink link) implements ScannedCode {
    public DigitalLinkUri {
      Objects.requireNonNull(link, "link");
    }

    @Override
    public Optional<Gs1Fields> fields() {
      return Optional.of(link.fields());
    }
  }

  /**
   * A GS1 element string (GS1 DataMatrix, GS1-128, GS1 QR Code).
   *
   * @param symbologyIdentifier the ISO/IEC 15424 identifier it came with ({@code ]d2}, {@code ]C1},
   *     …), or empty when the text had none
   */
  record Gs1ElementString(String symbologyIdentifier, Gs1Fields data) implements ScannedCode {
    public Gs1ElementString {
      Objects.requireNonNull(symbologyIdentifier, "symbologyIdentifier");
      Objects.requireNonNull(data, "data");
    }

    @Override
    public Optional<Gs1Fields> fields() {
      return Optional.of(data);
    }
  }

  /** The digits of an EAN-13, UPC-A, EAN-8 (or a GTIN-14): a GTIN only. */
  record RetailNumber(RetailGtin retail) implements ScannedCode {
    public RetailNumber {
      Objects.requireNonNull(retail, "retail");
    }

    @Override
    public Optional<Gs1Fields> fields() {
      return Optional.of(Gs1Fields.gtinOnly(retail.gtin()));
    }
  }

  /** Not a code markproof reads; {@code reason} says why. */
  record Malformed(String reason) implements ScannedCode {
    public Malformed {
      Objects.requireNonNull(reason, "reason");
    }

    @Override
    public Optional<Gs1Fields> fields() {
      return Optional.empty();
    }
  }

  /**
   * Classifies scanned text, as a decoder or a keyboard-wedge scanner passes it, optionally
   * prefixed by an ISO/IEC 15424 symbology identifier ({@code ]Q1}, {@code ]d2}, {@code ]E0}, …):
   *
   * <ul>
   *   <li>{@code http://} or {@code https://} → {@link DigitalLinkUri} (or Malformed);
   *   <li>a GS1 symbology identifier ({@code ]C1 ]d2 ]Q3 ]e0 ]J1}), a leading GS, a leading {@code
   *       (}, or digits starting {@code 01} longer than 14 → {@link Gs1ElementString};
   *   <li>8, 12, 13 or 14 digits → {@link RetailNumber};
   *   <li>anything else, or any of the above failing its checks → {@link Malformed}.
   * </ul>
   */
  static ScannedCode parse(String text) {
    if (text == null || text.isEmpty()) {
      return new Malformed("no text");
    }
    if (text.length() > MAX_TEXT_LENGTH) {
      return new Malformed(
          "text of " + text.length() + " characters, at most " + MAX_TEXT_LENGTH + " read");
    }
    try {
      return ScannedTextClassifier.classify(text);
    } catch (MalformedDataException e) {
      return new Malformed(e.getMessage());
    }
  }
}
