package org.markproof.service.intake;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.markproof.contracts.checkpoint.CheckpointVerifier;
import org.markproof.contracts.checkpoint.Ed25519CosignatureVerifier;
import org.markproof.contracts.checkpoint.VerifiedCheckpoint;
import org.markproof.contracts.entry.EntrySigner;
import org.markproof.contracts.entry.ParticipantRevoked;
import org.markproof.contracts.entry.ParticipantRole;
import org.markproof.contracts.entry.SignedEntry;
import org.markproof.contracts.merkle.ProofVerifier;
import org.markproof.contracts.note.Ed25519NoteVerifier;
import org.markproof.contracts.note.NoteVerifiers;
import org.markproof.contracts.rules.Violation;
import org.markproof.contracts.rules.ViolationCode;
import org.markproof.service.log.index.LedgerView;
import org.markproof.service.log.keys.SubmissionReceipt;
import org.markproof.service.testing.LedgerFixture;

/**
 * The service's {@link EntryIntake} on the shared test log, with the service's own sequencer:
 * entries signed with the contracts' {@link EntrySigner} go from acceptance to a checkpoint and an
 * inclusion proof that verify with the keys the log publishes at {@code GET /v1/log/key}; refusals
 * list every violation; retries add no second leaf.
 */
@QuarkusTest
class SubmissionIntakeTest {
  private static final Duration BOUND = Duration.ofSeconds(60);

  @Inject EntryIntake intake;
  @Inject LedgerView ledger;
  @Inject Pool pool;

  @BeforeEach
  void genesis() {
    LedgerFixture.ensureGenesis(intake, ledger);
  }

  @Test
  void entriesEndUpInTheLogUnderACheckpointAndProofThatVerifyWithThePublishedKeys()
      throws Exception {
    String registrar = LedgerFixture.freshId("ipo-em");
    String holder = LedgerFixture.freshId("brand");
    sequence(LedgerFixture.enrolRegistrar(registrar, "EM"));
    sequence(LedgerFixture.enrol(holder, new ParticipantRole.BrandOwner()));
    SignedEntry mark = LedgerFixture.recordMark(registrar, "EM", holder);

    Accepted accepted = submit(mark, null);
    Sequenced sequenced = awaitSequenced(accepted);

    JsonPath key = given().get("/v1/log/key").then().statusCode(200).extract().jsonPath();
    Ed25519NoteVerifier logKey = Ed25519NoteVerifier.parse(key.getString("checkpointVerifierKey"));
    Ed25519CosignatureVerifier timestampKey =
        Ed25519CosignatureVerifier.parse(key.getString("timestampVerifierKey"));
    VerifiedCheckpoint checkpoint =
        CheckpointVerifier.forLog(logKey, key.getString("origin"))
            .open(
                sequenced.checkpoint().getBytes(StandardCharsets.UTF_8),
                NoteVerifiers.of(timestampKey));
    assertEquals(1, checkpoint.cosignatures().size(), "the log's own timestamp cosignature");
    ProofVerifier.verifyInclusion(
        sequenced.index(),
        checkpoint.checkpoint().size(),
        accepted.leafHash(),
        sequenced.inclusionProof(),
        checkpoint.checkpoint().rootHash());
    assertArrayEquals(accepted.leafHash(), sequenced.leafHash());
    assertArrayEquals(accepted.leafHash(), storedLeafHash(sequenced.index()));

    SubmissionReceipt receipt = SubmissionReceipt.open(accepted.receipt(), timestampKey);
    assertEquals(key.getString("origin"), receipt.origin());
    assertArrayEquals(accepted.leafHash(), receipt.leafHash());
    assertEquals(accepted.acceptedAt(), receipt.acceptedAt());
  }

  @Test
  void anEntryMayBuildOnAnAcceptedOneNotYetSequenced() {
    String registrar = LedgerFixture.freshId("ipo-au");
    String holder = LedgerFixture.freshId("brand");
    Accepted enrolment = submit(LedgerFixture.enrolRegistrar(registrar, "AU"), null);
    Accepted owner = submit(LedgerFixture.enrol(holder, new ParticipantRole.BrandOwner()), null);
    Accepted mark = submit(LedgerFixture.recordMark(registrar, "AU", holder), null);

    long enrolled = awaitSequenced(enrolment).index();
    awaitSequenced(owner);
    assertTrue(awaitSequenced(mark).index() > enrolled);
  }

  @Test
  void aRefusalListsEveryViolation() {
    String stranger = LedgerFixture.freshId("nobody");
    SignedEntry mark = LedgerFixture.recordMark(stranger, "EM", "no-such-holder");
    RuleViolationsException refused =
        assertThrows(RuleViolationsException.class, () -> submit(mark, null));
    List<ViolationCode> codes = refused.violations().stream().map(Violation::code).toList();
    assertTrue(codes.contains(ViolationCode.SUBMITTER_UNKNOWN), codes.toString());
    assertTrue(codes.contains(ViolationCode.KEY_UNKNOWN), codes.toString());
    assertTrue(codes.size() >= 2, codes.toString());
  }

  @Test
  void anEntryThatNoLongerAppliesWhenSequencedGetsNoLeaf() {
    String registrar = LedgerFixture.freshId("ipo-em");
    String holder = LedgerFixture.freshId("brand");
    sequence(LedgerFixture.enrolRegistrar(registrar, "EM"));
    sequence(LedgerFixture.enrol(holder, new ParticipantRole.BrandOwner()));
    Accepted revocation =
        submit(LedgerFixture.sign(new ParticipantRevoked(LedgerFixture.OPERATOR, registrar)), null);
    SignedEntry mark = LedgerFixture.recordMark(registrar, "EM", holder);
    // Accepted against the state before the revocation is sequenced, the mark is then rejected
    // by the sequencer; if the revocation got sequenced first, the intake refuses it at once.
    // Either way the refusal names the revocation and the mark never gets a leaf.
    RuleViolationsException refused =
        assertThrows(
            RuleViolationsException.class,
            () -> {
              Accepted accepted = submit(mark, null);
              intake.awaitSequenced(accepted.submission(), BOUND).await().atMost(BOUND);
            });
    awaitSequenced(revocation);
    assertTrue(
        refused.violations().stream().anyMatch(v -> v.code() == ViolationCode.SUBMITTER_REVOKED),
        refused.violations().toString());
    assertEquals(0, leavesHolding(mark));
  }

  @Test
  void theSameIdempotencyKeyTwiceAnswersTheFirstSubmissionAndAddsOneLeaf() {
    String key = LedgerFixture.freshId("retry");
    SignedEntry entry =
        LedgerFixture.enrol(
            LedgerFixture.freshId("customs"), new ParticipantRole.Customs("FR-CDG"));
    Accepted first = submit(entry, key);
    Accepted again = submit(entry, key);
    assertFalse(first.replayed());
    assertTrue(again.replayed());
    assertEquals(first.submission(), again.submission());
    assertArrayEquals(first.leafHash(), again.leafHash());
    assertEquals(first.receipt(), again.receipt());
    awaitSequenced(first);
    assertTrue(submit(entry, key).replayed(), "also once sequenced");
    assertEquals(1, leavesWithHash(first.leafHash()));
  }

  @Test
  void theSameNaturalKeyAnswersTheFirstSubmissionWithoutAKey() {
    String registrar = LedgerFixture.freshId("ipo-em");
    String holder = LedgerFixture.freshId("brand");
    sequence(LedgerFixture.enrolRegistrar(registrar, "EM"));
    sequence(LedgerFixture.enrol(holder, new ParticipantRole.BrandOwner()));
    String number = LedgerFixture.freshNumber();
    Accepted first = submit(LedgerFixture.recordMark(registrar, "EM", number, holder), null);
    Accepted retry = submit(LedgerFixture.recordMark(registrar, "EM", number, holder), "k1");
    assertTrue(retry.replayed());
    assertEquals(first.submission(), retry.submission());
    awaitSequenced(first);
    Accepted late = submit(LedgerFixture.recordMark(registrar, "EM", number, holder), null);
    assertEquals(first.submission(), late.submission());
    assertEquals(1, leavesWithHash(first.leafHash()));
  }

  @Test
  void anotherEntryUnderAUsedIdempotencyKeyIsAConflictAndStoresNothing() {
    String key = LedgerFixture.freshId("retry");
    SignedEntry one =
        LedgerFixture.enrol(LedgerFixture.freshId("brand"), new ParticipantRole.BrandOwner());
    SignedEntry other =
        LedgerFixture.enrol(LedgerFixture.freshId("brand"), new ParticipantRole.BrandOwner());
    Accepted first = submit(one, key);
    assertThrows(IdempotencyConflictException.class, () -> submit(other, key));
    awaitSequenced(first);
    assertEquals(0, leavesHolding(other));
    assertEquals(0L, submissionsOf(other));
  }

  /**
   * Concurrent submissions share commits (SubmissionInserts): many distinct ones all land, and
   * copies of one statement sent at once, some in the same batch, end as one submission and one
   * leaf.
   */
  @Test
  void concurrentSubmissionsAreEachWrittenOnceWhateverBatchTheyShare() {
    String registrar = LedgerFixture.freshId("ipo-em");
    String holder = LedgerFixture.freshId("brand");
    sequence(LedgerFixture.enrolRegistrar(registrar, "EM"));
    sequence(LedgerFixture.enrol(holder, new ParticipantRole.BrandOwner()));
    List<SignedEntry> distinct = new java.util.ArrayList<>();
    for (int i = 0; i < 120; i++) {
      distinct.add(LedgerFixture.recordMark(registrar, "EM", LedgerFixture.freshNumber(), holder));
    }
    SignedEntry copied =
        LedgerFixture.recordMark(registrar, "EM", LedgerFixture.freshNumber(), holder);
    List<io.smallrye.mutiny.Uni<Accepted>> all = new java.util.ArrayList<>();
    List<Integer> copyPositions = new java.util.ArrayList<>();
    for (int i = 0; i < distinct.size(); i++) {
      all.add(intake.submit(distinct.get(i), null));
      if (i % 6 == 0) {
        copyPositions.add(all.size());
        all.add(intake.submit(copied, null));
      }
    }
    List<Accepted> answers =
        io.smallrye.mutiny.Uni.join().all(all).andFailFast().await().atMost(BOUND);

    List<Accepted> copies = copyPositions.stream().map(answers::get).toList();
    assertEquals(20, copies.size());
    assertEquals(
        1,
        copies.stream().filter(a -> !a.replayed()).count(),
        "one copy is new, the rest replay it");
    assertEquals(1, copies.stream().map(Accepted::submission).distinct().count());
    List<Accepted> fresh = new java.util.ArrayList<>(answers);
    copyPositions.stream()
        .sorted(java.util.Comparator.reverseOrder())
        .forEach(i -> fresh.remove((int) i));
    assertEquals(120, fresh.size());
    assertTrue(fresh.stream().noneMatch(Accepted::replayed));
    assertEquals(120, fresh.stream().map(Accepted::submission).distinct().count());

    awaitSequenced(copies.get(0));
    fresh.forEach(this::awaitSequenced);
    assertEquals(1, leavesHolding(copied));
    for (SignedEntry entry : distinct) {
      assertEquals(1, leavesHolding(entry));
    }
  }

  private Accepted submit(SignedEntry entry, String key) {
    return intake.submit(entry, key).await().atMost(BOUND);
  }

  private Sequenced awaitSequenced(Accepted accepted) {
    Sequenced sequenced =
        intake.awaitSequenced(accepted.submission(), BOUND).await().atMost(BOUND.plusSeconds(5));
    assertNotNull(sequenced, "sequenced within " + BOUND);
    return sequenced;
  }

  private void sequence(SignedEntry entry) {
    awaitSequenced(submit(entry, null));
  }

  private byte[] storedLeafHash(long index) {
    return pool.preparedQuery("SELECT leaf_hash FROM log_entry WHERE index = $1")
        .execute(Tuple.of(index))
        .await()
        .atMost(BOUND)
        .iterator()
        .next()
        .getBuffer(0)
        .getBytes();
  }

  /** How many leaves hold {@code entry}, whatever their time. */
  private long leavesHolding(SignedEntry entry) {
    return pool.preparedQuery("SELECT count(*) FROM log_entry WHERE position($1 in leaf) > 0")
        .execute(Tuple.of(io.vertx.core.buffer.Buffer.buffer(entry.encoded())))
        .await()
        .atMost(BOUND)
        .iterator()
        .next()
        .getLong(0);
  }

  private long leavesWithHash(byte[] leafHash) {
    return pool.preparedQuery("SELECT count(*) FROM log_entry WHERE leaf_hash = $1")
        .execute(Tuple.of(io.vertx.core.buffer.Buffer.buffer(leafHash)))
        .await()
        .atMost(BOUND)
        .iterator()
        .next()
        .getLong(0);
  }

  private long submissionsOf(SignedEntry entry) {
    return pool.preparedQuery("SELECT count(*) FROM submission WHERE entry = $1")
        .execute(Tuple.of(io.vertx.core.buffer.Buffer.buffer(entry.encoded())))
        .await()
        .atMost(BOUND)
        .iterator()
        .next()
        .getLong(0);
  }
}
