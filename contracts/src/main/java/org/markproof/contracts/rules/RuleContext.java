package org.markproof.contracts.rules;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import org.markproof.contracts.crypto.VerifiedSignatures;
import org.markproof.contracts.entry.OfficeCode;
import org.markproof.contracts.entry.ParticipantRole;
import org.markproof.contracts.entry.Statement;
import org.markproof.contracts.entry.TrademarkRef;

/**
 * What every rule needs while validating one entry: the state, the entry time, the findings, and
 * how signatures are verified.
 */
record RuleContext(
    LedgerState state, Instant time, Violations violations, VerifiedSignatures signatures) {
  /** The UTC calendar date of the entry time, against which dates in statements are judged. */
  LocalDate today() {
    return LocalDate.ofInstant(time, ZoneOffset.UTC);
  }

  /** The latest date a statement may name as "now": today plus the allowed clock skew. */
  LocalDate latestAcceptableDate() {
    return today().plusDays(Rules.CLOCK_SKEW_DAYS);
  }

  /** The earliest date an effective date may name: today minus the allowed clock skew. */
  LocalDate earliestEffectiveDate() {
    return today().minusDays(Rules.CLOCK_SKEW_DAYS);
  }

  void add(ViolationCode code, String path, String message) {
    violations.add(code, path, message);
  }

  Optional<ParticipantRecord> submitter(Statement s) {
    return state.participant(s.submitter());
  }

  boolean isActiveBrandOwner(String id) {
    return state
        .participant(id)
        .map(p -> p.isActive(ParticipantRole.BrandOwner.class))
        .orElse(false);
  }

  /** The mark {@code ref}, or empty after recording {@code MARK_UNKNOWN} at {@code path}. */
  Optional<MarkRecord> knownMark(TrademarkRef ref, String path) {
    Optional<MarkRecord> mark = state.mark(ref);
    if (mark.isEmpty()) {
      add(ViolationCode.MARK_UNKNOWN, path, "no trademark " + ref + " is recorded");
    }
    return mark;
  }

  /** Whether the submitter is a registrar of {@code office}. */
  boolean isRegistrarOf(Statement s, OfficeCode office) {
    return submitter(s)
        .map(ParticipantRecord::role)
        .filter(
            r ->
                r instanceof ParticipantRole.Registrar registrar
                    && registrar.office().equals(office))
        .isPresent();
  }

  /**
   * Records {@code MARK_OFFICE_MISMATCH} at {@code path} if the submitter is a registrar of an
   * office other than {@code office} (other roles are the permission rule's business).
   */
  void requireOwnOffice(Statement s, OfficeCode office, String path) {
    submitter(s)
        .map(ParticipantRecord::role)
        .filter(r -> r instanceof ParticipantRole.Registrar)
        .map(r -> ((ParticipantRole.Registrar) r).office())
        .filter(own -> !own.equals(office))
        .ifPresent(
            own ->
                add(
                    ViolationCode.MARK_OFFICE_MISMATCH,
                    path,
                    "registrar of office " + own + " may not act on marks of office " + office));
  }
}
