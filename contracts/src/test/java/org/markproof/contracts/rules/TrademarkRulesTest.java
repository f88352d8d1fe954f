package org.markproof.contracts.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.markproof.contracts.rules.Statements.assign;
import static org.markproof.contracts.rules.Statements.date;
import static org.markproof.contracts.rules.Statements.status;
import static org.markproof.contracts.rules.TestLedger.AU_MARK;
import static org.markproof.contracts.rules.TestLedger.EM_MARK;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.markproof.contracts.entry.MarkRepresentation;
import org.markproof.contracts.entry.OfficeCode;
import org.markproof.contracts.entry.TrademarkRecorded;
import org.markproof.contracts.entry.TrademarkRef;
import org.markproof.contracts.entry.TrademarkStatus;

class TrademarkRulesTest {
  @Test
  void registrarRecordsAMarkOfItsOffice() {
    TestLedger ledger = TestLedger.standard();
    ledger.apply(TestLedger.recorded("ipo-au", AU_MARK, "globex"));
    MarkRecord mark = ledger.state.mark(AU_MARK).orElseThrow();
    assertEquals("globex", mark.latestHolder().holder());
    assertTrue(mark.isLiveOn(date("2026-01-10")));
  }

  @Test
  void registrarOfAnotherOfficeCannotRecordAMark() {
    TestLedger ledger = TestLedger.standard();
    ledger.assertRejected(
        TestLedger.recorded("ipo-em", AU_MARK, "globex"), ViolationCode.MARK_OFFICE_MISMATCH);
  }

  @Test
  void brandOwnerCannotRecordAMark() {
    TestLedger ledger = TestLedger.standard();
    ledger.assertRejected(
        TestLedger.recorded("acme", AU_MARK, "acme"), ViolationCode.SUBMITTER_ROLE_NOT_ALLOWED);
  }

  @Test
  void duplicateMarkIsRejected() {
    TestLedger ledger = TestLedger.standard();
    ledger.assertRejected(
        TestLedger.recorded("ipo-em", EM_MARK, "globex"), ViolationCode.MARK_DUPLICATE);
  }

  @Test
  void holderMustBeAnEnrolledBrandOwner() {
    TestLedger ledger = TestLedger.standard();
    ledger.assertRejected(
        TestLedger.recorded("ipo-au", AU_MARK, "cdg-7"), ViolationCode.HOLDER_NOT_BRAND_OWNER);
  }

  @Test
  void inconsistentDatesAreRejected() {
    TestLedger ledger = TestLedger.standard();
    TrademarkRecorded backwards =
        new TrademarkRecorded(
            "ipo-au",
            AU_MARK,
            new MarkRepresentation.WordMark("GLOBEX"),
            List.of(9),
            "globex",
            date("2021-01-01"),
            date("2020-01-01"),
            date("2019-01-01"));
    ledger.assertRejected(
        backwards, ViolationCode.MARK_DATES_INCONSISTENT, ViolationCode.MARK_DATES_INCONSISTENT);
  }

  @Test
  void registrationDateInTheFutureIsRejected() {
    TestLedger ledger = TestLedger.standard();
    TrademarkRecorded early =
        new TrademarkRecorded(
            "ipo-au",
            AU_MARK,
            new MarkRepresentation.WordMark("GLOBEX"),
            List.of(9),
            "globex",
            date("2025-01-01"),
            date("2026-03-01"),
            date("2036-03-01"));
    ledger.assertRejected(early, ViolationCode.REGISTRATION_DATE_IN_FUTURE);
  }

  @Test
  void renewalExtendsTheExpiry() {
    TestLedger ledger = TestLedger.standard();
    ledger.apply(status("ipo-em", EM_MARK, TrademarkStatus.RENEWED, "2039-12-01", "2026-01-10"));
    assertTrue(ledger.state.mark(EM_MARK).orElseThrow().isLiveOn(date("2035-01-01")));
  }

  @Test
  void renewalThatDoesNotExtendTheExpiryIsRejected() {
    TestLedger ledger = TestLedger.standard();
    ledger.assertRejected(
        status("ipo-em", EM_MARK, TrademarkStatus.RENEWED, "2029-12-01", "2026-01-10"),
        ViolationCode.RENEWAL_EXPIRY_NOT_LATER);
  }

  @Test
  void statusChangeByAnotherOfficesRegistrarIsRejected() {
    TestLedger ledger = TestLedger.standard();
    ledger.assertRejected(
        status("ipo-au", EM_MARK, TrademarkStatus.LAPSED, null, "2026-01-10"),
        ViolationCode.MARK_OFFICE_MISMATCH);
  }

  @Test
  void lapsedMarkIsNotLiveAndMayBeRestored() {
    TestLedger ledger = TestLedger.standard();
    ledger.apply(status("ipo-em", EM_MARK, TrademarkStatus.LAPSED, null, "2026-01-10"));
    assertFalse(ledger.state.mark(EM_MARK).orElseThrow().isLiveOn(date("2026-01-10")));
    assertTrue(ledger.state.mark(EM_MARK).orElseThrow().isLiveOn(date("2026-01-09")));
    ledger.setDate("2026-02-01");
    ledger.apply(status("ipo-em", EM_MARK, TrademarkStatus.REGISTERED, null, "2026-02-01"));
    assertTrue(ledger.state.mark(EM_MARK).orElseThrow().isLiveOn(date("2026-02-01")));
  }

  @Test
  void restoringALiveMarkIsRejected() {
    TestLedger ledger = TestLedger.standard();
    ledger.assertRejected(
        status("ipo-em", EM_MARK, TrademarkStatus.REGISTERED, null, "2026-01-10"),
        ViolationCode.STATUS_TRANSITION_NOT_ALLOWED);
  }

  @Test
  void cancelledMarkIsFinal() {
    TestLedger ledger = TestLedger.standard();
    ledger.apply(status("ipo-em", EM_MARK, TrademarkStatus.CANCELLED, null, "2026-01-10"));
    ledger.assertRejected(
        status("ipo-em", EM_MARK, TrademarkStatus.RENEWED, "2039-12-01", "2026-01-10"),
        ViolationCode.MARK_STATUS_FINAL);
    ledger.assertRejected(
        assign("ipo-em", EM_MARK, "globex", "2026-02-01"), ViolationCode.MARK_STATUS_FINAL);
  }

  @Test
  void statusChangeOnAnUnknownMarkIsRejected() {
    TestLedger ledger = TestLedger.standard();
    TrademarkRef unknown = new TrademarkRef(OfficeCode.of("EM"), "999");
    ledger.assertRejected(
        status("ipo-em", unknown, TrademarkStatus.LAPSED, null, "2026-01-10"),
        ViolationCode.MARK_UNKNOWN);
  }

  @Test
  void assignmentBuildsTheChainOfOwnership() {
    TestLedger ledger = TestLedger.standard();
    ledger.apply(assign("ipo-em", EM_MARK, "globex", "2026-03-01"));
    MarkRecord mark = ledger.state.mark(EM_MARK).orElseThrow();
    assertEquals("acme", mark.holderOn(date("2026-02-28")).orElseThrow().holder());
    assertEquals("globex", mark.holderOn(date("2026-03-01")).orElseThrow().holder());
    assertEquals(LocalDate.parse("2019-12-01"), mark.holders().get(0).from());
    assertEquals(8, mark.holders().get(1).source().index());
  }

  @Test
  void assignmentRecordedByAnotherOfficesRegistrarIsRejected() {
    TestLedger ledger = TestLedger.standard();
    ledger.assertRejected(
        assign("ipo-au", EM_MARK, "globex", "2026-03-01"), ViolationCode.MARK_OFFICE_MISMATCH);
  }

  @Test
  void retroactiveAssignmentIsRejected() {
    TestLedger ledger = TestLedger.standard();
    ledger.assertRejected(
        assign("ipo-em", EM_MARK, "globex", "2025-06-01"),
        ViolationCode.EFFECTIVE_DATE_RETROACTIVE);
  }

  @Test
  void assignmentToTheCurrentHolderOrANonBrandOwnerIsRejected() {
    TestLedger ledger = TestLedger.standard();
    ledger.assertRejected(
        assign("ipo-em", EM_MARK, "acme", "2026-03-01"),
        ViolationCode.ASSIGNMENT_TO_CURRENT_HOLDER);
    ledger.assertRejected(
        assign("ipo-em", EM_MARK, "ipo-au", "2026-03-01"), ViolationCode.HOLDER_NOT_BRAND_OWNER);
  }

  @Test
  void assignmentsMustFollowEachOtherInTime() {
    TestLedger ledger = TestLedger.standard();
    ledger.apply(assign("ipo-em", EM_MARK, "globex", "2026-06-01"));
    ledger.assertRejected(
        assign("ipo-em", EM_MARK, "initech", "2026-05-01"),
        ViolationCode.EFFECTIVE_DATE_OUT_OF_ORDER);
  }
}
