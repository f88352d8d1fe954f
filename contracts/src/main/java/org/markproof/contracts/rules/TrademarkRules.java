package org.markproof.contracts.rules;

import java.util.Optional;
import org.markproof.contracts.entry.TrademarkAssigned;
import org.markproof.contracts.entry.TrademarkRecorded;
import org.markproof.contracts.entry.TrademarkStatus;
import org.markproof.contracts.entry.TrademarkStatusChanged;

/**
 * Recordals, status changes and assignments, by the registrar of the mark's office only. Status
 * changes follow the mark's life (a cancelled or invalidated mark is final); assignments build the
 * chain of ownership forward in time, never back.
 */
final class TrademarkRules {
  private TrademarkRules() {}

  static void validate(RuleContext c, TrademarkRecorded s) {
    c.requireOwnOffice(s, s.trademark().office(), "statement.trademark.office");
    if (c.state().mark(s.trademark()).isPresent()) {
      c.add(
          ViolationCode.MARK_DUPLICATE,
          "statement.trademark",
          "trademark " + s.trademark() + " is already recorded");
    }
    if (!c.isActiveBrandOwner(s.holder())) {
      c.add(
          ViolationCode.HOLDER_NOT_BRAND_OWNER,
          "statement.holder",
          s.holder() + " is not an enrolled, active brand owner");
    }
    if (s.registrationDate().isBefore(s.filingDate())) {
      c.add(
          ViolationCode.MARK_DATES_INCONSISTENT,
          "statement.registrationDate",
          "registration " + s.registrationDate() + " precedes filing " + s.filingDate());
    }
    if (s.expiryDate().isBefore(s.registrationDate())) {
      c.add(
          ViolationCode.MARK_DATES_INCONSISTENT,
          "statement.expiryDate",
          "expiry " + s.expiryDate() + " precedes registration " + s.registrationDate());
    }
    if (s.registrationDate().isAfter(c.latestAcceptableDate())) {
      c.add(
          ViolationCode.REGISTRATION_DATE_IN_FUTURE,
          "statement.registrationDate",
          "registration date " + s.registrationDate() + " is after " + c.today());
    }
  }

  static void validate(RuleContext c, TrademarkStatusChanged s) {
    c.requireOwnOffice(s, s.trademark().office(), "statement.trademark.office");
    Optional<MarkRecord> mark = c.knownMark(s.trademark(), "statement.trademark");
    if (mark.isEmpty()) {
      return;
    }
    StatusPeriod latest = mark.get().latestStatus();
    if (latest.status().isFinal()) {
      c.add(
          ViolationCode.MARK_STATUS_FINAL,
          "statement.status",
          s.trademark() + " is " + latest.status() + "; its status cannot change");
    } else if (!transitionAllowed(latest.status(), s.status())) {
      c.add(
          ViolationCode.STATUS_TRANSITION_NOT_ALLOWED,
          "statement.status",
          s.trademark() + " cannot go from " + latest.status() + " to " + s.status());
    }
    s.newExpiryDate()
        .filter(expiry -> !expiry.isAfter(latest.expiry()))
        .ifPresent(
            expiry ->
                c.add(
                    ViolationCode.RENEWAL_EXPIRY_NOT_LATER,
                    "statement.newExpiryDate",
                    "new expiry " + expiry + " is not after " + latest.expiry()));
    if (s.effectiveDate().isBefore(latest.from())) {
      c.add(
          ViolationCode.EFFECTIVE_DATE_OUT_OF_ORDER,
          "statement.effectiveDate",
          "effective " + s.effectiveDate() + ", before the status in force from " + latest.from());
    }
  }

  static void validate(RuleContext c, TrademarkAssigned s) {
    c.requireOwnOffice(s, s.trademark().office(), "statement.trademark.office");
    Optional<MarkRecord> mark = c.knownMark(s.trademark(), "statement.trademark");
    if (!c.isActiveBrandOwner(s.newHolder())) {
      c.add(
          ViolationCode.HOLDER_NOT_BRAND_OWNER,
          "statement.newHolder",
          s.newHolder() + " is not an enrolled, active brand owner");
    }
    if (s.effectiveDate().isBefore(c.earliestEffectiveDate())) {
      c.add(
          ViolationCode.EFFECTIVE_DATE_RETROACTIVE,
          "statement.effectiveDate",
          "an assignment moves future rights only; effective "
              + s.effectiveDate()
              + " is before "
              + c.today());
    }
    if (mark.isEmpty()) {
      return;
    }
    HolderPeriod latest = mark.get().latestHolder();
    if (mark.get().latestStatus().status().isFinal()) {
      c.add(
          ViolationCode.MARK_STATUS_FINAL,
          "statement.trademark",
          s.trademark() + " is " + mark.get().latestStatus().status() + " and cannot be assigned");
    }
    if (latest.holder().equals(s.newHolder())) {
      c.add(
          ViolationCode.ASSIGNMENT_TO_CURRENT_HOLDER,
          "statement.newHolder",
          s.newHolder() + " already holds " + s.trademark());
    }
    if (!s.effectiveDate().isAfter(latest.from())) {
      c.add(
          ViolationCode.EFFECTIVE_DATE_OUT_OF_ORDER,
          "statement.effectiveDate",
          "effective " + s.effectiveDate() + ", not after the last link from " + latest.from());
    }
  }

  static Tables apply(Tables t, TrademarkRecorded s, EntryRef at) {
    return t.withMark(MarkRecord.of(s, at));
  }

  static Tables apply(Tables t, TrademarkStatusChanged s, EntryRef at) {
    MarkRecord mark = t.marks.get(s.trademark());
    StatusPeriod period =
        new StatusPeriod(
            s.status(),
            s.effectiveDate(),
            s.newExpiryDate().orElse(mark.latestStatus().expiry()),
            at);
    return t.withMark(mark.withStatus(period));
  }

  static Tables apply(Tables t, TrademarkAssigned s, EntryRef at) {
    MarkRecord mark = t.marks.get(s.trademark());
    return t.withMark(mark.withHolder(new HolderPeriod(s.newHolder(), s.effectiveDate(), at)));
  }

  /** Restoration only after a lapse; renewal from any live or lapsed status; ends from any. */
  private static boolean transitionAllowed(TrademarkStatus from, TrademarkStatus to) {
    switch (to) {
      case REGISTERED:
        return from == TrademarkStatus.LAPSED;
      case RENEWED:
      case CANCELLED:
      case INVALIDATED:
        return true;
      case LAPSED:
        return from.isLive();
      default:
        throw new AssertionError(to);
    }
  }
}
