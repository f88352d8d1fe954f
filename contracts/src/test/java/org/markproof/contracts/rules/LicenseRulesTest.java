package org.markproof.contracts.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.markproof.contracts.rules.Statements.SHOE;
import static org.markproof.contracts.rules.Statements.assign;
import static org.markproof.contracts.rules.Statements.date;
import static org.markproof.contracts.rules.Statements.license;
import static org.markproof.contracts.rules.Statements.licenseWith;
import static org.markproof.contracts.rules.Statements.terminate;
import static org.markproof.contracts.rules.TestLedger.EM_MARK;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.markproof.contracts.entry.LicenseGranted;
import org.markproof.contracts.entry.LicenseScope;
import org.markproof.contracts.entry.OfficeCode;
import org.markproof.contracts.entry.TrademarkStatus;

class LicenseRulesTest {
  @Test
  void holderGrantsALicenseListedForTheMark() {
    TestLedger ledger = TestLedger.standard();
    ledger.apply(license("acme", "lic-1", "initech", EM_MARK, "2026-01-01", "2027-12-31"));
    List<LicenseRecord> licenses = ledger.state.licensesFor(EM_MARK);
    assertEquals(1, licenses.size());
    assertTrue(licenses.get(0).covers(SHOE, 25, date("2026-06-01")));
  }

  @Test
  void registrarOfTheMarksOfficeRecordsALicense() {
    TestLedger ledger = TestLedger.standard();
    ledger.apply(
        licenseWith(
            "ipo-em",
            "acme",
            "lic-1",
            "initech",
            EM_MARK,
            List.of(SHOE),
            List.of(),
            "2026-01-01",
            "2027-12-31"));
  }

  @Test
  void nonHolderCannotGrantALicense() {
    TestLedger ledger = TestLedger.standard();
    ledger.assertRejected(
        license("globex", "lic-1", "initech", EM_MARK, "2026-01-01", "2027-12-31"),
        ViolationCode.LICENSOR_NOT_HOLDER);
  }

  @Test
  void brandOwnerCannotGrantInAnotherLicensorsName() {
    TestLedger ledger = TestLedger.standard();
    ledger.assertRejected(
        licenseWith(
            "globex",
            "acme",
            "lic-1",
            "initech",
            EM_MARK,
            List.of(SHOE),
            List.of(),
            "2026-01-01",
            "2027-12-31"),
        ViolationCode.LICENSE_SUBMITTER_NOT_ENTITLED);
  }

  @Test
  void formerHolderCannotGrantAfterAnAssignment() {
    TestLedger ledger = TestLedger.standard();
    ledger.apply(assign("ipo-em", EM_MARK, "globex", "2026-01-11"));
    ledger.setDate("2026-01-12");
    ledger.assertRejected(
        license("acme", "lic-1", "initech", EM_MARK, "2026-02-01", "2027-12-31"),
        ViolationCode.LICENSOR_NOT_HOLDER);
  }

  @Test
  void licenseeMustBeAnotherEnrolledBrandOwner() {
    TestLedger ledger = TestLedger.standard();
    ledger.assertRejected(
        license("acme", "lic-1", "cdg-7", EM_MARK, "2026-01-01", "2027-12-31"),
        ViolationCode.LICENSEE_NOT_BRAND_OWNER);
    ledger.assertRejected(
        license("acme", "lic-1", "acme", EM_MARK, "2026-01-01", "2027-12-31"),
        ViolationCode.LICENSEE_IS_LICENSOR);
  }

  @Test
  void licenseClassesMustBeAmongTheMarks() {
    TestLedger ledger = TestLedger.standard();
    LicenseScope scope =
        new LicenseScope(List.of(SHOE), List.of(), List.of(25, 9), List.of(OfficeCode.of("EM")));
    ledger.assertRejected(
        new LicenseGranted(
            "acme",
            "lic-1",
            "acme",
            "initech",
            EM_MARK,
            scope,
            date("2026-01-01"),
            date("2027-12-31")),
        ViolationCode.LICENSE_CLASS_NOT_IN_MARK);
  }

  @Test
  void licenseEndingBeforeItStartsIsRejected() {
    TestLedger ledger = TestLedger.standard();
    ledger.assertRejected(
        license("acme", "lic-1", "initech", EM_MARK, "2027-01-01", "2026-12-31"),
        ViolationCode.LICENSE_TERM_INVALID);
  }

  @Test
  void duplicateLicenseIdIsRejected() {
    TestLedger ledger = TestLedger.standard();
    ledger.apply(license("acme", "lic-1", "initech", EM_MARK, "2026-01-01", "2027-12-31"));
    ledger.assertRejected(
        license("acme", "lic-1", "globex", EM_MARK, "2026-01-01", "2027-12-31"),
        ViolationCode.LICENSE_DUPLICATE);
  }

  @Test
  void licenseUnderALapsedMarkIsRejected() {
    TestLedger ledger = TestLedger.standard();
    ledger.apply(Statements.status("ipo-em", EM_MARK, TrademarkStatus.LAPSED, null, "2026-01-10"));
    ledger.assertRejected(
        license("acme", "lic-1", "initech", EM_MARK, "2026-01-01", "2027-12-31"),
        ViolationCode.MARK_NOT_LIVE);
  }

  @Test
  void licensorTerminatesALicenseFromTodayOn() {
    TestLedger ledger = TestLedger.standard();
    ledger.apply(license("acme", "lic-1", "initech", EM_MARK, "2026-01-01", "2027-12-31"));
    ledger.apply(terminate("acme", "lic-1", "2026-01-20"));
    LicenseRecord license = ledger.state.license("lic-1").orElseThrow();
    assertTrue(license.isInForceOn(date("2026-01-19")));
    assertTrue(!license.isInForceOn(date("2026-01-20")));
  }

  @Test
  void strangerCannotTerminateALicense() {
    TestLedger ledger = TestLedger.standard();
    ledger.apply(license("acme", "lic-1", "initech", EM_MARK, "2026-01-01", "2027-12-31"));
    ledger.assertRejected(
        terminate("globex", "lic-1", "2026-01-20"), ViolationCode.LICENSE_SUBMITTER_NOT_ENTITLED);
  }

  @Test
  void terminatingTwiceOrAnUnknownLicenseIsRejected() {
    TestLedger ledger = TestLedger.standard();
    ledger.apply(license("acme", "lic-1", "initech", EM_MARK, "2026-01-01", "2027-12-31"));
    ledger.apply(terminate("acme", "lic-1", "2026-01-20"));
    ledger.assertRejected(
        terminate("acme", "lic-1", "2026-01-21"), ViolationCode.LICENSE_ALREADY_TERMINATED);
    ledger.assertRejected(terminate("acme", "lic-9", "2026-01-21"), ViolationCode.LICENSE_UNKNOWN);
  }

  @Test
  void retroactiveTerminationIsRejected() {
    TestLedger ledger = TestLedger.standard();
    ledger.apply(license("acme", "lic-1", "initech", EM_MARK, "2026-01-01", "2027-12-31"));
    ledger.assertRejected(
        terminate("acme", "lic-1", "2026-01-02"), ViolationCode.EFFECTIVE_DATE_RETROACTIVE);
  }
}
