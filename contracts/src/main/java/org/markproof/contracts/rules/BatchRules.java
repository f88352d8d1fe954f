package org.markproof.contracts.rules;

import java.util.Optional;
import org.markproof.contracts.entry.BatchIssued;

/**
 * Batch issuance: a registered product, a new batch/lot, an issue date not in the future, an issuer
 * entitled on that date ({@link LedgerState#entitlement}) whose right has not ended since, and a
 * mark live both on the issue date and today.
 */
final class BatchRules {
  private BatchRules() {}

  static void validate(RuleContext c, BatchIssued s) {
    if (c.state().batch(s.gtin(), s.batch()).isPresent()) {
      c.add(
          ViolationCode.BATCH_DUPLICATE,
          "statement.batch",
          "batch " + s.batch() + " of " + s.gtin() + " is already issued");
    }
    if (s.issueDate().isAfter(c.latestAcceptableDate())) {
      c.add(
          ViolationCode.ISSUE_DATE_IN_FUTURE,
          "statement.issueDate",
          "issue date "
              + s.issueDate()
              + " is after "
              + c.today()
              + " (skew "
              + Rules.CLOCK_SKEW_DAYS
              + " day)");
    }
    Optional<ProductRecord> product = c.state().product(s.gtin());
    if (product.isEmpty()) {
      c.add(
          ViolationCode.PRODUCT_UNKNOWN,
          "statement.gtin",
          "no product " + s.gtin() + " is registered");
      return;
    }
    MarkRecord mark = c.state().mark(product.get().registration().trademark()).orElseThrow();
    if (!mark.isLiveOn(s.issueDate()) || !mark.isLiveOn(c.today())) {
      c.add(
          ViolationCode.MARK_NOT_LIVE,
          "statement.issueDate",
          mark.trademark()
              + " is not live on both the issue date "
              + s.issueDate()
              + " and "
              + c.today());
    }
    Optional<Entitlement> entitlement =
        c.state().entitlement(s.submitter(), s.gtin(), s.issueDate());
    if (entitlement.isEmpty()) {
      c.add(
          ViolationCode.ISSUER_NOT_ENTITLED,
          "statement.submitter",
          s.submitter()
              + " neither held "
              + mark.trademark()
              + " nor had a license in force covering "
              + s.gtin()
              + " on "
              + s.issueDate());
      return;
    }
    if (rightEnded(c, s.submitter(), entitlement.get())) {
      c.add(
          ViolationCode.ISSUER_RIGHT_ENDED,
          "statement.submitter",
          s.submitter()
              + "'s right under entry "
              + entitlement.get().source().index()
              + " has ended by "
              + c.today());
    }
  }

  /** Whether an assignment or termination in effect today took away the right used. */
  private static boolean rightEnded(RuleContext c, String issuer, Entitlement entitlement) {
    if (entitlement instanceof Entitlement.AsHolder holder) {
      return !holder.mark().holderOn(c.today()).map(h -> h.holder().equals(issuer)).orElse(false);
    }
    return ((Entitlement.AsLicensee) entitlement).license().isTerminatedBy(c.today());
  }

  static Tables apply(Tables t, BatchIssued s, EntryRef at, LedgerState before) {
    Optional<String> license =
        before
            .entitlement(s.submitter(), s.gtin(), s.issueDate())
            .filter(e -> e instanceof Entitlement.AsLicensee)
            .map(e -> ((Entitlement.AsLicensee) e).license().id());
    return t.withBatch(new BatchRecord(s, at, license, Optional.empty()));
  }
}
