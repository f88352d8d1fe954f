package org.markproof.edge.sync;

import static org.markproof.contracts.rules.Statements.batch;
import static org.markproof.contracts.rules.Statements.license;
import static org.markproof.contracts.rules.Statements.revokeBatch;
import static org.markproof.contracts.rules.Statements.revokeLabels;
import static org.markproof.contracts.rules.TestLedger.AU_MARK;
import static org.markproof.contracts.rules.TestLedger.EM_MARK;

import java.util.List;
import java.util.Optional;
import org.markproof.contracts.entry.BatchIssued;
import org.markproof.contracts.entry.BatchRevoked;
import org.markproof.contracts.entry.LabelRevoked;
import org.markproof.contracts.entry.LogEntry;
import org.markproof.contracts.entry.OfficeCode;
import org.markproof.contracts.entry.ParticipantRole;
import org.markproof.contracts.entry.ProductRegistered;
import org.markproof.contracts.entry.SeizureReason;
import org.markproof.contracts.entry.SeizureRecorded;
import org.markproof.contracts.entry.Statement;
import org.markproof.contracts.entry.TrademarkRef;
import org.markproof.contracts.label.Gtin;
import org.markproof.contracts.label.LabelSigner;
import org.markproof.contracts.rules.Statements;
import org.markproof.contracts.rules.TestLedger;

/**
 * A real signed log for territory filters (docs/edge.md "Territory filter"): products registered
 * for EM, for FR only (within EM), for AU and for US only, each with batches, revocations of labels
 * and of whole batches, a licensee's batch, and a seizure of US goods; then, from {@link
 * #firstSize}, more of them, so that a post syncs twice. With {@code --territory EM,AU} only the US
 * product's batches and revocations are dropped; which entries those are is decided here from the
 * statements, independently of the filter under test.
 */
public final class TerritoryLog {
  public static final TrademarkRef US_MARK = new TrademarkRef(OfficeCode.of("US"), "90000001");

  /** Registered for EM. */
  public static final Gtin EM_SHOE = Statements.SHOE;

  /** Registered for FR only: a member state of EM. */
  public static final Gtin FR_BOOT = Statements.BOOT;

  /** Registered for AU. */
  public static final Gtin AU_SOAP = Statements.SOAP;

  /** Registered for US only. */
  public static final Gtin US_LAMP = Statements.gtin("0950600019999");

  /** How many US batches each part of the log issues: several replay chunks' worth. */
  static final int US_BATCHES = 300;

  public final TestLedger ledger;
  public final TestLog log;

  /** The size of the log's first part, after which the second adds more of everything. */
  public final int firstSize;

  private TerritoryLog(TestLedger ledger, TestLog log, int firstSize) {
    this.ledger = ledger;
    this.log = log;
    this.firstSize = firstSize;
  }

  public static TerritoryLog build() throws Exception {
    TestLedger ledger = TestLedger.standard();
    ledger.enrol("ipo-us", new ParticipantRole.Registrar(OfficeCode.of("US")));
    ledger.apply(TestLedger.recorded("ipo-au", AU_MARK, "acme"));
    ledger.apply(TestLedger.recorded("ipo-us", US_MARK, "acme"));
    ledger.apply(product(EM_SHOE, EM_MARK, "EM"));
    ledger.apply(product(FR_BOOT, EM_MARK, "FR"));
    ledger.apply(product(AU_SOAP, AU_MARK, "AU"));
    ledger.apply(product(US_LAMP, US_MARK, "US"));
    ledger.apply(license("acme", "lic-1", "globex", EM_MARK, "2026-01-01", "2027-12-31"));
    ledger.apply(batch("globex", EM_SHOE, "G0", "2026-01-05"));
    issue(ledger, 0, 10);
    ledger.apply(revokeLabels("acme", EM_SHOE, "E2", "STOLEN1"));
    ledger.apply(revokeLabels("acme", US_LAMP, "U3", "STOLEN1"));
    ledger.apply(revokeBatch("acme", US_LAMP, "U4"));
    ledger.apply(
        new SeizureRecorded(
            "cdg-7",
            "scan-us-1",
            US_LAMP,
            Optional.of("U0"),
            Optional.of("S1"),
            "FR-CDG",
            ledger.now,
            SeizureReason.COUNTERFEIT));
    int firstSize = ledger.logEntries().size();
    ledger.setDate("2026-01-11");
    issue(ledger, 10, 15);
    ledger.apply(revokeLabels("acme", US_LAMP, "U250", "STOLEN2"));
    ledger.apply(revokeBatch("acme", EM_SHOE, "E11"));
    return new TerritoryLog(ledger, TestLog.of(ledger), firstSize);
  }

  /** Issues lots {@code from} to {@code to − 1} of each product, and 20 times as many US ones. */
  private static void issue(TestLedger ledger, int from, int to) {
    for (int i = from; i < to; i++) {
      ledger.apply(batch("acme", EM_SHOE, "E" + i, "2026-01-05"));
      ledger.apply(batch("acme", FR_BOOT, "F" + i, "2026-01-05"));
      ledger.apply(batch("acme", AU_SOAP, "A" + i, "2026-01-05"));
      for (int u = i * US_BATCHES / 10; u < (i + 1) * US_BATCHES / 10; u++) {
        ledger.apply(batch("acme", US_LAMP, "U" + u, "2026-01-05"));
      }
    }
  }

  private static ProductRegistered product(Gtin gtin, TrademarkRef mark, String territory) {
    return new ProductRegistered(
        "acme", gtin, mark, 25, "Product " + gtin, List.of(OfficeCode.of(territory)));
  }

  /** Whether a store kept for EM,AU keeps entry {@code index}: all but the US goods' batches. */
  public boolean keptForEmAu(int index) {
    Statement s = log.entries.get(index).entry().statement();
    Gtin gtin;
    if (s instanceof BatchIssued b) {
      gtin = b.gtin();
    } else if (s instanceof LabelRevoked r) {
      gtin = r.gtin();
    } else if (s instanceof BatchRevoked r) {
      gtin = r.gtin();
    } else {
      return true;
    }
    return !gtin.equals(US_LAMP);
  }

  public List<LogEntry> entries() {
    return log.entries;
  }

  /** A signed Digital Link label of {@code serial} in lot {@code lot} of {@code gtin}. */
  public static String label(Gtin gtin, String lot, String serial) throws Exception {
    return LabelSigner.forResolver("https://id.acme.example")
        .sign(TestLedger.key("label-" + lot, 0), gtin, lot, serial)
        .toUri();
  }
}
