package org.markproof.service.log.keys;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.markproof.contracts.MalformedDataException;
import org.markproof.contracts.checkpoint.Checkpoint;
import org.markproof.contracts.checkpoint.Ed25519CosignatureSigner;
import org.markproof.contracts.checkpoint.Ed25519CosignatureVerifier;
import org.markproof.contracts.note.Ed25519NoteSigner;
import org.markproof.contracts.note.Ed25519NoteVerifier;
import org.markproof.contracts.note.NoteSignature;
import org.markproof.contracts.note.NoteVerifiers;
import org.markproof.contracts.note.SignedNote;
import org.markproof.contracts.note.SignerKey;

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
 */
public final class LogKeys {
  /** The suffix of the timestamp key's name: {@code <origin>/timestamp}. */
  public static final String TIMESTAMP_NAME_SUFFIX = "/timestamp";

  private final String origin;
  private final Ed25519NoteSigner checkpointSigner;
  private final Ed25519CosignatureSigner timestampSigner;
  private final NoteVerifiers verifiers;

  private LogKeys(
      String origin, Ed25519NoteSigner checkpointSigner, Ed25519CosignatureSigner timestampSigner)
      throws MalformedDataException {
    this.origin = origin;
    this.checkpointSigner = checkpointSigner;
    this.timestampSigner = timestampSigner;
    this.verifiers = NoteVerifiers.of(checkpointSigner.verifier(), timestampSigner.verifier());
  }

  /**
   * Binds the two keys to {@code origin}.
   *
   * @throws IllegalArgumentException if the checkpoint key's name is not {@code origin}, or the
   *     origin is not a valid checkpoint origin line
   */
  public static LogKeys of(String origin, SignerKey checkpointKey, SignerKey timestampKey) {
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
    try {
      Checkpoint.of(origin, 0, new byte[32]);
      return new LogKeys(
          origin,
          Ed25519NoteSigner.fromKey(checkpointKey),
          Ed25519CosignatureSigner.of(
              timestampKey.name(), timestampKey.privateKey(), Clock.systemUTC()));
    } catch (MalformedDataException e) {
      throw new IllegalArgumentException("log keys: " + e.getMessage(), e);
    }
  }

  /** The checkpoint origin line, also the checkpoint key's name. */
  public String origin() {
    return origin;
  }

  /** The verifier of checkpoint signatures (type 0x01). */
  public Ed25519NoteVerifier checkpointVerifier() {
    return checkpointSigner.verifier();
  }

  /** The verifier of the log's own timestamp cosignatures and of receipts (type 0x04). */
  public Ed25519CosignatureVerifier timestampVerifier() {
    return timestampSigner.verifier();
  }

  /** Both verifiers, to open notes this log signed. */
  public NoteVerifiers verifiers() {
    return verifiers;
  }

  /**
   * Signs the checkpoint of {@code size} and {@code root}: the log's note signature, then its
   * timestamp cosignature as of {@code signedAt} (c2sp.org/tlog-cosignature §Format).
   */
  public SignedNote signCheckpoint(long size, byte[] root, Instant signedAt) {
    String text = Checkpoint.of(origin, size, root).format();
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    return new SignedNote(
        text,
        List.of(
            new NoteSignature(
                checkpointSigner.name(), checkpointSigner.keyId(), checkpointSigner.sign(bytes)),
            timestamp(bytes, signedAt)));
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
