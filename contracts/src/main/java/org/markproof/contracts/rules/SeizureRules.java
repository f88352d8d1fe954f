package org.markproof.contracts.rules;

import org.markproof.contracts.entry.ParticipantRole;
import org.markproof.contracts.entry.SeizureRecorded;

/**
 * Seizures, by customs officers only ({@link Permissions}), at their own post, once per scan, not
 * in the future. The goods need not be registered: counterfeits seldom are.
 */
final class SeizureRules {
  private SeizureRules() {}

  static void validate(RuleContext c, SeizureRecorded s) {
    c.submitter(s)
        .map(ParticipantRecord::role)
        .filter(
            r -> r instanceof ParticipantRole.Customs customs && !customs.post().equals(s.post()))
        .ifPresent(
            r ->
                c.add(
                    ViolationCode.SEIZURE_POST_MISMATCH,
                    "statement.post",
                    s.submitter()
                        + " works at "
                        + ((ParticipantRole.Customs) r).post()
                        + ", not "
                        + s.post()));
    if (c.state().seizure(s.scanReference()).isPresent()) {
      c.add(
          ViolationCode.SEIZURE_DUPLICATE,
          "statement.scanReference",
          "seizure for scan " + s.scanReference() + " is already recorded");
    }
    if (s.seizedAt().isAfter(c.time().plus(Rules.CLOCK_SKEW))) {
      c.add(
          ViolationCode.SEIZURE_TIME_IN_FUTURE,
          "statement.seizedAt",
          "seized at " + s.seizedAt() + ", after the entry time " + c.time());
    }
  }

  static Tables apply(Tables t, SeizureRecorded s, EntryRef at) {
    return t.withSeizure(new SeizureRecord(s, at));
  }
}
