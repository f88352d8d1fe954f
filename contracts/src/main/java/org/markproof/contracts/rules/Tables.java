package org.markproof.contracts.rules;

import org.markproof.contracts.entry.KeyId;
import org.markproof.contracts.entry.TrademarkRef;
import org.markproof.contracts.label.Gtin;

/**
 * The persistent maps behind a {@link LedgerState}. Each {@code with…} returns new tables sharing
 * everything but the changed paths.
 */
final class Tables {
  record BatchKey(Gtin gtin, String batch) {}

  record SerialKey(Gtin gtin, String batch, String serial) {}

  final PersistentMap<String, ParticipantRecord> participants;
  final PersistentMap<KeyId, String> keyOwners;
  final int activeOperators;
  final PersistentMap<TrademarkRef, MarkRecord> marks;
  final PersistentMap<String, LicenseRecord> licenses;
  final PersistentMap<Gtin, ProductRecord> products;
  final PersistentMap<BatchKey, BatchRecord> batches;
  final PersistentMap<SerialKey, RevocationRecord> serials;
  final PersistentMap<String, SeizureRecord> seizures;

  Tables() {
    this(
        PersistentMap.empty(),
        PersistentMap.empty(),
        0,
        PersistentMap.empty(),
        PersistentMap.empty(),
        PersistentMap.empty(),
        PersistentMap.empty(),
        PersistentMap.empty(),
        PersistentMap.empty());
  }

  private Tables(
      PersistentMap<String, ParticipantRecord> participants,
      PersistentMap<KeyId, String> keyOwners,
      int activeOperators,
      PersistentMap<TrademarkRef, MarkRecord> marks,
      PersistentMap<String, LicenseRecord> licenses,
      PersistentMap<Gtin, ProductRecord> products,
      PersistentMap<BatchKey, BatchRecord> batches,
      PersistentMap<SerialKey, RevocationRecord> serials,
      PersistentMap<String, SeizureRecord> seizures) {
    this.participants = participants;
    this.keyOwners = keyOwners;
    this.activeOperators = activeOperators;
    this.marks = marks;
    this.licenses = licenses;
    this.products = products;
    this.batches = batches;
    this.serials = serials;
    this.seizures = seizures;
  }

  Tables withParticipant(ParticipantRecord p, int operatorDelta) {
    PersistentMap<KeyId, String> owners = keyOwners;
    for (KeyPeriod key : p.keys()) {
      owners = owners.with(key.keyId(), p.id());
    }
    return new Tables(
        participants.with(p.id(), p),
        owners,
        activeOperators + operatorDelta,
        marks,
        licenses,
        products,
        batches,
        serials,
        seizures);
  }

  Tables withMark(MarkRecord m) {
    return new Tables(
        participants,
        keyOwners,
        activeOperators,
        marks.with(m.trademark(), m),
        licenses,
        products,
        batches,
        serials,
        seizures);
  }

  Tables withLicense(LicenseRecord l) {
    return new Tables(
        participants,
        keyOwners,
        activeOperators,
        marks,
        licenses.with(l.id(), l),
        products,
        batches,
        serials,
        seizures);
  }

  Tables withProduct(ProductRecord p) {
    return new Tables(
        participants,
        keyOwners,
        activeOperators,
        marks,
        licenses,
        products.with(p.registration().gtin(), p),
        batches,
        serials,
        seizures);
  }

  Tables withBatch(BatchRecord b) {
    BatchKey key = new BatchKey(b.issue().gtin(), b.issue().batch());
    return new Tables(
        participants,
        keyOwners,
        activeOperators,
        marks,
        licenses,
        products,
        batches.with(key, b),
        serials,
        seizures);
  }

  Tables withSerialRevoked(SerialKey key, RevocationRecord r) {
    return new Tables(
        participants,
        keyOwners,
        activeOperators,
        marks,
        licenses,
        products,
        batches,
        serials.with(key, r),
        seizures);
  }

  Tables withSeizure(SeizureRecord s) {
    return new Tables(
        participants,
        keyOwners,
        activeOperators,
        marks,
        licenses,
        products,
        batches,
        serials,
        seizures.with(s.seizure().scanReference(), s));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Tables t
        && activeOperators == t.activeOperators
        && participants.equals(t.participants)
        && keyOwners.equals(t.keyOwners)
        && marks.equals(t.marks)
        && licenses.equals(t.licenses)
        && products.equals(t.products)
        && batches.equals(t.batches)
        && serials.equals(t.serials)
        && seizures.equals(t.seizures);
  }

  @Override
  public int hashCode() {
    return participants.hashCode() * 31 + marks.hashCode() * 17 + batches.hashCode();
  }
}
