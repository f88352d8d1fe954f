package org.markproof.contracts.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.markproof.contracts.rules.Statements.BOOT;
import static org.markproof.contracts.rules.Statements.SHOE;
import static org.markproof.contracts.rules.Statements.SOAP;
import static org.markproof.contracts.rules.Statements.assign;
import static org.markproof.contracts.rules.Statements.batch;
import static org.markproof.contracts.rules.Statements.date;
import static org.markproof.contracts.rules.Statements.licenseWith;
import static org.markproof.contracts.rules.Statements.product;
import static org.markproof.contracts.rules.Statements.revokeLabels;
import static org.markproof.contracts.rules.Statements.seizure;
import static org.markproof.contracts.rules.Statements.status;
import static org.markproof.contracts.rules.Statements.terminate;
import static org.markproof.contracts.rules.TestLedger.AU_MARK;
import static org.markproof.contracts.rules.TestLedger.EM_MARK;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.markproof.contracts.entry.OfficeCode;
import org.markproof.contracts.entry.ParticipantKeyRotated;
import org.markproof.contracts.entry.ProductRegistered;
import org.markproof.contracts.entry.TrademarkStatus;

/**
 * A small, realistic ledger: an operator, the EUIPO and IP Australia registrars, a holder (acme), a
 * licensee (initech), a later assignee (globex), marks in both offices, products, batches,
 * revocations, a key rotation and a seizure — then the questions a verdict asks of it.
 */
class LedgerScenarioTest {
  static TestLedger scenario() {
    TestLedger l = TestLedger.standard();
    l.apply(TestLedger.recorded("ipo-au", AU_MARK, "acme"));
    l.apply(product("acme", SHOE, EM_MARK));
    l.apply(
        new ProductRegistered("acme", SOAP, AU_MARK, 3, "Soap bar", List.of(OfficeCode.of("AU"))));
    l.apply(
        licenseWith(
            "acme",
            "acme",
            "lic-1",
            "initech",
            EM_MARK,
            List.of(),
            List.of("9506000"),
            "2026-01-01",
            "2026-12-31"));
    l.apply(product("initech", BOOT, EM_MARK));
    l.setDate("2026-02-01");
    l.apply(batch("acme", SHOE, "S-1", "2026-02-01"));
    l.apply(batch("initech", BOOT, "B-1", "2026-02-01"));
    l.apply(batch("acme", SOAP, "P-1", "2026-02-01"));
    l.apply(new ParticipantKeyRotated("op", "initech", l.nextKey("initech").publicKey()));
    l.setDate("2026-03-01");
    l.apply(revokeLabels("initech", BOOT, "B-1", "0007"));
    l.apply(terminate("acme", "lic-1", "2026-03-15"));
    l.apply(assign("ipo-em", EM_MARK, "globex", "2026-04-01"));
    l.setDate("2026-04-02");
    l.apply(batch("globex", SHOE, "S-2", "2026-04-02"));
    l.apply(status("ipo-au", AU_MARK, TrademarkStatus.LAPSED, null, "2026-04-02"));
    l.apply(seizure("cdg-7", "scan-9", "FR-CDG", l.now));
    return l;
  }

  @Test
  void answersTheQuestionsOfAVerdict() {
    LedgerState s = scenario().state;
    assertEquals(23, s.size());

    BatchRecord oldShoes = s.batch(SHOE, "S-1").orElseThrow();
    assertEquals("acme", oldShoes.issuer());
    assertTrue(s.entitlementOf(oldShoes).isPresent(), "issued by the holder before the assignment");
    BatchRecord newShoes = s.batch(SHOE, "S-2").orElseThrow();
    assertEquals(
        "globex",
        ((Entitlement.AsHolder) s.entitlementOf(newShoes).orElseThrow()).period().holder());

    BatchRecord boots = s.batch(BOOT, "B-1").orElseThrow();
    assertEquals(
        "lic-1", ((Entitlement.AsLicensee) s.entitlementOf(boots).orElseThrow()).license().id());
    assertTrue(s.revocation(BOOT, "B-1", "0007").isPresent());
    assertTrue(s.revocation(BOOT, "B-1", "0008").isEmpty());
    assertTrue(s.entitlement("initech", BOOT, date("2026-03-20")).isEmpty(), "license terminated");

    MarkRecord em = s.mark(EM_MARK).orElseThrow();
    assertEquals(
        List.of("acme", "globex"), em.holders().stream().map(HolderPeriod::holder).toList());
    assertEquals(1, s.licensesFor(EM_MARK).size());
    assertTrue(!s.mark(AU_MARK).orElseThrow().isLiveOn(date("2026-04-02")));
    assertTrue(s.mark(AU_MARK).orElseThrow().isLiveOn(date("2026-02-01")));

    ParticipantRecord initech = s.participant("initech").orElseThrow();
    assertEquals(2, initech.keys().size());
    assertEquals("initech", s.participantByKey(initech.keys().get(0).keyId()).orElseThrow().id());
    assertEquals("FR-CDG", s.seizure("scan-9").orElseThrow().seizure().post());
  }
}
