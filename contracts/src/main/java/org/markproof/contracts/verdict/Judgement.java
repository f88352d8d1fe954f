package org.markproof.contracts.verdict;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.markproof.contracts.label.Gs1Fields;
import org.markproof.contracts.rules.BatchRecord;
import org.markproof.contracts.rules.EntryRef;
import org.markproof.contracts.rules.LicenseRecord;
import org.markproof.contracts.rules.MarkRecord;
import org.markproof.contracts.rules.ParticipantRecord;
import org.markproof.contracts.rules.ProductRecord;
import org.markproof.contracts.rules.StatusPeriod;

/**
 * What {@link Judge} concluded from the ledger state about one scanned code: the verdict, its
 * reasons (the decisive one first), what the ledger says about the item, and the log entries relied
 * on, by role — the caller turns those into inclusion proofs.
 *
 * @param detail a human-readable detail of a {@code MALFORMED} code (the parser's message)
 * @param status the mark's status reported: on the batch's issue date (or today's latest for a code
 *     without a batch), or a later invalidation
 * @param holder the mark's holder on the batch's issue date (or the latest holder)
 */
public record Judgement(
    VerdictCode verdict,
    List<ReasonCode> reasons,
    Optional<String> detail,
    Optional<Gs1Fields> item,
    Optional<ProductRecord> product,
    Optional<MarkRecord> mark,
    Optional<StatusPeriod> status,
    Optional<ParticipantRecord> holder,
    Optional<LicenseRecord> license,
    Optional<ParticipantRecord> licensee,
    Optional<BatchRecord> batch,
    Map<EvidenceRole, EntryRef> evidence,
    List<Sighting> sightings) {
  public Judgement {
    Objects.requireNonNull(verdict, "verdict");
    if (reasons.isEmpty()) {
      throw new IllegalArgumentException("a judgement needs a reason");
    }
    reasons = List.copyOf(reasons);
    Map<EvidenceRole, EntryRef> copy = new EnumMap<>(EvidenceRole.class);
    copy.putAll(evidence);
    evidence = Collections.unmodifiableMap(copy);
    sightings = List.copyOf(sightings);
  }

  /** The reason that decided the verdict, whose sentence is the officer's message. */
  public ReasonCode decisiveReason() {
    return reasons.get(0);
  }

  /**
   * This judgement, turned {@code SUSPECT_CLONE} by {@code finding} if it was {@code GENUINE}: a
   * clone is only a clone of a genuine code.
   */
  public Judgement withClones(Optional<CloneDetector.Finding> finding) {
    if (verdict != VerdictCode.GENUINE || finding.isEmpty()) {
      return this;
    }
    List<ReasonCode> next = new ArrayList<>();
    next.add(finding.get().reason());
    next.addAll(reasons);
    return new Judgement(
        VerdictCode.SUSPECT_CLONE,
        next,
        detail,
        item,
        product,
        mark,
        status,
        holder,
        license,
        licensee,
        batch,
        evidence,
        finding.get().sightings());
  }

  /**
   * This judgement as an edge past its freshness limit gives it: {@code STALE}, the would-be
   * verdict kept by the caller, the reasons after {@code checkpoint-stale}.
   */
  public Judgement stale() {
    List<ReasonCode> next = new ArrayList<>();
    next.add(ReasonCode.CHECKPOINT_STALE);
    next.addAll(reasons);
    return new Judgement(
        VerdictCode.STALE,
        next,
        detail,
        item,
        product,
        mark,
        status,
        holder,
        license,
        licensee,
        batch,
        evidence,
        sightings);
  }
}
