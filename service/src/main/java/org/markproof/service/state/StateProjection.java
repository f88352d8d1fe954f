package org.markproof.service.state;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.markproof.contracts.crypto.VerifiedSignatures;
import org.markproof.contracts.entry.BatchIssued;
import org.markproof.contracts.entry.BatchRevoked;
import org.markproof.contracts.entry.LabelRevoked;
import org.markproof.contracts.entry.LicenseGranted;
import org.markproof.contracts.entry.LicenseTerminated;
import org.markproof.contracts.entry.LogEntry;
import org.markproof.contracts.entry.ParticipantEnrolled;
import org.markproof.contracts.entry.ParticipantKeyRotated;
import org.markproof.contracts.entry.ParticipantRevoked;
import org.markproof.contracts.entry.ProductRegistered;
import org.markproof.contracts.entry.Statement;
import org.markproof.contracts.entry.TrademarkAssigned;
import org.markproof.contracts.entry.TrademarkRecorded;
import org.markproof.contracts.entry.TrademarkRef;
import org.markproof.contracts.entry.TrademarkStatusChanged;
import org.markproof.contracts.label.Gtin;
import org.markproof.contracts.rules.EntryRef;
import org.markproof.contracts.rules.LedgerState;
import org.markproof.contracts.rules.RuleViolationException;
import org.markproof.contracts.rules.Rules;
import org.markproof.service.state.StateDocuments.RevokedSerial;

/**
 * Replays the log through the contracts' rules (the same {@link Rules#apply} the sequencer and the
 * edge run) and says, for each entry, which rows of the projected state it changed. Not thread
 * safe: one projector owns it.
 */
final class StateProjection {
  private final VerifiedSignatures signatures;
  private LedgerState state = LedgerState.empty();
  private final Map<String, List<RevokedSerial>> revokedSerials = new HashMap<>();

  /** A projection of the empty log, checking signatures through {@code signatures}. */
  StateProjection(VerifiedSignatures signatures) {
    this.signatures = signatures;
  }

  /** The state after the entries replayed so far. */
  LedgerState state() {
    return state;
  }

  /** The number of entries replayed, which is the index of the next one. */
  long size() {
    return state.size();
  }

  /**
   * Applies the next entry of the log.
   *
   * @return the rows it changed, in the state after it
   * @throws RuleViolationException if the rules refuse it: the log holds an entry the sequencer
   *     should never have appended, and the projection must stop rather than skip it
   */
  List<StateRow> apply(LogEntry leaf) throws RuleViolationException {
    EntryRef at = new EntryRef(state.size(), leaf.sequencedAt());
    state = Rules.apply(state, leaf, signatures);
    Statement statement = leaf.entry().statement();
    long index = at.index();
    List<StateRow> rows = new ArrayList<>(2);
    if (statement instanceof ParticipantEnrolled s) {
      rows.add(participant(s.participant(), index));
    } else if (statement instanceof ParticipantKeyRotated s) {
      rows.add(participant(s.participant(), index));
    } else if (statement instanceof ParticipantRevoked s) {
      rows.add(participant(s.participant(), index));
    } else if (statement instanceof TrademarkRecorded s) {
      rows.add(trademark(s.trademark(), index));
    } else if (statement instanceof TrademarkStatusChanged s) {
      rows.add(trademark(s.trademark(), index));
    } else if (statement instanceof TrademarkAssigned s) {
      rows.add(trademark(s.trademark(), index));
    } else if (statement instanceof LicenseGranted s) {
      rows.add(license(s.license(), index));
      rows.add(trademark(s.trademark(), index));
    } else if (statement instanceof LicenseTerminated s) {
      rows.add(license(s.license(), index));
    } else if (statement instanceof ProductRegistered s) {
      var record = state.product(s.gtin()).orElseThrow();
      rows.add(
          new StateRow.Product(
              s.gtin().digits(), s.submitter(), StateDocuments.product(record), index));
    } else if (statement instanceof BatchIssued s) {
      rows.add(batch(s.gtin(), s.batch(), index));
    } else if (statement instanceof BatchRevoked s) {
      rows.add(batch(s.gtin(), s.batch(), index));
    } else if (statement instanceof LabelRevoked s) {
      List<RevokedSerial> revoked =
          revokedSerials.computeIfAbsent(batchKey(s.gtin(), s.batch()), k -> new ArrayList<>());
      for (String serial : s.serials()) {
        revoked.add(new RevokedSerial(serial, s.reason().wireName(), s.submitter(), at));
      }
      rows.add(batch(s.gtin(), s.batch(), index));
    }
    // seizure.recorded changes no projected row: seizures are queried with their scans.
    return rows;
  }

  private StateRow participant(String id, long index) {
    var record = state.participant(id).orElseThrow();
    return new StateRow.Participant(
        id, record.role().type(), record.isActive(), StateDocuments.participant(record), index);
  }

  private StateRow trademark(TrademarkRef ref, long index) {
    var record = state.mark(ref).orElseThrow();
    return new StateRow.Trademark(
        ref.office().code(),
        ref.number(),
        record.latestHolder().holder(),
        record.latestStatus().status().wireName(),
        StateDocuments.trademark(record),
        index);
  }

  private StateRow license(String id, long index) {
    var record = state.license(id).orElseThrow();
    return new StateRow.License(
        id,
        record.grant().licensor(),
        record.grant().licensee(),
        StateDocuments.license(record),
        index);
  }

  private StateRow batch(Gtin gtin, String batch, long index) {
    var record = state.batch(gtin, batch).orElseThrow();
    return new StateRow.Batch(
        gtin.digits(),
        batch,
        record.issuer(),
        StateDocuments.batch(record, revokedSerials.getOrDefault(batchKey(gtin, batch), List.of())),
        index);
  }

  private static String batchKey(Gtin gtin, String batch) {
    return gtin.digits() + "/" + batch;
  }
}
