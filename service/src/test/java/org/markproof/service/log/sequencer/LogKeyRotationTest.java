package org.markproof.service.log.sequencer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.core.Vertx;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.markproof.contracts.checkpoint.CheckpointVerifier;
import org.markproof.contracts.crypto.Ed25519PrivateKey;
import org.markproof.contracts.entry.ParticipantRole;
import org.markproof.contracts.note.Ed25519NoteVerifier;
import org.markproof.contracts.note.NoteSignature;
import org.markproof.contracts.note.SignedNote;
import org.markproof.contracts.note.SignerKey;
import org.markproof.contracts.note.UnverifiedNoteException;
import org.markproof.contracts.note.VerifierKey;
import org.markproof.service.audit.AuditFinding;
import org.markproof.service.audit.AuditReads;
import org.markproof.service.audit.AuditReport;
import org.markproof.service.audit.LogAuditor;
import org.markproof.service.log.index.IndexMismatchException;
import org.markproof.service.log.index.LedgerIndex;
import org.markproof.service.log.keys.LogKeys;
import org.markproof.service.log.store.LogHead;
import org.markproof.service.log.store.StoredCheckpoint;
import org.markproof.service.testing.LedgerFixture;

/**
 * The log key rotation of docs/operations.md ("Key rotation") on one database, every replica
 * restarted with each step's configuration: key A alone; A primary with B additional (every
 * checkpoint signed by both); B primary with A retired. The index and the audit accept every stored
 * checkpoint throughout, clients holding only A or only B follow the log through the window, and a
 * checkpoint signed by neither key is still refused.
 */
@QuarkusTest
class LogKeyRotationTest {
  private static final String ORIGIN = "rotation.markproof.test/log";
  private static final Duration WAIT = Duration.ofSeconds(30);

  @Inject Vertx vertx;
  @Inject Clock clock;

  @Test
  void rotatesTheLogKeyThroughAWindowSignedByBoth() throws Exception {
    SignerKey a = checkpointKey();
    SignerKey b = checkpointKey();
    SignerKey timestamp =
        SignerKey.of(
            ORIGIN + LogKeys.TIMESTAMP_NAME_SUFFIX,
            VerifierKey.TYPE_COSIGNATURE,
            Ed25519PrivateKey.generate(new SecureRandom()));
    LogKeys alone = LogKeys.of(ORIGIN, a, timestamp);
    LogKeys window = LogKeys.of(ORIGIN, a, List.of(b), List.of(), timestamp);
    LogKeys rotated = LogKeys.of(ORIGIN, b, List.of(), List.of(a.verifierKey()), timestamp);
    CheckpointVerifier clientOfA = CheckpointVerifier.forLog(verifier(a));
    CheckpointVerifier clientOfB = CheckpointVerifier.forLog(verifier(b));

    IsolatedLog log = IsolatedLog.create(vertx, alone, clock);
    try {
      // 1. Key A alone.
      log.startSequencer("a");
      log.submitAndAwait(LedgerFixture.genesis());
      appendOne(log);

      // 2. A primary, B additional: every replica restarted; the index opens A's checkpoints.
      log = log.restartWith(window);
      log.index.catchUp();
      assertTrue(log.index.isCaughtUp());
      // A replica already on step 3's configuration would accept them too (A retired).
      LedgerIndex early = new LedgerIndex(log.store, rotated);
      early.catchUp();
      assertTrue(early.isCaughtUp());
      log.startSequencer("ab");
      appendOne(log);
      appendOne(log);
      byte[] both = latestNote(log);
      assertEquals(4, clientOfA.open(both).checkpoint().size(), "a client holding only A");
      assertEquals(4, clientOfB.open(both).checkpoint().size(), "a client holding only B");

      // 3. B primary, A retired.
      log = log.restartWith(rotated);
      log.index.catchUp();
      assertTrue(log.index.isCaughtUp(), "the index opens the window's checkpoints with B");
      log.startSequencer("b");
      appendOne(log);
      appendOne(log);
      byte[] afterRotation = latestNote(log);
      assertEquals(6, clientOfB.open(afterRotation).checkpoint().size());
      assertThrows(UnverifiedNoteException.class, () -> clientOfA.open(afterRotation));

      List<StoredCheckpoint> stored = log.store.checkpoints(0, 6).await().atMost(WAIT);
      Set<String> signerSets = new TreeSet<>();
      for (StoredCheckpoint checkpoint : stored) {
        signerSets.add(logSigners(checkpoint, a, b));
      }
      assertEquals(
          Set.of("A", "A+B", "B"), signerSets, "the stored log holds checkpoints of each step");
      for (StoredCheckpoint checkpoint : stored) {
        rotated.openCheckpoint(checkpoint.note().getBytes(StandardCharsets.UTF_8));
      }
      AuditReport report = audit(log, rotated);
      assertTrue(report.ok(), report.toString());
      assertEquals(stored.size(), report.checkpointsChecked());
      // The audit does look at the signatures: with A alone, B's checkpoints fail it.
      AuditReport withAOnly = audit(log, alone);
      assertFalse(withAOnly.ok());
      assertTrue(
          withAOnly.findings().stream()
              .allMatch(f -> f.code().equals(AuditFinding.Code.CHECKPOINT_SIGNATURE.code())),
          withAOnly.toString());

      // A checkpoint signed by neither A nor B, under the log's origin, is still refused.
      log = log.restartWith(rotated);
      LogHead head = log.store.head().await().atMost(WAIT);
      LogKeys impostor = LogKeys.of(ORIGIN, checkpointKey(), timestamp);
      Instant at = Instant.ofEpochSecond(clock.instant().getEpochSecond() + 5);
      log.store
          .storeCheckpoint(
              new StoredCheckpoint(
                  head.size(),
                  head.root(),
                  impostor.signCheckpoint(head.size(), head.root(), at).format(),
                  at))
          .await()
          .atMost(WAIT);
      LedgerIndex restarted = new LedgerIndex(log.store, rotated);
      IndexMismatchException refused =
          assertThrows(IndexMismatchException.class, restarted::catchUp);
      assertTrue(refused.getMessage().contains("does not verify"), refused.getMessage());
      assertFalse(restarted.isCaughtUp());
      AuditReport forged = audit(log, rotated);
      assertFalse(forged.ok());
      assertEquals(head.size(), forged.firstBadCheckpointSize());
      assertEquals(AuditFinding.Code.CHECKPOINT_SIGNATURE.code(), forged.findings().get(0).code());
    } finally {
      log.close();
    }
  }

  private static void appendOne(IsolatedLog log) {
    log.submitAndAwait(
        LedgerFixture.enrol(LedgerFixture.freshId("rotation"), new ParticipantRole.BrandOwner()));
  }

  private static byte[] latestNote(IsolatedLog log) {
    return log.store
        .latestCheckpoint()
        .await()
        .atMost(WAIT)
        .note()
        .getBytes(StandardCharsets.UTF_8);
  }

  private static AuditReport audit(IsolatedLog log, LogKeys keys) {
    return new LogAuditor(log.store, new AuditReads(log.database.pool()), keys)
        .audit()
        .await()
        .atMost(WAIT);
  }

  /** Which of A and B signed a stored checkpoint, as "A", "A+B" or "B". */
  private static String logSigners(StoredCheckpoint checkpoint, SignerKey a, SignerKey b)
      throws Exception {
    SignedNote note = SignedNote.parse(checkpoint.note().getBytes(StandardCharsets.UTF_8));
    List<String> signers = new ArrayList<>();
    for (NoteSignature signature : note.signatures()) {
      if (signature.isBy(ORIGIN, a.verifierKey().keyId())) {
        signers.add("A");
      } else if (signature.isBy(ORIGIN, b.verifierKey().keyId())) {
        signers.add("B");
      }
    }
    return String.join("+", signers);
  }

  private static SignerKey checkpointKey() throws Exception {
    return SignerKey.of(
        ORIGIN, VerifierKey.TYPE_ED25519, Ed25519PrivateKey.generate(new SecureRandom()));
  }

  private static Ed25519NoteVerifier verifier(SignerKey key) throws Exception {
    return Ed25519NoteVerifier.fromKey(key.verifierKey());
  }
}
