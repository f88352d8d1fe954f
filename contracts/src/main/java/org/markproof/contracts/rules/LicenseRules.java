package org.markproof.contracts.rules;

import java.util.List;
import java.util.Optional;
import org.markproof.contracts.entry.LicenseGranted;
import org.markproof.contracts.entry.LicenseTerminated;
import org.markproof.contracts.entry.ParticipantRole;

/**
 * Licenses: granted by the mark's current holder (or recorded by the registrar of its office) to
 * another brand owner, within the mark's classes, while the mark is live; terminated by the
 * licensor, the current holder or that registrar, from today on — never retroactively, so batches
 * issued under the license before stay genuine. A license survives an assignment of the mark.
 */
final class LicenseRules {
  private LicenseRules() {}

  static void validate(RuleContext c, LicenseGranted s) {
    if (c.state().license(s.license()).isPresent()) {
      c.add(
          ViolationCode.LICENSE_DUPLICATE,
          "statement.license",
          "license " + s.license() + " already exists");
    }
    c.requireOwnOffice(s, s.trademark().office(), "statement.trademark.office");
    boolean registrar =
        c.submitter(s).map(p -> p.role() instanceof ParticipantRole.Registrar).orElse(false);
    if (!registrar && !s.submitter().equals(s.licensor())) {
      c.add(
          ViolationCode.LICENSE_SUBMITTER_NOT_ENTITLED,
          "statement.licensor",
          s.submitter() + " may not grant a license in the name of " + s.licensor());
    }
    if (!c.isActiveBrandOwner(s.licensee())) {
      c.add(
          ViolationCode.LICENSEE_NOT_BRAND_OWNER,
          "statement.licensee",
          s.licensee() + " is not an enrolled, active brand owner");
    }
    if (s.licensee().equals(s.licensor())) {
      c.add(
          ViolationCode.LICENSEE_IS_LICENSOR,
          "statement.licensee",
          "a holder cannot license itself");
    }
    if (s.endDate().isBefore(s.startDate())) {
      c.add(
          ViolationCode.LICENSE_TERM_INVALID,
          "statement.endDate",
          "end " + s.endDate() + " precedes start " + s.startDate());
    }
    Optional<MarkRecord> mark = c.knownMark(s.trademark(), "statement.trademark");
    if (mark.isEmpty()) {
      return;
    }
    String holder = mark.get().holderOn(c.today()).map(HolderPeriod::holder).orElse("nobody");
    if (!holder.equals(s.licensor())) {
      c.add(
          ViolationCode.LICENSOR_NOT_HOLDER,
          "statement.licensor",
          s.licensor() + " does not hold " + s.trademark() + " (held by " + holder + ")");
    }
    List<Integer> markClasses = mark.get().recorded().niceClasses();
    List<Integer> classes = s.scope().niceClasses();
    for (int i = 0; i < classes.size(); i++) {
      if (!markClasses.contains(classes.get(i))) {
        c.add(
            ViolationCode.LICENSE_CLASS_NOT_IN_MARK,
            "statement.scope.niceClasses[" + i + "]",
            "Nice class "
                + classes.get(i)
                + " is not among "
                + s.trademark()
                + "'s "
                + markClasses);
      }
    }
    if (!mark.get().isLiveOn(c.today())) {
      c.add(
          ViolationCode.MARK_NOT_LIVE,
          "statement.trademark",
          s.trademark() + " is not live on " + c.today());
    }
  }

  static void validate(RuleContext c, LicenseTerminated s) {
    Optional<LicenseRecord> license = c.state().license(s.license());
    if (license.isEmpty()) {
      c.add(ViolationCode.LICENSE_UNKNOWN, "statement.license", "no license " + s.license());
      return;
    }
    LicenseRecord l = license.get();
    if (l.termination().isPresent()) {
      c.add(
          ViolationCode.LICENSE_ALREADY_TERMINATED,
          "statement.license",
          "license "
              + s.license()
              + " was terminated at entry "
              + l.termination().get().source().index());
    }
    boolean holderNow =
        c.state()
            .mark(l.grant().trademark())
            .flatMap(m -> m.holderOn(c.today()))
            .map(h -> h.holder().equals(s.submitter()))
            .orElse(false);
    if (!s.submitter().equals(l.grant().licensor())
        && !holderNow
        && !c.isRegistrarOf(s, l.grant().trademark().office())) {
      c.add(
          ViolationCode.LICENSE_SUBMITTER_NOT_ENTITLED,
          "statement.submitter",
          s.submitter()
              + " is neither the licensor, the holder nor the registrar of "
              + l.grant().trademark());
    }
    if (s.effectiveDate().isBefore(c.earliestEffectiveDate())) {
      c.add(
          ViolationCode.EFFECTIVE_DATE_RETROACTIVE,
          "statement.effectiveDate",
          "a termination stops new batches only; effective "
              + s.effectiveDate()
              + " is before "
              + c.today());
    }
  }

  static Tables apply(Tables t, LicenseGranted s, EntryRef at) {
    MarkRecord mark = t.marks.get(s.trademark());
    return t.withLicense(new LicenseRecord(s, at, Optional.empty()))
        .withMark(mark.withLicense(s.license()));
  }

  static Tables apply(Tables t, LicenseTerminated s, EntryRef at) {
    LicenseRecord license = t.licenses.get(s.license());
    return t.withLicense(
        license.terminated(new LicenseRecord.Termination(s.effectiveDate(), s.submitter(), at)));
  }
}
