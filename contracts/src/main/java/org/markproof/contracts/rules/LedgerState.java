package org.markproof.contracts.rules;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.markproof.contracts.entry.KeyId;
import org.markproof.contracts.entry.TrademarkRef;
import org.markproof.contracts.label.Gtin;

/**
 * The state the rules build from the log, and the queries verdicts ask of it. Immutable and
 * persistent: applying an entry ({@link Rules#apply}) returns a new state that shares all but a few
 * small nodes with this one, so any number of versions may be held and {@code apply} costs O(log n)
 * however large the ledger.
 *
 * <p>Every fact cites the {@link EntryRef} of the entry that established it.
 */
public final class LedgerState {
  private static final LedgerState EMPTY = new LedgerState(new Tables(), 0, null);

  final Tables tables;
  private final long size;
  private final Instant lastTime;

  private LedgerState(Tables tables, long size, Instant lastTime) {
    this.tables = tables;
    this.size = size;
    this.lastTime = lastTime;
  }

  /** The state of an empty log. */
  public static LedgerState empty() {
    return EMPTY;
  }

  /** How many entries have been applied: also the log index the next entry will have. */
  public long size() {
    return size;
  }

  /** The time the last entry was applied at; empty for the empty state. */
  public Optional<Instant> lastTime() {
    return Optional.ofNullable(lastTime);
  }

  public Optional<ParticipantRecord> participant(String id) {
    return Optional.ofNullable(tables.participants.get(id));
  }

  /** The participant that ever held key {@code keyId}, current or not. */
  public Optional<ParticipantRecord> participantByKey(KeyId keyId) {
    return Optional.ofNullable(tables.keyOwners.get(keyId)).flatMap(this::participant);
  }

  public Optional<MarkRecord> mark(TrademarkRef trademark) {
    return Optional.ofNullable(tables.marks.get(trademark));
  }

  public Optional<LicenseRecord> license(String id) {
    return Optional.ofNullable(tables.licenses.get(id));
  }

  /** Every license ever granted under {@code trademark}, oldest first. */
  public List<LicenseRecord> licensesFor(TrademarkRef trademark) {
    List<LicenseRecord> out = new ArrayList<>();
    mark(trademark).ifPresent(m -> m.licenseIds().forEach(id -> license(id).ifPresent(out::add)));
    return out;
  }

  public Optional<ProductRecord> product(Gtin gtin) {
    return Optional.ofNullable(tables.products.get(gtin));
  }

  public Optional<BatchRecord> batch(Gtin gtin, String batch) {
    return Optional.ofNullable(tables.batches.get(new Tables.BatchKey(gtin, batch)));
  }

  /** The revocation of this one serial's label, if recorded (not counting the whole batch's). */
  public Optional<RevocationRecord> serialRevocation(Gtin gtin, String batch, String serial) {
    return Optional.ofNullable(tables.serials.get(new Tables.SerialKey(gtin, batch, serial)));
  }

  /** Why the label of {@code serial} is revoked: its batch's revocation first, else its own. */
  public Optional<RevocationRecord> revocation(Gtin gtin, String batch, String serial) {
    Optional<RevocationRecord> ofBatch = batch(gtin, batch).flatMap(BatchRecord::revocation);
    return ofBatch.isPresent() ? ofBatch : serialRevocation(gtin, batch, serial);
  }

  public Optional<SeizureRecord> seizure(String scanReference) {
    return Optional.ofNullable(tables.seizures.get(scanReference));
  }

  /**
   * The right under which {@code issuer} could issue batches of product {@code gtin} on {@code
   * date}: holder of the product's mark on that date by the chain of ownership, else licensee under
   * a license in force on that date covering the GTIN and the product's Nice class. Empty when it
   * had none — a batch issued so is {@code NOT_AUTHORIZED}. The mark's liveness is a separate
   * question ({@link MarkRecord#isLiveOn}).
   */
  public Optional<Entitlement> entitlement(String issuer, Gtin gtin, LocalDate date) {
    return Entitlements.find(this, issuer, gtin, date);
  }

  /** Whether the batch's issuer was entitled on its issue date (see {@link #entitlement}). */
  public Optional<Entitlement> entitlementOf(BatchRecord batch) {
    return entitlement(batch.issuer(), batch.issue().gtin(), batch.issue().issueDate());
  }

  /** Whether any participant is enrolled: false only before the genesis entry. */
  public boolean hasParticipants() {
    return tables.participants.size() > 0;
  }

  /** How many operators are enrolled and not revoked. */
  public int activeOperators() {
    return tables.activeOperators;
  }

  /**
   * This state moved past {@code entries} log entries that were not applied: the same facts and
   * entry time, and the next entry's index {@code entries} further on. For a replica that replays
   * only part of the log (an edge store kept for some territories, docs/edge.md): what it does
   * apply then cites its true log index, so its evidence proves the right leaves. The caller
   * answers for skipping only entries that no applied entry depends on: what a skipped entry would
   * have established is absent, and the rules do not check it.
   *
   * @throws IllegalArgumentException if {@code entries} is negative
   */
  public LedgerState skip(long entries) {
    if (entries < 0) {
      throw new IllegalArgumentException("cannot skip " + entries + " entries");
    }
    return entries == 0 ? this : new LedgerState(tables, size + entries, lastTime);
  }

  LedgerState next(Tables next, Instant time) {
    return new LedgerState(next, size + 1, time);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LedgerState other
        && size == other.size
        && Objects.equals(lastTime, other.lastTime)
        && tables.equals(other.tables);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(size) * 31 + tables.hashCode();
  }

  @Override
  public String toString() {
    return "LedgerState[size=" + size + ", lastTime=" + lastTime + "]";
  }
}
