package org.markproof.contracts.entry;

/**
 * {@code participant.revoked}: an operator revokes {@code participant}; none of its keys signs
 * anything after this entry. What it signed before stays in the log.
 */
public record ParticipantRevoked(String submitter, String participant) implements Statement {
  public ParticipantRevoked {
    FieldSyntax.requireIdentifier("submitter", submitter);
    FieldSyntax.requireIdentifier("participant", participant);
  }

  @Override
  public StatementKind kind() {
    return StatementKind.PARTICIPANT_REVOKED;
  }
}
