package org.markproof.service.log.keys;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.markproof.contracts.MalformedDataException;
import org.markproof.contracts.VerificationException;
import org.markproof.contracts.checkpoint.Checkpoint;
import org.markproof.contracts.checkpoint.CheckpointVerifier;
import org.markproof.contracts.checkpoint.Ed25519CosignatureSigner;
import org.markproof.contracts.checkpoint.Ed25519CosignatureVerifier;
import org.markproof.contracts.checkpoint.VerifiedCheckpoint;
import org.markproof.contracts.note.Ed25519NoteSigner;
import org.markproof.contracts.note.Ed25519NoteVerifier;
import org.markproof.contracts.note.NoteSignature;
import org.markproof.contracts.note.NoteVerifier;
import org.markproof.contracts.note.NoteVerifiers;
import org.markproof.contracts.note.SignedNote;
import org.markproof.contracts.note.SignerKey;
import org.markproof.contracts.note.UnverifiedNoteException;
import org.markproof.contracts.note.VerifierKey;

/**
 * The log's two keys and its origin.
 *
 * <ul>
 *   <li>The <b>checkpoint signer</b>: a c2sp.org/signed-note Ed25519 key (type 0x01) whose name is
 *       the origin, so that {@code CheckpointVerifier.forLog(key)} opens the log's checkpoints
 *       (c2sp.org/tlog-policy requires the log key's name to be the origin).
 *   <li>The <b>timestamp key</b>: an Ed25519 c2sp.org/tlog-cosignature/v1 key (type 0x04). The log
 *       cosigns each of its own checkpoints with it, which gives every checkpoint a signed
 *       timestamp, and signs submission receipts ({@link SubmissionReceipt}).
 * </ul>
 *
 * <p>Through a key rotation (docs/operations.md "Key rotation") the log has more than one
 * checkpoint key, all named after the origin and told apart by their key ids: <b>additional
 * signers</b> sign every checkpoint next to the primary one (a c2sp.org/signed-note carries several
 * signatures, and a client that knows only one of the keys ignores the others), and <b>retired
 * keys</b>, public halves only, sign nothing any more but still open the checkpoints they signed. A
 * checkpoint of this log is one signed by any of them ({@link #openCheckpoint}).
 *
 * <p>A <b>verifier-only</b> service ({@link #verifierOnly}, docs/operations.md "Restore drill")
 * holds the public halves alone: it opens the log's checkpoints like any other replica, and every
 * attempt to sign as the log ({@link #signCheckpoint}, receipts) throws {@link
 * LogReadOnlyException}, so that a copy of the database can be served and audited without the keys
 * that could fork the log.
 */
public final class LogKeys {
  /** The suffix of the timestamp key's name: {@code <origin>/timestamp}. */
  public static final String TIMESTAMP_NAME_SUFFIX = "/timestamp";

  private final String origin;
  private final Ed25519NoteVerifier checkpointVerifier;
  private final List<Ed25519NoteVerifier> additionalVerifiers;
  private final List<Ed25519NoteVerifier> retiredVerifiers;
  private final Optional<Ed25519CosignatureVerifier> timestampVerifier;
  private final Optional<Signers> signers;
  private final List<CheckpointVerifier> checkpointVerifiers;
  private final NoteVerifiers verifiers;

  /** The private halves of a log that signs: the primary, the additional and the timestamp key. */
  private record Signers(
      Ed25519NoteSigner checkpoint,
      List<Ed25519NoteSigner> additional,
      Ed25519CosignatureSigner timestamp) {}

  private LogKeys(
      String origin,
      List<Ed25519NoteVerifier> currentVerifiers,
      List<Ed25519NoteVerifier> retiredVerifiers,
      Optional<Ed25519CosignatureVerifier> timestampVerifier,
      Optional<Signers> signers)
      throws MalformedDataException {
    this.origin = origin;
    this.checkpointVerifier = currentVerifiers.get(0);
    this.additionalVerifiers = List.copyOf(currentVerifiers.subList(1, currentVerifiers.size()));
    this.retiredVerifiers = List.copyOf(retiredVerifiers);
    this.timestampVerifier = timestampVerifier;
    this.signers = signers;
    List<Ed25519NoteVerifier> checkpointKeys = new ArrayList<>(currentVerifiers);
    checkpointKeys.addAll(retiredVerifiers);
    List<CheckpointVerifier> opening = new ArrayList<>();
    for (Ed25519NoteVerifier key : checkpointKeys) {
      opening.add(CheckpointVerifier.forLog(key, origin));
    }
    this.checkpointVerifiers = List.copyOf(opening);
    List<NoteVerifier> all = new ArrayList<>(checkpointKeys);
    timestampVerifier.ifPresent(all::add);
    this.verifiers = NoteVerifiers.of(all);
  }

  /**
   * Binds the two keys to {@code origin}.
   *
   * @throws IllegalArgumentException if the checkpoint key's name is not {@code origin}, or the
   *     origin is not a valid checkpoint origin line
   */
  public static LogKeys of(String origin, SignerKey checkpointKey, SignerKey timestampKey) {
    return of(origin, checkpointKey, List.of(), List.of(), timestampKey);
  }

  /**
   * Binds the keys of a log in a key rotation to {@code origin}: the primary checkpoint key, the
   * additional keys that sign every checkpoint with it, and the retired keys (verifier keys) whose
   * old checkpoints still open.
   *
   * @throws IllegalArgumentException if a checkpoint key is not an Ed25519 note key (type 0x01)
   *     named {@code origin}, a key is given twice or is both signing and retired, or the origin is
   *     not a valid checkpoint origin line
   */
  public static LogKeys of(
      String origin,
      SignerKey checkpointKey,
      List<SignerKey> additionalCheckpointKeys,
      List<VerifierKey> retiredCheckpointKeys,
      SignerKey timestampKey) {
    LogKeyChecks.requireOrigin(origin);
    List<VerifierKey> seen = new ArrayList<>();
    LogKeyChecks.requireLogKey(
        "checkpoint signer key", checkpointKey.verifierKey(), origin, seen, "a signer");
    for (SignerKey additional : additionalCheckpointKeys) {
      LogKeyChecks.requireLogKey(
          "additional checkpoint signer key", additional.verifierKey(), origin, seen, "a signer");
    }
    for (VerifierKey retired : retiredCheckpointKeys) {
      LogKeyChecks.requireLogKey(
          "retired checkpoint verifier key", retired, origin, seen, "signing");
    }
    try {
      List<Ed25519NoteSigner> signing = new ArrayList<>();
      signing.add(Ed25519NoteSigner.fromKey(checkpointKey));
      for (SignerKey key : additionalCheckpointKeys) {
        signing.add(Ed25519NoteSigner.fromKey(key));
      }
      Ed25519CosignatureSigner timestamp =
          Ed25519CosignatureSigner.of(
              timestampKey.name(), timestampKey.privateKey(), Clock.systemUTC());
      return new LogKeys(
          origin,
          signing.stream().map(Ed25519NoteSigner::verifier).toList(),
          verifiersOf(retiredCheckpointKeys),
          Optional.of(timestamp.verifier()),
          Optional.of(
              new Signers(
                  signing.get(0), List.copyOf(signing.subList(1, signing.size())), timestamp)));
    } catch (MalformedDataException e) {
      throw new IllegalArgumentException("log keys: " + e.getMessage(), e);
    }
  }

  /**
   * The keys of a verifier-only service: the log's checkpoint verifier keys (the first one is
   * published as the primary key, the others as additional keys), the retired ones, and optionally
   * the timestamp key's verifier (type 0x04), which opens the log's timestamp cosignatures. Nothing
   * can be signed with them.
   *
   * @throws IllegalArgumentException if no checkpoint key is given, one is not an Ed25519 note key
   *     (type 0x01) named {@code origin} or is given twice, the timestamp key is not a
   *     tlog-cosignature key, or the origin is not a valid checkpoint origin line
   */
  public static LogKeys verifierOnly(
      String origin,
      List<VerifierKey> checkpointKeys,
      List<VerifierKey> retiredCheckpointKeys,
      Optional<VerifierKey> timestampKey) {
    if (checkpointKeys.isEmpty()) {
      throw new IllegalArgumentException("a verifier-only log needs its checkpoint verifier key");
    }
    LogKeyChecks.requireOrigin(origin);
    List<VerifierKey> seen = new ArrayList<>();
    for (VerifierKey key : checkpointKeys) {
      LogKeyChecks.requireLogKey("checkpoint verifier key", key, origin, seen, "a verifier key");
    }
    for (VerifierKey retired : retiredCheckpointKeys) {
      LogKeyChecks.requireLogKey(
          "retired checkpoint verifier key", retired, origin, seen, "a verifier key");
    }
    try {
      Optional<Ed25519CosignatureVerifier> timestamp = Optional.empty();
      if (timestampKey.isPresent()) {
        if (timestampKey.get().type() != VerifierKey.TYPE_COSIGNATURE) {
          throw new IllegalArgumentException(
              "the timestamp verifier key "
                  + timestampKey.get().text()
                  + " is not a tlog-cosignature key (type 0x04)");
        }
        timestamp = Optional.of(Ed25519CosignatureVerifier.fromKey(timestampKey.get()));
      }
      return new LogKeys(
          origin,
          verifiersOf(checkpointKeys),
          verifiersOf(retiredCheckpointKeys),
          timestamp,
          Optional.empty());
    } catch (MalformedDataException e) {
      throw new IllegalArgumentException("log keys: " + e.getMessage(), e);
    }
  }

  private static List<Ed25519NoteVerifier> verifiersOf(List<VerifierKey> keys)
      throws MalformedDataException {
    List<Ed25519NoteVerifier> verifiers = new ArrayList<>();
    for (VerifierKey key : keys) {
      verifiers.add(Ed25519NoteVerifier.fromKey(key));
    }
    return verifiers;
  }

  /** The checkpoint origin line, also the checkpoint key's name. */
  public String origin() {
    return origin;
  }

  /** The verifier of the primary checkpoint key's signatures (type 0x01). */
  public Ed25519NoteVerifier checkpointVerifier() {
    return checkpointVerifier;
  }

  /** The verifiers of the additional checkpoint keys, which sign every checkpoint too. */
  public List<Ed25519NoteVerifier> additionalVerifiers() {
    return additionalVerifiers;
  }

  /** The retired checkpoint keys: they sign nothing now, but open the checkpoints they signed. */
  public List<Ed25519NoteVerifier> retiredVerifiers() {
    return retiredVerifiers;
  }

  /**
   * The verifier of the log's own timestamp cosignatures and of receipts (type 0x04).
   *
   * @throws IllegalStateException on a verifier-only service configured without it ({@link
   *     #knownTimestampVerifier})
   */
  public Ed25519CosignatureVerifier timestampVerifier() {
    return timestampVerifier.orElseThrow(
        () -> new IllegalStateException("no timestamp verifier key is configured"));
  }

  /** The timestamp key's verifier, when known: always on a signing service. */
  public Optional<Ed25519CosignatureVerifier> knownTimestampVerifier() {
    return timestampVerifier;
  }

  /** Whether this service holds no signer key of the log and so signs nothing as the log. */
  public boolean isVerifierOnly() {
    return signers.isEmpty();
  }

  /**
   * {@code signing}, or {@code verifier-only} ({@link #isVerifierOnly}): how {@code GET
   * /v1/log/key} and the readiness check name what this service is.
   */
  public String mode() {
    return isVerifierOnly() ? "verifier-only" : "signing";
  }

  /** Every checkpoint key's verifier and the timestamp key's, to open notes this log signed. */
  public NoteVerifiers verifiers() {
    return verifiers;
  }

  /**
   * Signs the checkpoint of {@code size} and {@code root}: the primary key's note signature, one by
   * each additional key, then the timestamp cosignature as of {@code signedAt}
   * (c2sp.org/tlog-cosignature §Format).
   *
   * @throws LogReadOnlyException on a verifier-only service
   */
  public SignedNote signCheckpoint(long size, byte[] root, Instant signedAt) {
    Signers keys = signers();
    String text = Checkpoint.of(origin, size, root).format();
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    List<NoteSignature> signatures = new ArrayList<>(2 + keys.additional().size());
    signatures.add(
        new NoteSignature(
            keys.checkpoint().name(), keys.checkpoint().keyId(), keys.checkpoint().sign(bytes)));
    for (Ed25519NoteSigner additional : keys.additional()) {
      signatures.add(
          new NoteSignature(additional.name(), additional.keyId(), additional.sign(bytes)));
    }
    signatures.add(timestamp(bytes, signedAt));
    return new SignedNote(text, signatures);
  }

  /**
   * Opens a checkpoint of this log, as stored or as reported: it must carry a signature by one of
   * the log's checkpoint keys (primary, additional or retired), every signature by any of those
   * keys or by the timestamp key must verify (c2sp.org/signed-note: a known key's bad signature
   * rejects the note, whatever else verifies), and its origin must be this log's. Signatures by
   * other keys are ignored.
   *
   * @throws MalformedDataException if the note or its checkpoint text is malformed
   * @throws VerificationException if no log key signed it ({@link UnverifiedNoteException}), a
   *     known key's signature fails, or the origin is another log's
   */
  public VerifiedCheckpoint openCheckpoint(byte[] note)
      throws MalformedDataException, VerificationException {
    SignedNote parsed = SignedNote.parse(note);
    for (CheckpointVerifier verifier : checkpointVerifiers) {
      NoteVerifier key = verifier.logKey();
      if (parsed.signatures().stream().anyMatch(s -> s.isBy(key.name(), key.keyId()))) {
        return verifier.verify(parsed, verifiers);
      }
    }
    throw new UnverifiedNoteException(
        "checkpoint: no signature by any of the log's keys ("
            + checkpointVerifiers.stream()
                .map(v -> v.logKey().name() + "+" + VerifierKey.hexKeyId(v.logKey().keyId()))
                .toList()
            + ")",
        parsed);
  }

  /**
   * A tlog-cosignature/v1 signature line by the timestamp key over {@code text} at {@code at}.
   *
   * @throws LogReadOnlyException on a verifier-only service
   */
  NoteSignature timestamp(byte[] text, Instant at) {
    Ed25519CosignatureSigner timestamp = signers().timestamp();
    return new NoteSignature(
        timestamp.name(), timestamp.keyId(), timestamp.sign(text, at.getEpochSecond()));
  }

  private Signers signers() {
    return signers.orElseThrow(LogReadOnlyException::new);
  }

  /** Never prints key material. */
  @Override
  public String toString() {
    return "LogKeys["
        + checkpointVerifier.verifierKey().text()
        + (isVerifierOnly() ? ", verifier-only" : "")
        + "]";
  }
}
