package org.markproof.contracts.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.markproof.contracts.MalformedDataException;
import org.markproof.contracts.crypto.Ed25519PrivateKey;
import org.markproof.contracts.crypto.Sha256;
import org.markproof.contracts.entry.EntrySigner;
import org.markproof.contracts.entry.LogEntry;
import org.markproof.contracts.entry.MarkRepresentation;
import org.markproof.contracts.entry.OfficeCode;
import org.markproof.contracts.entry.ParticipantEnrolled;
import org.markproof.contracts.entry.ParticipantKeyRotated;
import org.markproof.contracts.entry.ParticipantRole;
import org.markproof.contracts.entry.SignedEntry;
import org.markproof.contracts.entry.Statement;
import org.markproof.contracts.entry.TrademarkRecorded;
import org.markproof.contracts.entry.TrademarkRef;

/**
 * A ledger under test: deterministic keys per participant, an entry clock the test moves, and every
 * applied entry kept for replays. Starts with the genesis operator {@code op}.
 */
public final class TestLedger {
  public static final TrademarkRef EM_MARK = new TrademarkRef(OfficeCode.of("EM"), "018000001");
  public static final TrademarkRef AU_MARK = new TrademarkRef(OfficeCode.of("AU"), "2100001");

  private final Map<String, Integer> generations = new HashMap<>();
  private final List<SignedEntry> entries = new ArrayList<>();
  private final List<Instant> times = new ArrayList<>();
  public LedgerState state = LedgerState.empty();
  public Instant now = Instant.parse("2026-01-10T10:00:00Z");

  /** A ledger holding only the genesis entry of operator {@code op}. */
  public static TestLedger withOperator() {
    TestLedger ledger = new TestLedger();
    ledger.apply(
        new ParticipantEnrolled(
            "op", "op", "Operations", new ParticipantRole.Operator(), key("op", 0).publicKey()));
    return ledger;
  }

  /**
   * Operator {@code op}; registrars {@code ipo-em} (EM) and {@code ipo-au} (AU); brand owners
   * {@code acme}, {@code globex}, {@code initech}; customs {@code cdg-7} at post FR-CDG; mark EM
   * 018000001 held by acme in classes 25 and 3, registered 2020-05-06 until 2029-12-01.
   */
  public static TestLedger standard() {
    TestLedger ledger = withOperator();
    ledger.enrol("ipo-em", new ParticipantRole.Registrar(OfficeCode.of("EM")));
    ledger.enrol("ipo-au", new ParticipantRole.Registrar(OfficeCode.of("AU")));
    ledger.enrol("acme", new ParticipantRole.BrandOwner());
    ledger.enrol("globex", new ParticipantRole.BrandOwner());
    ledger.enrol("initech", new ParticipantRole.BrandOwner());
    ledger.enrol("cdg-7", new ParticipantRole.Customs("FR-CDG"));
    ledger.apply(recorded("ipo-em", EM_MARK, "acme"));
    return ledger;
  }

  public static TrademarkRecorded recorded(String registrar, TrademarkRef ref, String holder) {
    return new TrademarkRecorded(
        registrar,
        ref,
        new MarkRepresentation.WordMark("ACME"),
        List.of(25, 3),
        holder,
        LocalDate.parse("2019-12-01"),
        LocalDate.parse("2020-05-06"),
        LocalDate.parse("2029-12-01"));
  }

  /** The deterministic key of {@code name}'s {@code generation}-th enrolment or rotation. */
  public static Ed25519PrivateKey key(String name, int generation) {
    byte[] seed = Sha256.hash((name + "#" + generation).getBytes(StandardCharsets.UTF_8));
    try {
      return Ed25519PrivateKey.fromSeed(seed);
    } catch (MalformedDataException e) {
      throw new AssertionError(e);
    }
  }

  /** The current key of participant {@code name}. */
  public Ed25519PrivateKey keyOf(String name) {
    return key(name, generations.getOrDefault(name, 0));
  }

  /** Records that {@code name}'s key was rotated; returns the new key. */
  public Ed25519PrivateKey nextKey(String name) {
    return key(name, generations.getOrDefault(name, 0) + 1);
  }

  public void enrol(String name, ParticipantRole role) {
    apply(new ParticipantEnrolled("op", name, name, role, key(name, 0).publicKey()));
  }

  public SignedEntry sign(Statement s) {
    return EntrySigner.sign(s, keyOf(s.submitter()));
  }

  public void setDate(String date) {
    now = Instant.parse(date + "T10:00:00Z");
  }

  /**
   * Applies {@code s}, signed by its submitter's current key, at {@link #now}; fails the test if
   * rejected.
   */
  public TestLedger apply(Statement s) {
    return apply(sign(s));
  }

  public TestLedger apply(SignedEntry entry) {
    List<Violation> violations = Rules.validate(state, entry, now);
    assertEquals(List.of(), violations, "entry " + entry + " should be accepted");
    try {
      state = Rules.apply(state, entry, now);
    } catch (RuleViolationException e) {
      throw new AssertionError(e);
    }
    entries.add(entry);
    times.add(now);
    if (entry.statement() instanceof ParticipantKeyRotated r) {
      generations.merge(r.participant(), 1, Integer::sum);
    }
    return this;
  }

  public List<Violation> validate(Statement s) {
    return Rules.validate(state, sign(s), now);
  }

  /** Asserts {@code s} is rejected with exactly the codes {@code expected} (in any order). */
  public void assertRejected(Statement s, ViolationCode... expected) {
    assertRejected(sign(s), expected);
  }

  public void assertRejected(SignedEntry entry, ViolationCode... expected) {
    List<Violation> violations = Rules.validate(state, entry, now);
    List<ViolationCode> codes =
        violations.stream().map(Violation::code).sorted().collect(Collectors.toList());
    List<ViolationCode> want = Arrays.stream(expected).sorted().collect(Collectors.toList());
    assertEquals(want, codes, "violations: " + violations);
    assertTrue(violations.stream().allMatch(v -> !v.path().isEmpty() && !v.message().isEmpty()));
  }

  /** The log entries applied so far, in order, as the log stores them (leaf inputs). */
  public List<LogEntry> logEntries() {
    List<LogEntry> out = new ArrayList<>(entries.size());
    for (int i = 0; i < entries.size(); i++) {
      out.add(LogEntry.of(times.get(i), entries.get(i)));
    }
    return out;
  }

  /** Replays every applied entry, at its time, onto an empty state. */
  public LedgerState replay() throws RuleViolationException {
    LedgerState replayed = LedgerState.empty();
    for (int i = 0; i < entries.size(); i++) {
      replayed = Rules.apply(replayed, entries.get(i), times.get(i));
    }
    return replayed;
  }
}
