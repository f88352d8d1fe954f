package org.markproof.contracts.note;

import org.markproof.contracts.VerificationException;

/**
 * A well-formed note lacks a verified signature that was required: none by any known key
 * (c2sp.org/signed-note §Signatures), or none by the one key the caller needed. Carries the parsed
 * note, whose text must not be trusted.
 */
public class UnverifiedNoteException extends VerificationException {
  private static final long serialVersionUID = 1L;

  private final transient SignedNote note;

  public UnverifiedNoteException(String message, SignedNote note) {
    super(message);
    this.note = note;
  }

  /** The parsed, unverified note: its signature lines are the evidence of who did sign it. */
  public SignedNote note() {
    return note;
  }
}
