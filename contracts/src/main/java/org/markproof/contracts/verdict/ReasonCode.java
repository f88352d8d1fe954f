package org.markproof.contracts.verdict;

/**
 * Why a verdict is what it is: a stable machine code ({@link #wireName}), the key of the officer's
 * sentence for translation ({@link #messageKey}) and that sentence in English ({@link #sentence}).
 */
public enum ReasonCode {
  CODE_MALFORMED(
      "code-malformed",
      "The code is not a GS1 Digital Link, GS1 element string or EAN/UPC number; check the scan."),
  GTIN_ONLY(
      "gtin-only",
      "The code carries a product number only: it cannot tell whether this item is genuine."),
  NO_SERIAL(
      "no-serial",
      "The code carries no serial number: it cannot tell whether this item is genuine."),
  UNSIGNED_CODE(
      "unsigned-code",
      "The code carries no markproof signature and names no batch the ledger knows."),
  PRODUCT_REGISTERED("product-registered", "The product is registered in the ledger."),
  PRODUCT_UNKNOWN("product-unknown", "The product is not registered in the ledger."),
  BATCH_UNKNOWN(
      "batch-unknown", "The label names a batch the ledger does not know: treat as counterfeit."),
  SIGNATURE_MISSING(
      "signature-missing",
      "The label of a registered batch carries no signature: treat as counterfeit."),
  SIGNATURE_INVALID(
      "signature-invalid",
      "The label's signature does not match its batch's key: treat as counterfeit."),
  LABEL_SIGNATURE_VALID("label-signature-valid", "The label's signature matches its batch's key."),
  LABEL_REVOKED(
      "label-revoked",
      "This label was revoked by its issuer or the mark's holder: hold the goods."),
  BATCH_REVOKED(
      "batch-revoked",
      "This batch was revoked by its issuer or the mark's holder: hold the goods."),
  ISSUED_BY_HOLDER(
      "issued-by-holder", "The batch was issued by the mark's holder on its issue date."),
  ISSUED_UNDER_LICENSE(
      "issued-under-license", "The batch was issued under a license in force on its issue date."),
  ISSUER_NOT_ENTITLED(
      "issuer-not-entitled",
      "The batch's issuer had no right to the mark on the issue date: hold the goods."),
  MARK_NOT_LIVE(
      "mark-not-live", "The mark was not in force on the batch's issue date: hold the goods."),
  MARK_INVALIDATED(
      "mark-invalidated", "The mark has been declared invalid: goods under it are not authorised."),
  TERRITORY_NOT_COVERED(
      "territory-not-covered",
      "The goods are not authorised for this post's territory: hold the goods."),
  SEEN_AT_DISTANT_POST(
      "seen-at-distant-post",
      "The same label was scanned at a post too far away for the time between the scans: likely a"
          + " copied label."),
  SEEN_TOO_OFTEN(
      "seen-too-often",
      "The same label was scanned too many times recently: likely a copied label."),
  CHECKPOINT_STALE(
      "checkpoint-stale",
      "This post's copy of the ledger is too old to confirm genuineness: synchronise and scan"
          + " again.");

  private final String wireName;
  private final String sentence;

  ReasonCode(String wireName, String sentence) {
    this.wireName = wireName;
    this.sentence = sentence;
  }

  /** The stable machine code, as in {@code reasons}. */
  public String wireName() {
    return wireName;
  }

  /** The translation key of {@link #sentence}. */
  public String messageKey() {
    return "scan.reason." + wireName;
  }

  /** The sentence for the officer, in English. */
  public String sentence() {
    return sentence;
  }
}
