package org.markproof.contracts.label;

import org.markproof.contracts.MalformedDataException;
import org.markproof.contracts.crypto.Ed25519PrivateKey;
import org.markproof.contracts.crypto.Ed25519Signatures;

/**
 * Signs labels: the batch's label key signs the {@link LabelMessage} v1 of GTIN, batch and serial,
 * and the signature goes into AI (8030) as 86 characters of unpadded base64url. Ed25519 is
 * deterministic, so the same key and item always give the same label.
 */
public final class LabelSigner {
  private final String resolverBase;

  private LabelSigner(String resolverBase) {
    this.resolverBase = resolverBase;
  }

  /**
   * A signer printing links under {@code resolverBase}, e.g. {@code https://id.example.com}.
   *
   * @throws MalformedDataException if it is not an http(s) scheme, host and optional path prefix
   */
  public static LabelSigner forResolver(String resolverBase) throws MalformedDataException {
    return new LabelSigner(DigitalLinkParser.checkBase(resolverBase));
  }

  /**
   * Signs one item and returns its Digital Link.
   *
   * @throws MalformedDataException if batch or serial break their AI's syntax
   */
  public DigitalLink sign(Ed25519PrivateKey labelKey, Gtin gtin, String batch, String serial)
      throws MalformedDataException {
    return sign(labelKey, Gs1Fields.of(gtin, batch, serial, null, null));
  }

  /**
   * Signs {@code fields} (which need AI 10 and 21; AI 17 is carried, unsigned) and returns the
   * Digital Link with AI (8030) set.
   *
   * @throws MalformedDataException if batch or serial is missing
   */
  public DigitalLink sign(Ed25519PrivateKey labelKey, Gs1Fields fields)
      throws MalformedDataException {
    return DigitalLink.of(resolverBase, signFields(labelKey, fields));
  }

  /**
   * Returns {@code fields} with AI (8030) set to the v1 signature, for element strings (GS1
   * DataMatrix) as well as links.
   *
   * @throws MalformedDataException if batch or serial is missing
   */
  public static Gs1Fields signFields(Ed25519PrivateKey labelKey, Gs1Fields fields)
      throws MalformedDataException {
    byte[] signature = Ed25519Signatures.sign(labelKey, LabelMessage.v1(fields));
    return fields.withSignature(LabelSignatureText.encode(signature));
  }
}
