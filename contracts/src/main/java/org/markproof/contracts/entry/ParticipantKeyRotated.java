package org.markproof.contracts.entry;

import org.markproof.contracts.crypto.Ed25519PublicKey;

/**
 * {@code participant.key-rotated}: an operator replaces {@code participant}'s signing key; the old
 * key signs nothing after this entry.
 */
public record ParticipantKeyRotated(
    String submitter, String participant, Ed25519PublicKey publicKey) implements Statement {
  public ParticipantKeyRotated {
    FieldSyntax.requireIdentifier("submitter", submitter);
    FieldSyntax.requireIdentifier("participant", participant);
    FieldSyntax.present("publicKey", publicKey);
  }

  @Override
  public StatementKind kind() {
    return StatementKind.PARTICIPANT_KEY_ROTATED;
  }
}
