package org.markproof.contracts.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.markproof.contracts.rules.Statements.BOOT;
import static org.markproof.contracts.rules.Statements.SHOE;
import static org.markproof.contracts.rules.Statements.SOAP;
import static org.markproof.contracts.rules.Statements.license;
import static org.markproof.contracts.rules.Statements.licenseWith;
import static org.markproof.contracts.rules.Statements.product;
import static org.markproof.contracts.rules.TestLedger.AU_MARK;
import static org.markproof.contracts.rules.TestLedger.EM_MARK;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.markproof.contracts.entry.OfficeCode;
import org.markproof.contracts.entry.ProductRegistered;
import org.markproof.contracts.entry.TrademarkStatus;

class ProductRulesTest {
  @Test
  void holderRegistersAProduct() {
    TestLedger ledger = TestLedger.standard();
    ledger.apply(product("acme", SHOE, EM_MARK));
    assertEquals(EM_MARK, ledger.state.product(SHOE).orElseThrow().registration().trademark());
  }

  @Test
  void licenseeRegistersAProductCoveredByCompanyPrefix() {
    TestLedger ledger = TestLedger.standard();
    ledger.apply(
        licenseWith(
            "acme",
            "acme",
            "lic-1",
            "initech",
            EM_MARK,
            List.of(),
            List.of("9506000"),
            "2026-01-01",
            "2027-12-31"));
    ledger.apply(product("initech", BOOT, EM_MARK));
  }

  @Test
  void brandOwnerCannotRegisterUnderAnotherHoldersMark() {
    TestLedger ledger = TestLedger.standard();
    ledger.assertRejected(product("globex", SHOE, EM_MARK), ViolationCode.REGISTRANT_NOT_ENTITLED);
  }

  @Test
  void licenseeCannotRegisterAGtinOutsideItsScope() {
    TestLedger ledger = TestLedger.standard();
    ledger.apply(license("acme", "lic-1", "initech", EM_MARK, "2026-01-01", "2027-12-31"));
    ledger.assertRejected(product("initech", SOAP, EM_MARK), ViolationCode.REGISTRANT_NOT_ENTITLED);
  }

  @Test
  void licenseeCannotRegisterBeforeItsLicenseStarts() {
    TestLedger ledger = TestLedger.standard();
    ledger.apply(license("acme", "lic-1", "initech", EM_MARK, "2026-03-01", "2027-12-31"));
    ledger.assertRejected(product("initech", SHOE, EM_MARK), ViolationCode.REGISTRANT_NOT_ENTITLED);
  }

  @Test
  void licenseeCannotExceedItsLicensedTerritories() {
    TestLedger ledger = TestLedger.standard();
    ledger.apply(license("acme", "lic-1", "initech", EM_MARK, "2026-01-01", "2027-12-31"));
    ProductRegistered wider =
        new ProductRegistered(
            "initech",
            SHOE,
            EM_MARK,
            25,
            "Shoe",
            List.of(OfficeCode.of("EM"), OfficeCode.of("US")));
    ledger.assertRejected(wider, ViolationCode.PRODUCT_OUTSIDE_LICENSE);
  }

  @Test
  void duplicateGtinIsRejected() {
    TestLedger ledger = TestLedger.standard();
    ledger.apply(product("acme", SHOE, EM_MARK));
    ledger.assertRejected(product("acme", SHOE, EM_MARK), ViolationCode.PRODUCT_DUPLICATE);
  }

  @Test
  void productClassMustBeAmongTheMarks() {
    TestLedger ledger = TestLedger.standard();
    ProductRegistered software =
        new ProductRegistered("acme", SHOE, EM_MARK, 9, "App", List.of(OfficeCode.of("EM")));
    ledger.assertRejected(software, ViolationCode.PRODUCT_CLASS_NOT_IN_MARK);
  }

  @Test
  void productUnderALapsedOrExpiredMarkIsRejected() {
    TestLedger ledger = TestLedger.standard();
    ledger.setDate("2030-01-05");
    ledger.assertRejected(product("acme", SHOE, EM_MARK), ViolationCode.MARK_NOT_LIVE);
    TestLedger lapsed = TestLedger.standard();
    lapsed.apply(Statements.status("ipo-em", EM_MARK, TrademarkStatus.LAPSED, null, "2026-01-10"));
    lapsed.assertRejected(product("acme", SHOE, EM_MARK), ViolationCode.MARK_NOT_LIVE);
  }

  @Test
  void productUnderAnUnknownMarkIsRejected() {
    TestLedger ledger = TestLedger.standard();
    ledger.assertRejected(product("acme", SHOE, AU_MARK), ViolationCode.MARK_UNKNOWN);
  }
}
