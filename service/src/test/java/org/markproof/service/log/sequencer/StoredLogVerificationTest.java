package org.markproof.service.log.sequencer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.core.Vertx;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.markproof.contracts.crypto.Ed25519PrivateKey;
import org.markproof.contracts.entry.ParticipantRole;
import org.markproof.contracts.note.SignerKey;
import org.markproof.contracts.note.VerifierKey;
import org.markproof.service.log.index.IndexMismatchException;
import org.markproof.service.log.index.LedgerIndex;
import org.markproof.service.log.keys.LogKeys;
import org.markproof.service.log.store.LogHead;
import org.markproof.service.log.store.StoredCheckpoint;
import org.markproof.service.testing.LedgerFixture;

/**
 * The log engine trusts nothing it reads back without checking it: the index vouches only for a log
 * it could verify (a stored checkpoint not signed by the log's key stops it, and the replica's
 * readiness, instead of being served), and the sequencer refuses a pending row the intake could not
 * have written instead of appending it or stalling on it.
 */
@QuarkusTest
class StoredLogVerificationTest {
  @Inject Vertx vertx;
  @Inject LogKeys keys;
  @Inject Clock clock;

  @Test
  void refusesAStoredCheckpointSignedByAnotherKey() throws Exception {
    try (IsolatedLog log = IsolatedLog.create(vertx, keys, clock)) {
      Sequencer sequencer = log.startSequencer("a");
      log.submitAndAwait(LedgerFixture.genesis());
      sequencer.stop(Duration.ofSeconds(30));
      LogHead head = log.store.head().await().atMost(Duration.ofSeconds(10));
      SecureRandom random = new SecureRandom();
      LogKeys impostor =
          LogKeys.of(
              keys.origin(),
              SignerKey.of(
                  keys.origin(), VerifierKey.TYPE_ED25519, Ed25519PrivateKey.generate(random)),
              SignerKey.of(
                  keys.origin() + "/timestamp",
                  VerifierKey.TYPE_COSIGNATURE,
                  Ed25519PrivateKey.generate(random)));
      Instant at = Instant.ofEpochSecond(clock.instant().getEpochSecond() + 5);
      String forged = impostor.signCheckpoint(head.size(), head.root(), at).format();
      log.store
          .storeCheckpoint(new StoredCheckpoint(head.size(), head.root(), forged, at))
          .await()
          .atMost(Duration.ofSeconds(10));

      LedgerIndex restarted = new LedgerIndex(log.store, keys);
      assertThrows(IndexMismatchException.class, restarted::catchUp);
      assertFalse(restarted.isCaughtUp());
      assertTrue(restarted.failure().isPresent());
    }
  }

  @Test
  void aPendingRowTheIntakeCouldNotHaveWrittenIsRefusedAndDoesNotBlockTheQueue() {
    try (IsolatedLog log = IsolatedLog.create(vertx, keys, clock)) {
      log.startSequencer("a");
      log.submitAndAwait(LedgerFixture.genesis());
      String id = java.util.UUID.randomUUID().toString();
      log.database.execute(
          "INSERT INTO submission (id, kind, submitter, entry, leaf_hash, status, created_at)"
              + " VALUES ('"
              + id
              + "', 'participant.enrolled', 'x', convert_to('{\"not\":\"an entry\"}', 'UTF8'),"
              + " sha256('x'::bytea), 'pending', now() - interval '1 second')");

      log.submitAndAwait(
          LedgerFixture.enrol(LedgerFixture.freshId("brand"), new ParticipantRole.BrandOwner()));

      var row =
          log.database
              .pool()
              .query("SELECT status, result->>'error' FROM submission WHERE id = '" + id + "'")
              .execute()
              .await()
              .atMost(Duration.ofSeconds(10))
              .iterator()
              .next();
      assertEquals("rejected", row.getString(0));
      assertTrue(row.getString(1).contains("malformed entry"), row.getString(1));
      assertEquals(2, log.store.head().await().atMost(Duration.ofSeconds(10)).size());
    }
  }
}
