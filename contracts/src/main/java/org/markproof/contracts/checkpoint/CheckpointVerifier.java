package org.markproof.contracts.checkpoint;

import java.util.ArrayList;
import java.util.List;
import org.markproof.contracts.MalformedDataException;
import org.markproof.contracts.note.NoteSignature;
import org.markproof.contracts.note.NoteSignatureException;
import org.markproof.contracts.note.NoteVerifier;
import org.markproof.contracts.note.NoteVerifiers;
import org.markproof.contracts.note.SignedNote;
import org.markproof.contracts.note.UnverifiedNoteException;
import org.markproof.contracts.note.VerifiedNote;

/**
 * Opens checkpoints of one log: the signed note must carry a valid signature by the log's key,
 * every signature by another known key (witnesses) must verify too, and the note text must be a
 * checkpoint of the expected origin (c2sp.org/tlog-checkpoint).
 *
 * <p>Origin rule: c2sp.org/tlog-checkpoint says the log's key name SHOULD match the origin line,
 * and c2sp.org/tlog-policy makes it a MUST, so by default the expected origin is the key name. Logs
 * that differ, such as Go's checksum database (key {@code sum.golang.org}, origin {@code go.sum
 * database tree}), are opened with the origin given explicitly. Either way the origin is compared
 * exactly.
 */
public final class CheckpointVerifier {
  private final NoteVerifier logKey;
  private final String origin;
  private final NoteVerifiers logOnly;

  private CheckpointVerifier(NoteVerifier logKey, String origin) throws MalformedDataException {
    this.logKey = logKey;
    this.origin = origin;
    this.logOnly = NoteVerifiers.of(logKey);
  }

  /**
   * Opens checkpoints signed by {@code logKey} whose origin is the key name.
   *
   * @throws MalformedDataException never in practice: a single key is never ambiguous
   */
  public static CheckpointVerifier forLog(NoteVerifier logKey) throws MalformedDataException {
    return new CheckpointVerifier(logKey, logKey.name());
  }

  /**
   * Opens checkpoints signed by {@code logKey} whose origin is {@code origin}.
   *
   * @throws MalformedDataException if {@code origin} cannot be a checkpoint origin line
   */
  public static CheckpointVerifier forLog(NoteVerifier logKey, String origin)
      throws MalformedDataException {
    if (origin == null || origin.isEmpty() || origin.indexOf('\n') >= 0) {
      throw new MalformedDataException("checkpoint origin: empty or more than one line");
    }
    return new CheckpointVerifier(logKey, origin);
  }

  /** The log's key. */
  public NoteVerifier logKey() {
    return logKey;
  }

  /** The expected origin line. */
  public String origin() {
    return origin;
  }

  /**
   * Opens a checkpoint signed by the log; signatures by other keys are ignored.
   *
   * @throws MalformedDataException if the note or its checkpoint text is malformed
   * @throws NoteSignatureException if the log's signature does not verify
   * @throws UnverifiedNoteException if there is no signature by the log's key
   * @throws OriginMismatchException if the checkpoint is of another origin
   */
  public VerifiedCheckpoint open(byte[] note)
      throws MalformedDataException,
          NoteSignatureException,
          UnverifiedNoteException,
          OriginMismatchException {
    return verify(SignedNote.parse(note), NoteVerifiers.none());
  }

  /**
   * Opens a checkpoint signed by the log, verifying the cosignatures of known {@code witnesses}. A
   * known witness whose signature fails rejects the whole checkpoint (c2sp.org/signed-note).
   *
   * @throws MalformedDataException if the note or its checkpoint text is malformed, or a witness
   *     key collides with the log key
   * @throws NoteSignatureException if the log's or a known witness's signature does not verify
   * @throws UnverifiedNoteException if there is no signature by the log's key
   * @throws OriginMismatchException if the checkpoint is of another origin
   */
  public VerifiedCheckpoint open(byte[] note, NoteVerifiers witnesses)
      throws MalformedDataException,
          NoteSignatureException,
          UnverifiedNoteException,
          OriginMismatchException {
    return verify(SignedNote.parse(note), witnesses);
  }

  /**
   * Verifies a parsed checkpoint note, as {@link #open(byte[], NoteVerifiers)}.
   *
   * @throws MalformedDataException as {@link #open(byte[], NoteVerifiers)}
   * @throws NoteSignatureException as {@link #open(byte[], NoteVerifiers)}
   * @throws UnverifiedNoteException as {@link #open(byte[], NoteVerifiers)}
   * @throws OriginMismatchException as {@link #open(byte[], NoteVerifiers)}
   */
  public VerifiedCheckpoint verify(SignedNote note, NoteVerifiers witnesses)
      throws MalformedDataException,
          NoteSignatureException,
          UnverifiedNoteException,
          OriginMismatchException {
    NoteVerifiers known = witnesses.size() == 0 ? logOnly : logOnly.with(witnesses);
    VerifiedNote verified = note.verify(known);
    if (!verified.isVerifiedBy(logKey)) {
      throw new UnverifiedNoteException(
          "checkpoint: no signature by the log key " + logKey.verifierKey().text(), note);
    }
    Checkpoint checkpoint = Checkpoint.parse(verified.text());
    if (!checkpoint.origin().equals(origin)) {
      throw new OriginMismatchException(origin, checkpoint.origin());
    }
    return new VerifiedCheckpoint(checkpoint, verified, cosignatures(verified, known));
  }

  static List<Cosignature> cosignatures(VerifiedNote verified, NoteVerifiers known)
      throws MalformedDataException {
    List<Cosignature> result = new ArrayList<>(0);
    for (NoteSignature s : verified.verified()) {
      if (known.find(s.name(), s.keyId()).orElse(null) instanceof Ed25519CosignatureVerifier) {
        result.add(Cosignature.decode(s));
      }
    }
    return result;
  }
}
