package org.markproof.contracts.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.markproof.contracts.crypto.Ed25519Batch;
import org.markproof.contracts.crypto.VerifiedSignatures;
import org.markproof.contracts.entry.BatchIssued;
import org.markproof.contracts.entry.BatchRevoked;
import org.markproof.contracts.entry.KeyId;
import org.markproof.contracts.entry.LabelRevoked;
import org.markproof.contracts.entry.LicenseGranted;
import org.markproof.contracts.entry.LicenseTerminated;
import org.markproof.contracts.entry.LogEntry;
import org.markproof.contracts.entry.ParticipantEnrolled;
import org.markproof.contracts.entry.ParticipantKeyRotated;
import org.markproof.contracts.entry.ParticipantRevoked;
import org.markproof.contracts.entry.ProductRegistered;
import org.markproof.contracts.entry.SeizureRecorded;
import org.markproof.contracts.entry.SignedEntry;
import org.markproof.contracts.entry.Statement;
import org.markproof.contracts.entry.TrademarkAssigned;
import org.markproof.contracts.entry.TrademarkRecorded;
import org.markproof.contracts.entry.TrademarkStatusChanged;

/**
 * The ledger's rules, its "smart contracts" (DESIGN.md "The ledger"): a pure, deterministic
 * function of the state, the signed entry and the entry time — no clock, no randomness, no I/O — so
 * the service (before sequencing) and every edge (replaying the log) reach the same state.
 *
 * <p>Dates in statements are judged against the UTC date of {@code time}. Statements may name
 * "today" up to {@link #CLOCK_SKEW_DAYS} day ahead (issue dates are local calendar dates, and time
 * zones span more than a day) and instants up to {@link #CLOCK_SKEW} ahead; assignments and license
 * terminations may take effect at most {@link #CLOCK_SKEW_DAYS} day in the past.
 */
public final class Rules {
  /** How many days a statement's date may lie beyond the entry time's UTC date (or before it). */
  public static final int CLOCK_SKEW_DAYS = 1;

  /** How far a statement's instant may lie beyond the entry time. */
  public static final Duration CLOCK_SKEW = Duration.ofMinutes(10);

  private Rules() {}

  /**
   * Lists every rule {@code entry} breaks if applied to {@code state} at {@code time}; empty when
   * it may be applied. Includes the signature and key checks.
   */
  public static List<Violation> validate(LedgerState state, SignedEntry entry, Instant time) {
    return validate(state, entry, time, VerifiedSignatures.none());
  }

  /**
   * As {@link #validate(LedgerState, SignedEntry, Instant)}, with the entry's signature checked
   * through {@code signatures}: a process that meets one entry several times verifies it once.
   */
  public static List<Violation> validate(
      LedgerState state, SignedEntry entry, Instant time, VerifiedSignatures signatures) {
    RuleContext c =
        new RuleContext(
            state,
            Objects.requireNonNull(time),
            new Violations(),
            Objects.requireNonNull(signatures));
    Authentication.check(c, entry);
    Statement s = entry.statement();
    if (s instanceof ParticipantEnrolled x) {
      ParticipantRules.validate(c, x);
    } else if (s instanceof ParticipantKeyRotated x) {
      ParticipantRules.validate(c, x);
    } else if (s instanceof ParticipantRevoked x) {
      ParticipantRules.validate(c, x);
    } else if (s instanceof TrademarkRecorded x) {
      TrademarkRules.validate(c, x);
    } else if (s instanceof TrademarkStatusChanged x) {
      TrademarkRules.validate(c, x);
    } else if (s instanceof TrademarkAssigned x) {
      TrademarkRules.validate(c, x);
    } else if (s instanceof LicenseGranted x) {
      LicenseRules.validate(c, x);
    } else if (s instanceof LicenseTerminated x) {
      LicenseRules.validate(c, x);
    } else if (s instanceof ProductRegistered x) {
      ProductRules.validate(c, x);
    } else if (s instanceof BatchIssued x) {
      BatchRules.validate(c, x);
    } else if (s instanceof LabelRevoked x) {
      RevocationRules.validate(c, x);
    } else if (s instanceof BatchRevoked x) {
      RevocationRules.validate(c, x);
    } else if (s instanceof SeizureRecorded x) {
      SeizureRules.validate(c, x);
    }
    return c.violations().list();
  }

  /**
   * Verifies {@code entry}'s signature into {@code signatures} ahead of its turn, with the key
   * {@code known} (an earlier state) gives its key id, so that a replay on another thread finds it
   * verified. Does nothing when {@code known} has no such key, and never throws: a signature that
   * fails is simply not remembered, and the rules, when the entry's turn comes, verify it in line
   * and name the failure. Deciding nothing, it is safe with any state.
   */
  public static void verifyAhead(
      LedgerState known, SignedEntry entry, VerifiedSignatures signatures) {
    verifyAhead(known, List.of(entry), signatures);
  }

  /**
   * As {@link #verifyAhead(LedgerState, SignedEntry, VerifiedSignatures)} for many entries at once:
   * the signatures whose keys {@code known} has are verified as one batch ({@link
   * VerifiedSignatures#verifyAll}), several times faster per signature than one by one when many
   * share a key.
   */
  public static void verifyAhead(
      LedgerState known, List<SignedEntry> entries, VerifiedSignatures signatures) {
    List<Ed25519Batch.Signed> batch = new ArrayList<>(entries.size());
    for (SignedEntry entry : entries) {
      KeyId keyId = entry.keyId();
      Optional<KeyPeriod> key = known.participantByKey(keyId).flatMap(p -> p.key(keyId));
      if (key.isPresent()) {
        batch.add(
            new Ed25519Batch.Signed(
                key.get().publicKey(), entry.statementBytes(), entry.signature()));
      }
    }
    signatures.verifyAll(batch);
  }

  /**
   * Checks {@code entry} against every rule.
   *
   * @throws RuleViolationException carrying every violation, if there is any
   */
  public static void requireValid(LedgerState state, SignedEntry entry, Instant time)
      throws RuleViolationException {
    requireValid(state, entry, time, VerifiedSignatures.none());
  }

  private static void requireValid(
      LedgerState state, SignedEntry entry, Instant time, VerifiedSignatures signatures)
      throws RuleViolationException {
    List<Violation> violations = validate(state, entry, time, signatures);
    if (!violations.isEmpty()) {
      throw new RuleViolationException(violations);
    }
  }

  /**
   * Replays one log leaf: {@link #apply(LedgerState, SignedEntry, Instant)} at the leaf's
   * sequencing time.
   *
   * @throws RuleViolationException carrying every violation, if the entry breaks any rule
   */
  public static LedgerState apply(LedgerState state, LogEntry leaf) throws RuleViolationException {
    return apply(state, leaf.entry(), leaf.sequencedAt(), VerifiedSignatures.none());
  }

  /**
   * As {@link #apply(LedgerState, LogEntry)}, with the signature checked through {@code
   * signatures}.
   */
  public static LedgerState apply(LedgerState state, LogEntry leaf, VerifiedSignatures signatures)
      throws RuleViolationException {
    return apply(state, leaf.entry(), leaf.sequencedAt(), signatures);
  }

  /**
   * Validates {@code entry} and returns the state after it, at log index {@link LedgerState#size()}
   * and time {@code time}. {@code state} itself is unchanged.
   *
   * @throws RuleViolationException carrying every violation, if the entry breaks any rule
   */
  public static LedgerState apply(LedgerState state, SignedEntry entry, Instant time)
      throws RuleViolationException {
    return apply(state, entry, time, VerifiedSignatures.none());
  }

  /**
   * As {@link #apply(LedgerState, SignedEntry, Instant)}, with the signature checked through {@code
   * signatures}.
   */
  public static LedgerState apply(
      LedgerState state, SignedEntry entry, Instant time, VerifiedSignatures signatures)
      throws RuleViolationException {
    requireValid(state, entry, time, signatures);
    EntryRef at = new EntryRef(state.size(), time);
    Tables t = state.tables;
    Statement s = entry.statement();
    Tables next;
    if (s instanceof ParticipantEnrolled x) {
      next = ParticipantRules.apply(t, x, at);
    } else if (s instanceof ParticipantKeyRotated x) {
      next = ParticipantRules.apply(t, x, at);
    } else if (s instanceof ParticipantRevoked x) {
      next = ParticipantRules.apply(t, x, at);
    } else if (s instanceof TrademarkRecorded x) {
      next = TrademarkRules.apply(t, x, at);
    } else if (s instanceof TrademarkStatusChanged x) {
      next = TrademarkRules.apply(t, x, at);
    } else if (s instanceof TrademarkAssigned x) {
      next = TrademarkRules.apply(t, x, at);
    } else if (s instanceof LicenseGranted x) {
      next = LicenseRules.apply(t, x, at);
    } else if (s instanceof LicenseTerminated x) {
      next = LicenseRules.apply(t, x, at);
    } else if (s instanceof ProductRegistered x) {
      next = ProductRules.apply(t, x, at);
    } else if (s instanceof BatchIssued x) {
      next = BatchRules.apply(t, x, at, state);
    } else if (s instanceof LabelRevoked x) {
      next = RevocationRules.apply(t, x, at);
    } else if (s instanceof BatchRevoked x) {
      next = RevocationRules.apply(t, x, at);
    } else if (s instanceof SeizureRecorded x) {
      next = SeizureRules.apply(t, x, at);
    } else {
      throw new AssertionError("every kind has a rule: " + s.kind());
    }
    return state.next(next, time);
  }
}
