package org.markproof.edge.sync;

import java.time.Instant;
import java.util.Optional;
import org.markproof.contracts.MalformedDataException;
import org.markproof.contracts.VerificationException;
import org.markproof.contracts.checkpoint.CheckpointVerifier;
import org.markproof.contracts.checkpoint.Cosignature;
import org.markproof.contracts.checkpoint.Ed25519CosignatureVerifier;
import org.markproof.contracts.checkpoint.TlogPolicy;
import org.markproof.contracts.checkpoint.VerifiedCheckpoint;
import org.markproof.contracts.note.NoteVerifiers;

/**
 * Opens the checkpoints a sync is offered: the pinned log key must have signed it, the witnesses of
 * an optional c2sp.org/tlog-policy must meet its quorum, and, when the log's timestamp key is
 * pinned too, the log's own c2sp.org/tlog-cosignature timestamp must verify: it says when the log
 * signed the checkpoint, which the post's freshness then rests on instead of its own clock.
 */
public final class CheckpointOpener {
  private final CheckpointVerifier log;
  private final Optional<TlogPolicy> policy;
  private final Optional<Ed25519CosignatureVerifier> timestampKey;

  public CheckpointOpener(
      CheckpointVerifier log,
      Optional<TlogPolicy> policy,
      Optional<Ed25519CosignatureVerifier> timestampKey) {
    this.log = log;
    this.policy = policy;
    this.timestampKey = timestampKey;
  }

  /** A checkpoint that opened, with the log's signed timestamp when its key is pinned. */
  public record Opened(VerifiedCheckpoint checkpoint, Optional<Instant> signedAt) {}

  /**
   * Opens {@code note}.
   *
   * @throws MalformedDataException if it is not a signed checkpoint note
   * @throws VerificationException if the log's signature, a known witness's cosignature, the
   *     policy's quorum or the pinned timestamp cosignature fails or is missing
   */
  public Opened open(byte[] note) throws MalformedDataException, VerificationException {
    NoteVerifiers known =
        policy.isPresent() ? policy.get().witnessVerifiers() : NoteVerifiers.none();
    if (timestampKey.isPresent()) {
      known = known.with(NoteVerifiers.of(timestampKey.get()));
    }
    VerifiedCheckpoint opened = log.open(note, known);
    if (policy.isPresent()) {
      policy.get().requireQuorum(opened.note());
    }
    if (timestampKey.isEmpty()) {
      return new Opened(opened, Optional.empty());
    }
    Ed25519CosignatureVerifier key = timestampKey.get();
    Optional<Cosignature> timestamp =
        opened.cosignatures().stream()
            .filter(c -> c.name().equals(key.name()) && c.keyId() == key.keyId())
            .findFirst();
    if (timestamp.isEmpty()) {
      throw new VerificationException(
          "checkpoint: no timestamp cosignature by the pinned key " + key.verifierKey().text());
    }
    return new Opened(opened, Optional.of(Instant.ofEpochSecond(timestamp.get().timestamp())));
  }
}
