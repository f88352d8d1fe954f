package org.markproof.contracts.label;

import org.markproof.contracts.MalformedDataException;
import org.markproof.contracts.crypto.Ed25519PublicKey;
import org.markproof.contracts.crypto.Ed25519Signatures;
import org.markproof.contracts.crypto.SignatureVerificationException;

/**
 * Verifies a label's AI (8030) signature against the batch's label key (registered in its {@code
 * batch.issued} entry). Returns normally only when the signature verifies; finding the right key
 * for GTIN and batch is the caller's business.
 */
public final class LabelVerifier {
  private LabelVerifier() {}

  /**
   * Verifies the signature of a Digital Link.
   *
   * @throws LabelSignatureException if AI (8030), AI (10) or AI (21) is missing, the signature is
   *     not 86 characters of canonical base64url, or it does not verify over {@link LabelMessage}
   *     v1
   */
  public static void verify(Ed25519PublicKey labelKey, DigitalLink link)
      throws LabelSignatureException {
    verify(labelKey, link.fields());
  }

  /**
   * Verifies the signature of element-string fields, as {@link #verify(Ed25519PublicKey,
   * DigitalLink)}.
   */
  public static void verify(Ed25519PublicKey labelKey, Gs1Fields fields)
      throws LabelSignatureException {
    String path = DigitalLink.canonicalPath(fields);
    if (fields.signature().isEmpty()) {
      throw new LabelSignatureException("label has no AI (8030) signature", path, labelKey);
    }
    LabelSignatureText.Decoded decoded = LabelSignatureText.decode(fields.signature().get());
    if (decoded.signature() == null) {
      throw new LabelSignatureException(decoded.problem(), path, labelKey);
    }
    byte[] message;
    try {
      message = LabelMessage.v1(fields);
    } catch (MalformedDataException e) {
      throw new LabelSignatureException(e.getMessage(), path, labelKey);
    }
    try {
      Ed25519Signatures.verify(labelKey, message, decoded.signature());
    } catch (SignatureVerificationException e) {
      throw new LabelSignatureException(
          "AI (8030) does not verify over " + LabelMessage.TAG_V1, path, labelKey);
    }
  }
}
