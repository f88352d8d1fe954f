package org.markproof.contracts.entry;

import org.markproof.contracts.crypto.Ed25519PublicKey;

/**
 * {@code participant.enrolled}: an operator enrols {@code participant} with a role and the Ed25519
 * key that will sign its statements. The first entry of a ledger is an operator enrolling itself.
 */
public record ParticipantEnrolled(
    String submitter,
    String participant,
    String displayName,
    ParticipantRole role,
    Ed25519PublicKey publicKey)
    implements Statement {
  public ParticipantEnrolled {
    FieldSyntax.requireIdentifier("submitter", submitter);
    FieldSyntax.requireIdentifier("participant", participant);
    FieldSyntax.require(
        "displayName",
        FieldSyntax.text(
            FieldSyntax.present("displayName", displayName), EntryLimits.MAX_DISPLAY_NAME_LENGTH));
    FieldSyntax.present("role", role);
    FieldSyntax.present("publicKey", publicKey);
  }

  @Override
  public StatementKind kind() {
    return StatementKind.PARTICIPANT_ENROLLED;
  }
}
