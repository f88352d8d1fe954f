package org.markproof.contracts.rules;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.markproof.contracts.entry.BatchIssued;
import org.markproof.contracts.entry.BatchRevoked;
import org.markproof.contracts.entry.LabelRevoked;
import org.markproof.contracts.entry.LicenseGranted;
import org.markproof.contracts.entry.LicenseScope;
import org.markproof.contracts.entry.LicenseTerminated;
import org.markproof.contracts.entry.OfficeCode;
import org.markproof.contracts.entry.ProductRegistered;
import org.markproof.contracts.entry.RevocationReason;
import org.markproof.contracts.entry.SeizureReason;
import org.markproof.contracts.entry.SeizureRecorded;
import org.markproof.contracts.entry.TrademarkAssigned;
import org.markproof.contracts.entry.TrademarkRef;
import org.markproof.contracts.entry.TrademarkStatus;
import org.markproof.contracts.entry.TrademarkStatusChanged;
import org.markproof.contracts.label.Gs1CheckDigit;
import org.markproof.contracts.label.Gtin;

/** Builders of typical statements for rule tests. */
public final class Statements {
  /** A GTIN under company prefix 9506000. */
  public static final Gtin SHOE = gtin("0950600013435");

  /** Another GTIN under company prefix 9506000. */
  public static final Gtin BOOT = gtin("0950600013436");

  /** A GTIN under company prefix 4006381. */
  public static final Gtin SOAP = gtin("0400638133393");

  private Statements() {}

  public static Gtin gtin(String body13) {
    return Gtin.of(body13 + Gs1CheckDigit.compute(body13));
  }

  public static LocalDate date(String text) {
    return LocalDate.parse(text);
  }

  public static ProductRegistered product(String submitter, Gtin gtin, TrademarkRef mark) {
    return new ProductRegistered(
        submitter, gtin, mark, 25, "Running shoe", List.of(OfficeCode.of("EM")));
  }

  public static BatchIssued batch(String submitter, Gtin gtin, String lot, String issueDate) {
    return new BatchIssued(
        submitter, gtin, lot, 1000, TestLedger.key("label-" + lot, 0).publicKey(), date(issueDate));
  }

  public static LicenseGranted license(
      String licensor, String id, String licensee, TrademarkRef mark, String start, String end) {
    return licenseWith(
        licensor, licensor, id, licensee, mark, List.of(SHOE), List.of(), start, end);
  }

  public static LicenseGranted licenseWith(
      String submitter,
      String licensor,
      String id,
      String licensee,
      TrademarkRef mark,
      List<Gtin> gtins,
      List<String> prefixes,
      String start,
      String end) {
    LicenseScope scope =
        new LicenseScope(
            gtins, prefixes, List.of(25), List.of(OfficeCode.of("EM"), OfficeCode.of("FR")));
    return new LicenseGranted(
        submitter, id, licensor, licensee, mark, scope, date(start), date(end));
  }

  public static LicenseTerminated terminate(String submitter, String id, String effective) {
    return new LicenseTerminated(submitter, id, date(effective));
  }

  public static TrademarkAssigned assign(
      String registrar, TrademarkRef mark, String newHolder, String effective) {
    return new TrademarkAssigned(registrar, mark, newHolder, date(effective));
  }

  public static TrademarkStatusChanged status(
      String registrar,
      TrademarkRef mark,
      TrademarkStatus status,
      String newExpiry,
      String effective) {
    return new TrademarkStatusChanged(
        registrar,
        mark,
        status,
        Optional.ofNullable(newExpiry).map(LocalDate::parse),
        date(effective));
  }

  public static LabelRevoked revokeLabels(
      String submitter, Gtin gtin, String lot, String... serials) {
    return new LabelRevoked(submitter, gtin, lot, List.of(serials), RevocationReason.STOLEN);
  }

  public static BatchRevoked revokeBatch(String submitter, Gtin gtin, String lot) {
    return new BatchRevoked(submitter, gtin, lot, RevocationReason.RECALL);
  }

  public static SeizureRecorded seizure(String submitter, String scan, String post, Instant at) {
    return new SeizureRecorded(
        submitter,
        scan,
        SHOE,
        Optional.of("L1"),
        Optional.of("0001"),
        post,
        at,
        SeizureReason.COUNTERFEIT);
  }
}
