package org.markproof.contracts.verdict;

import org.markproof.contracts.VerificationException;

/**
 * One of the four checks of a verdict's evidence failed (docs/verdicts.md "Checking a verdict
 * offline"). The message names the check and, for checks 3 and 4, the evidence entry by its
 * position in {@code evidence.entries}, its role and its log index; the cause, when there is one,
 * is the failure underneath (a {@link org.markproof.contracts.merkle.RootMismatchException} with
 * both roots, a {@link org.markproof.contracts.note.UnverifiedNoteException} with the note).
 */
public class EvidenceCheckException extends VerificationException {
  private static final long serialVersionUID = 1L;

  /** The checks, in the order they run. */
  public enum Check {
    /** 1: the signature over the document with the verdict key. */
    SIGNATURE("check 1, the verdict's signature"),
    /** 2: the checkpoint's signature with the log key (and the policy's witnesses). */
    CHECKPOINT("check 2, the checkpoint's signature"),
    /** 3: every entry's proof against that checkpoint, each carrying that same checkpoint. */
    PROOFS("check 3, the entries' proofs"),
    /** 4: the proven entries say what the verdict claims, and its code has the entries it needs. */
    CLAIMS("check 4, the entries against the verdict's claims");

    private final String title;

    Check(String title) {
      this.title = title;
    }

    /** How the check is named in messages. */
    public String title() {
      return title;
    }
  }

  private final Check check;

  public EvidenceCheckException(Check check, String detail) {
    super(check.title() + ": " + detail);
    this.check = check;
  }

  public EvidenceCheckException(Check check, String detail, VerificationException cause) {
    super(check.title() + ": " + detail + ": " + cause.getMessage(), cause);
    this.check = check;
  }

  /** Which check failed. */
  public Check check() {
    return check;
  }
}
