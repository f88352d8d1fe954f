package org.markproof.service.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.markproof.contracts.MalformedDataException;
import org.markproof.contracts.crypto.Ed25519PrivateKey;
import org.markproof.contracts.crypto.Sha256;
import org.markproof.contracts.entry.EntrySigner;
import org.markproof.contracts.entry.MarkRepresentation;
import org.markproof.contracts.entry.OfficeCode;
import org.markproof.contracts.entry.ParticipantEnrolled;
import org.markproof.contracts.entry.ParticipantRole;
import org.markproof.contracts.entry.SignedEntry;
import org.markproof.contracts.entry.Statement;
import org.markproof.contracts.entry.TrademarkRecorded;
import org.markproof.contracts.entry.TrademarkRef;
import org.markproof.service.intake.Accepted;
import org.markproof.service.intake.EntryIntake;
import org.markproof.service.log.index.LedgerView;

/**
 * Real signed entries for tests that run against the shared test database and its one log. Every
 * test class that writes to the log uses the same genesis operator ({@link #OPERATOR}, a
 * deterministic key), enrolled by whichever test runs first; everything else a test makes has fresh
 * random ids, so tests never depend on each other or on an empty log.
 */
public final class LedgerFixture {
  /** The genesis operator of every test log. */
  public static final String OPERATOR = "test-operator";

  private LedgerFixture() {}

  /** The deterministic key of test participant {@code id}. */
  public static Ed25519PrivateKey key(String id) {
    try {
      return Ed25519PrivateKey.fromSeed(
          Sha256.hash(("markproof test key " + id).getBytes(StandardCharsets.UTF_8)));
    } catch (MalformedDataException e) {
      throw new AssertionError(e);
    }
  }

  /** {@code statement} signed by its submitter's test key. */
  public static SignedEntry sign(Statement statement) {
    return EntrySigner.sign(statement, key(statement.submitter()));
  }

  /** A fresh participant id with {@code prefix}. */
  public static String freshId(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** The genesis entry: {@link #OPERATOR} enrolling itself with its own key. */
  public static SignedEntry genesis() {
    return sign(
        new ParticipantEnrolled(
            OPERATOR,
            OPERATOR,
            "Test operations",
            new ParticipantRole.Operator(),
            key(OPERATOR).publicKey()));
  }

  /**
   * Makes sure the log has its genesis: submits the operator's self-enrolment when the log is empty
   * and waits until it is sequenced. Safe to call from every test.
   */
  public static synchronized void ensureGenesis(EntryIntake intake, LedgerView ledger) {
    if (ledger.snapshot().state().participant(OPERATOR).isPresent()) {
      return;
    }
    Accepted accepted = intake.submit(genesis(), null).await().atMost(Duration.ofSeconds(30));
    if (intake
            .awaitSequenced(accepted.submission(), Duration.ofSeconds(60))
            .await()
            .atMost(Duration.ofSeconds(70))
        == null) {
      throw new AssertionError("the genesis entry was not sequenced within a minute");
    }
  }

  /** The operator's enrolment of {@code id} with {@code role}, signed by the operator. */
  public static SignedEntry enrol(String id, ParticipantRole role) {
    return sign(new ParticipantEnrolled(OPERATOR, id, id, role, key(id).publicKey()));
  }

  /** A registrar of office {@code office}, enrolment signed. */
  public static SignedEntry enrolRegistrar(String id, String office) {
    return enrol(id, new ParticipantRole.Registrar(OfficeCode.of(office)));
  }

  /** A word mark recorded by {@code registrar} of {@code office} under a fresh number. */
  public static SignedEntry recordMark(String registrar, String office, String holder) {
    return recordMark(registrar, office, freshNumber(), holder);
  }

  /** A word mark recorded by {@code registrar} under {@code number}. */
  public static SignedEntry recordMark(
      String registrar, String office, String number, String holder) {
    return sign(
        new TrademarkRecorded(
            registrar,
            new TrademarkRef(OfficeCode.of(office), number),
            new MarkRepresentation.WordMark("MARK " + number),
            List.of(25),
            holder,
            LocalDate.parse("2019-12-01"),
            LocalDate.parse("2020-05-06"),
            LocalDate.parse("2035-12-01")));
  }

  /** A fresh registration number (digits). */
  public static String freshNumber() {
    return String.valueOf(100_000_000L + (long) (Math.random() * 800_000_000L));
  }
}
