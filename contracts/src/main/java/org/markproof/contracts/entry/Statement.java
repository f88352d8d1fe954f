package org.markproof.contracts.entry;

/**
 * A statement some participant makes to the ledger (DESIGN.md "The ledger"). Its RFC 8785 canonical
 * JSON ({@link StatementCodec#canonicalBytes}) is what the submitter signs, and always begins with
 * the domain marker {@code "type":"markproof/statement/v1"} so the signed bytes cannot be mistaken
 * for another protocol's message.
 *
 * <p>The family is closed: Java 17 code dispatches on it with {@code instanceof} patterns.
 */
public sealed interface Statement
    permits ParticipantEnrolled,
        ParticipantKeyRotated,
        ParticipantRevoked,
        TrademarkRecorded,
        TrademarkStatusChanged,
        TrademarkAssigned,
        LicenseGranted,
        LicenseTerminated,
        ProductRegistered,
        BatchIssued,
        LabelRevoked,
        BatchRevoked,
        SeizureRecorded {
  /** The value of every statement's {@code type} field: domain and schema version. */
  String TYPE = "markproof/statement/v1";

  /** Which kind of statement this is. */
  StatementKind kind();

  /** The id of the participant who makes (and signs) the statement. */
  String submitter();
}
