package org.markproof.contracts.verdict;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.markproof.contracts.entry.OfficeCode;
import org.markproof.contracts.entry.TrademarkStatus;
import org.markproof.contracts.label.Gs1Fields;
import org.markproof.contracts.label.LabelSignatureException;
import org.markproof.contracts.label.LabelVerifier;
import org.markproof.contracts.label.ScannedCode;
import org.markproof.contracts.rules.BatchRecord;
import org.markproof.contracts.rules.Entitlement;
import org.markproof.contracts.rules.EntryRef;
import org.markproof.contracts.rules.HolderPeriod;
import org.markproof.contracts.rules.LedgerState;
import org.markproof.contracts.rules.LicenseRecord;
import org.markproof.contracts.rules.MarkRecord;
import org.markproof.contracts.rules.ParticipantRecord;
import org.markproof.contracts.rules.ProductRecord;
import org.markproof.contracts.rules.RevocationRecord;
import org.markproof.contracts.rules.StatusPeriod;

/**
 * Judges a scanned code against the ledger state (docs/verdicts.md "Judging"). Pure and
 * deterministic — no clock, no I/O — so the service and an offline border post, holding the same
 * state, give the same verdict. Clone detection is the caller's next step ({@link
 * Judgement#withClones}), since it needs the history of scans.
 */
public final class Judge {
  private Judge() {}

  /** Judges {@code code} scanned at a post described by {@code context} against {@code state}. */
  public static Judgement judge(LedgerState state, ScannedCode code, ScanContext context) {
    if (code instanceof ScannedCode.Malformed malformed) {
      return new Builder(state)
          .detail(malformed.reason())
          .give(VerdictCode.MALFORMED, ReasonCode.CODE_MALFORMED);
    }
    Gs1Fields fields = code.fields().orElseThrow();
    Builder out = new Builder(state).item(fields);
    Optional<ProductRecord> product = state.product(fields.gtin());
    if (fields.batch().isEmpty() || fields.serial().isEmpty()) {
      out.productAndLatestMark(product);
      ReasonCode missing =
          fields.batch().isEmpty() && fields.serial().isEmpty()
              ? ReasonCode.GTIN_ONLY
              : ReasonCode.NO_SERIAL;
      return out.give(
          VerdictCode.UNKNOWN,
          missing,
          product.isPresent() ? ReasonCode.PRODUCT_REGISTERED : ReasonCode.PRODUCT_UNKNOWN);
    }
    String serial = fields.serial().get();
    Optional<BatchRecord> found = state.batch(fields.gtin(), fields.batch().get());
    if (found.isEmpty()) {
      out.productAndLatestMark(product);
      ReasonCode productReason =
          product.isPresent() ? ReasonCode.PRODUCT_REGISTERED : ReasonCode.PRODUCT_UNKNOWN;
      if (fields.signature().isEmpty()) {
        return out.give(VerdictCode.UNKNOWN, ReasonCode.UNSIGNED_CODE, productReason);
      }
      return out.give(VerdictCode.COUNTERFEIT, ReasonCode.BATCH_UNKNOWN, productReason);
    }
    BatchRecord batch = found.get();
    LocalDate issued = batch.issue().issueDate();
    out.batch(batch);
    out.onIssueDate(product, issued);
    Optional<Entitlement> entitlement = state.entitlementOf(batch);
    entitlement.ifPresent(out::entitlement);

    List<ReasonCode> reasons = new ArrayList<>();
    Optional<RevocationRecord> revoked =
        state.revocation(fields.gtin(), batch.issue().batch(), serial);
    if (revoked.isPresent()) {
      reasons.add(
          batch.revocation().isPresent() ? ReasonCode.BATCH_REVOKED : ReasonCode.LABEL_REVOKED);
      out.evidence(EvidenceRole.REVOCATION, revoked.get().source());
    }
    ReasonCode signature = signatureReason(batch, fields);
    reasons.add(signature);
    if (revoked.isPresent()) {
      return out.give(VerdictCode.REVOKED, reasons);
    }
    if (signature != ReasonCode.LABEL_SIGNATURE_VALID) {
      return out.give(VerdictCode.COUNTERFEIT, reasons);
    }
    Optional<ReasonCode> unauthorised = authorisation(out, batch, entitlement, context);
    if (unauthorised.isPresent()) {
      reasons.add(0, unauthorised.get());
      return out.give(VerdictCode.NOT_AUTHORIZED, reasons);
    }
    reasons.add(
        entitlement.get() instanceof Entitlement.AsLicensee
            ? ReasonCode.ISSUED_UNDER_LICENSE
            : ReasonCode.ISSUED_BY_HOLDER);
    return out.give(VerdictCode.GENUINE, reasons);
  }

  private static ReasonCode signatureReason(BatchRecord batch, Gs1Fields fields) {
    if (fields.signature().isEmpty()) {
      return ReasonCode.SIGNATURE_MISSING;
    }
    try {
      LabelVerifier.verify(batch.labelKey(), fields);
      return ReasonCode.LABEL_SIGNATURE_VALID;
    } catch (LabelSignatureException e) {
      return ReasonCode.SIGNATURE_INVALID;
    }
  }

  private static Optional<ReasonCode> authorisation(
      Builder out, BatchRecord batch, Optional<Entitlement> entitlement, ScanContext context) {
    if (entitlement.isEmpty()) {
      return Optional.of(ReasonCode.ISSUER_NOT_ENTITLED);
    }
    MarkRecord mark = out.mark.orElseThrow();
    StatusPeriod latest = mark.latestStatus();
    if (latest.status() == TrademarkStatus.INVALIDATED) {
      out.status(latest);
      return Optional.of(ReasonCode.MARK_INVALIDATED);
    }
    if (!mark.isLiveOn(batch.issue().issueDate())) {
      return Optional.of(ReasonCode.MARK_NOT_LIVE);
    }
    if (context.territory().isPresent()) {
      OfficeCode post = context.territory().get();
      boolean product =
          Territories.reach(out.product.orElseThrow().registration().territories(), post);
      boolean license =
          !(entitlement.get() instanceof Entitlement.AsLicensee licensed)
              || Territories.reach(licensed.license().grant().scope().territories(), post);
      if (!product || !license) {
        return Optional.of(ReasonCode.TERRITORY_NOT_COVERED);
      }
    }
    return Optional.empty();
  }

  /** Collects what the judgement reports and the entries it relies on. */
  private static final class Builder {
    private final LedgerState state;
    private Optional<String> detail = Optional.empty();
    private Optional<Gs1Fields> item = Optional.empty();
    private Optional<ProductRecord> product = Optional.empty();
    private Optional<MarkRecord> mark = Optional.empty();
    private Optional<StatusPeriod> status = Optional.empty();
    private Optional<ParticipantRecord> holder = Optional.empty();
    private Optional<LicenseRecord> license = Optional.empty();
    private Optional<ParticipantRecord> licensee = Optional.empty();
    private Optional<BatchRecord> batch = Optional.empty();
    private final Map<EvidenceRole, EntryRef> evidence = new EnumMap<>(EvidenceRole.class);

    Builder(LedgerState state) {
      this.state = state;
    }

    Builder detail(String text) {
      detail = Optional.of(text);
      return this;
    }

    Builder item(Gs1Fields fields) {
      item = Optional.of(fields);
      return this;
    }

    void batch(BatchRecord record) {
      batch = Optional.of(record);
      evidence(EvidenceRole.BATCH, record.source());
    }

    void evidence(EvidenceRole role, EntryRef source) {
      evidence.put(role, source);
    }

    void status(StatusPeriod period) {
      status = Optional.of(period);
      if (!period.source().equals(mark.orElseThrow().source())) {
        evidence(EvidenceRole.STATUS, period.source());
      } else {
        evidence.remove(EvidenceRole.STATUS);
      }
    }

    /** The product, its mark with the latest holder and status: for codes without a batch. */
    void productAndLatestMark(Optional<ProductRecord> found) {
      if (found.isEmpty()) {
        return;
      }
      useProduct(found.get()).ifPresent(m -> useMark(m, m.latestHolder(), m.latestStatus()));
    }

    /** The product, its mark with the holder and status on {@code date}: for a batch. */
    void onIssueDate(Optional<ProductRecord> found, LocalDate date) {
      if (found.isEmpty()) {
        return;
      }
      useProduct(found.get())
          .ifPresent(
              m ->
                  useMark(
                      m,
                      m.holderOn(date).orElse(m.holders().get(0)),
                      m.statusOn(date).orElse(m.statuses().get(0))));
    }

    void entitlement(Entitlement entitlement) {
      if (entitlement instanceof Entitlement.AsLicensee licensed) {
        license = Optional.of(licensed.license());
        licensee = state.participant(licensed.license().grant().licensee());
        evidence(EvidenceRole.LICENSE, licensed.license().source());
      }
    }

    private Optional<MarkRecord> useProduct(ProductRecord record) {
      product = Optional.of(record);
      evidence(EvidenceRole.PRODUCT, record.source());
      return state.mark(record.registration().trademark());
    }

    private void useMark(MarkRecord record, HolderPeriod holderPeriod, StatusPeriod statusPeriod) {
      mark = Optional.of(record);
      evidence(EvidenceRole.MARK, record.source());
      holder = state.participant(holderPeriod.holder());
      if (!holderPeriod.source().equals(record.source())) {
        evidence(EvidenceRole.HOLDER, holderPeriod.source());
      }
      status(statusPeriod);
    }

    Judgement give(VerdictCode verdict, ReasonCode... reasons) {
      return give(verdict, List.of(reasons));
    }

    Judgement give(VerdictCode verdict, List<ReasonCode> reasons) {
      return new Judgement(
          verdict, reasons, detail, item, product, mark, status, holder, license, licensee, batch,
          evidence, List.of());
    }
  }
}
