package org.markproof.contracts.rules;

import java.util.List;
import org.markproof.contracts.entry.ParticipantRole;
import org.markproof.contracts.entry.Statement;
import org.markproof.contracts.entry.StatementKind;

/** Which roles may make which kinds of statement (DESIGN.md "Actors"). */
final class Permissions {
  private Permissions() {}

  /** The role types allowed to submit statements of {@code kind}. */
  static List<Class<? extends ParticipantRole>> allowed(StatementKind kind) {
    switch (kind) {
      case PARTICIPANT_ENROLLED:
      case PARTICIPANT_KEY_ROTATED:
      case PARTICIPANT_REVOKED:
        return List.of(ParticipantRole.Operator.class);
      case TRADEMARK_RECORDED:
      case TRADEMARK_STATUS_CHANGED:
      case TRADEMARK_ASSIGNED:
        return List.of(ParticipantRole.Registrar.class);
      case LICENSE_GRANTED:
      case LICENSE_TERMINATED:
        return List.of(ParticipantRole.BrandOwner.class, ParticipantRole.Registrar.class);
      case PRODUCT_REGISTERED:
      case BATCH_ISSUED:
      case LABEL_REVOKED:
      case BATCH_REVOKED:
        return List.of(ParticipantRole.BrandOwner.class);
      case SEIZURE_RECORDED:
        return List.of(ParticipantRole.Customs.class);
      default:
        throw new AssertionError("every kind has permissions: " + kind);
    }
  }

  static void check(RuleContext c, Statement s, ParticipantRole role) {
    if (allowed(s.kind()).stream().noneMatch(type -> type.isInstance(role))) {
      c.add(
          ViolationCode.SUBMITTER_ROLE_NOT_ALLOWED,
          "statement.submitter",
          "a " + role.type() + " may not submit " + s.kind() + " statements");
    }
  }
}
