package org.markproof.contracts.verdict;

/**
 * A proven log entry says something other than what the verdict claims (check 4 of docs/verdicts.md
 * "Checking a verdict offline"): the batch entry is for another batch, the product is registered
 * under another mark. Carries both values and where each was read.
 */
public class EvidenceMismatchException extends EvidenceCheckException {
  private static final long serialVersionUID = 1L;

  private final String entryField;
  private final String proven;
  private final String claimPath;
  private final String claimed;

  /**
   * @param entry how the evidence entry is named: {@code entry 0 (role batch, index 12)}
   * @param entryField the entry's field that was compared, as {@code batch entry's gtin}
   * @param proven the entry's value
   * @param claimPath the document member compared with it, as {@code item.gtin}
   * @param claimed the document's value, or {@code null} when the member is missing
   */
  public EvidenceMismatchException(
      String entry, String entryField, String proven, String claimPath, String claimed) {
    super(
        Check.CLAIMS,
        entry
            + ": "
            + (claimed == null
                ? "the verdict has no "
                    + claimPath
                    + " to compare with the "
                    + entryField
                    + " \""
                    + proven
                    + "\""
                : "the "
                    + entryField
                    + " is \""
                    + proven
                    + "\", the verdict claims "
                    + claimPath
                    + " \""
                    + claimed
                    + "\""));
    this.entryField = entryField;
    this.proven = proven;
    this.claimPath = claimPath;
    this.claimed = claimed;
  }

  /** The entry's field that was compared. */
  public String entryField() {
    return entryField;
  }

  /** What the proven entry says. */
  public String proven() {
    return proven;
  }

  /** The document member it was compared with. */
  public String claimPath() {
    return claimPath;
  }

  /** What the verdict claims, or {@code null} when it claims nothing there. */
  public String claimed() {
    return claimed;
  }
}
