package org.markproof.service.log.sequencer;

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
import org.markproof.contracts.note.SignerKey;
import org.markproof.contracts.note.VerifierKey;
import org.markproof.service.log.index.IndexMismatchException;
import org.markproof.service.log.index.LedgerIndex;
import org.markproof.service.log.keys.LogKeys;
import org.markproof.service.log.store.LogHead;
import org.markproof.service.log.store.StoredCheckpoint;
import org.markproof.service.testing.LedgerFixture;

/**
 * The index vouches only for a log it could verify: a stored checkpoint not signed by the log's
 * key, or over another root, stops it (and the replica's readiness) instead of being served.
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
}
