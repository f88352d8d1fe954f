package org.markproof.service.log.keys;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
 */
public final class LogKeys {
  /** The suffix of the timestamp key's name: {@code <origin>/timestamp}. */
  public static final String TIMESTAMP_NAME_SUFFIX = "/timestamp";

  private final String origin;
  private final Ed25519NoteSigner checkpointSigner;
  private final List<Ed25519NoteSigner> additionalSigners;
  private final List<Ed25519NoteVerifier> retiredVerifiers;
  private final Ed25519CosignatureSigner timestampSigner;
  private final List<CheckpointVerifier> checkpointVerifiers;
  private final NoteVerifiers verifiers;

  private LogKeys(
      String origin,
      Ed25519NoteSigner checkpointSigner,
      List<Ed25519NoteSigner> additionalSigners,
      List<Ed25519NoteVerifier> retiredVerifiers,
      Ed25519CosignatureSigner timestampSigner)
      throws MalformedDataException {
    this.origin = origin;
    this.checkpointSigner = checkpointSigner;
    this.additionalSigners = List.copyOf(additionalSigners);
    this.retiredVerifiers = List.copyOf(retiredVerifiers);
    this.timestampSigner = timestampSigner;
    List<Ed25519NoteVerifier> checkpointKeys = new ArrayList<>();
    checkpointKeys.add(checkpointSigner.verifier());
    additionalSigners.forEach(s -> checkpointKeys.add(s.verifier()));
    checkpointKeys.addAll(retiredVerifiers);
    List<CheckpointVerifier> opening = new ArrayList<>();
    for (Ed25519NoteVerifier key : checkpointKeys) {
      opening.add(CheckpointVerifier.forLog(key, origin));
    }
    this.checkpointVerifiers = List.copyOf(opening);
    List<NoteVerifier> all = new ArrayList<>(checkpointKeys);
    all.add(timestampSigner.verifier());
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
    if (!checkpointKey.name().equals(origin)) {
      throw new IllegalArgumentException(
          "the checkpoint signer key is named "
              + checkpointKey.name()
              + " but the log's origin is "
              + origin
              + ": set markproof.log.origin to the key's name, or use a key named after the origin");
    }
    if (origin.startsWith(SubmissionReceipt.HEADER)) {
      throw new IllegalArgumentException("origin " + origin + " is reserved for receipts");
    }
    List<VerifierKey> seen = new ArrayList<>(List.of(checkpointKey.verifierKey()));
    for (SignerKey additional : additionalCheckpointKeys) {
      requireRotatedKey(
          "additional checkpoint signer key", additional.verifierKey(), origin, seen, "a signer");
      seen.add(additional.verifierKey());
    }
    for (VerifierKey retired : retiredCheckpointKeys) {
      requireRotatedKey("retired checkpoint verifier key", retired, origin, seen, "signing");
      seen.add(retired);
    }
    try {
      Checkpoint.of(origin, 0, new byte[32]);
      List<Ed25519NoteSigner> additional = new ArrayList<>();
      for (SignerKey key : additionalCheckpointKeys) {
        additional.add(Ed25519NoteSigner.fromKey(key));
      }
      List<Ed25519NoteVerifier> retired = new ArrayList<>();
      for (VerifierKey key : retiredCheckpointKeys) {
        retired.add(Ed25519NoteVerifier.fromKey(key));
      }
      return new LogKeys(
          origin,
          Ed25519NoteSigner.fromKey(checkpointKey),
          additional,
          retired,
          Ed25519CosignatureSigner.of(
              timestampKey.name(), timestampKey.privateKey(), Clock.systemUTC()));
    } catch (MalformedDataException e) {
      throw new IllegalArgumentException("log keys: " + e.getMessage(), e);
    }
  }

  private static void requireRotatedKey(
      String role, VerifierKey key, String origin, List<VerifierKey> seen, String already) {
    if (key.type() != VerifierKey.TYPE_ED25519) {
      throw new IllegalArgumentException(
          "the " + role + " " + key.text() + " is not an Ed25519 note key (type 0x01)");
    }
    if (!key.name().equals(origin)) {
      throw new IllegalArgumentException(
          "the "
              + role
              + " "
              + key.text()
              + " is named "
              + key.name()
              + " but the log's origin is "
              + origin
              + ": a rotated log key keeps the origin as its name (only the key id changes)");
    }
    if (seen.contains(key)) {
      throw new IllegalArgumentException(
          "the " + role + " " + key.text() + " is configured twice, or is also " + already);
    }
  }

  /** The checkpoint origin line, also the checkpoint key's name. */
  public String origin() {
    return origin;
  }

  /** The verifier of the primary checkpoint key's signatures (type 0x01). */
  public Ed25519NoteVerifier checkpointVerifier() {
    return checkpointSigner.verifier();
  }

  /** The verifiers of the additional checkpoint keys, which sign every checkpoint too. */
  public List<Ed25519NoteVerifier> additionalVerifiers() {
    return additionalSigners.stream().map(Ed25519NoteSigner::verifier).toList();
  }

  /** The retired checkpoint keys: they sign nothing now, but open the checkpoints they signed. */
  public List<Ed25519NoteVerifier> retiredVerifiers() {
    return retiredVerifiers;
  }

  /** The verifier of the log's own timestamp cosignatures and of receipts (type 0x04). */
  public Ed25519CosignatureVerifier timestampVerifier() {
    return timestampSigner.verifier();
  }

  /** Every checkpoint key's verifier and the timestamp key's, to open notes this log signed. */
  public NoteVerifiers verifiers() {
    return verifiers;
  }

  /**
   * Signs the checkpoint of {@code size} and {@code root}: the primary key's note signature, one by
   * each additional key, then the timestamp cosignature as of {@code signedAt}
   * (c2sp.org/tlog-cosignature §Format).
   */
  public SignedNote signCheckpoint(long size, byte[] root, Instant signedAt) {
    String text = Checkpoint.of(origin, size, root).format();
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    List<NoteSignature> signatures = new ArrayList<>(2 + additionalSigners.size());
    signatures.add(
        new NoteSignature(
            checkpointSigner.name(), checkpointSigner.keyId(), checkpointSigner.sign(bytes)));
    for (Ed25519NoteSigner additional : additionalSigners) {
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

  /** A tlog-cosignature/v1 signature line by the timestamp key over {@code text} at {@code at}. */
  NoteSignature timestamp(byte[] text, Instant at) {
    return new NoteSignature(
        timestampSigner.name(),
        timestampSigner.keyId(),
        timestampSigner.sign(text, at.getEpochSecond()));
  }

  /** Never prints key material. */
  @Override
  public String toString() {
    return "LogKeys[" + checkpointVerifier().verifierKey().text() + "]";
  }
}
