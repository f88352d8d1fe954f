package org.markproof.service.log.keys;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.markproof.contracts.MalformedDataException;
import org.markproof.contracts.checkpoint.Ed25519CosignatureVerifier;
import org.markproof.contracts.note.NoteSignatureException;
import org.markproof.contracts.note.NoteVerifiers;
import org.markproof.contracts.note.SignedNote;
import org.markproof.contracts.note.UnverifiedNoteException;

/**
 * The log's signed promise to sequence a leaf: the markproof counterpart of an RFC 6962 §3.2 Signed
 * Certificate Timestamp. The leaf (its entry and its {@code sequencedAt}, the acceptance time) is
 * fixed when the submission is accepted, so the promise names its exact leaf hash; a receipt whose
 * leaf never appears in the log is evidence of misbehaviour, as an SCT without its certificate is.
 *
 * <p>Format: a c2sp.org/signed-note whose text is four lines
 *
 * <pre>
 * markproof/receipt/v1
 * &lt;origin&gt;
 * &lt;base64 (RFC 4648 §4) of the 32-byte RFC 9162 leaf hash&gt;
 * &lt;accepted time, RFC 3339 UTC as java.time.Instant#toString&gt;
 * </pre>
 *
 * signed by the log's timestamp key with a c2sp.org/tlog-cosignature/v1 signature (type 0x04) whose
 * timestamp is the accepted time in whole seconds. The first line separates receipts from
 * checkpoints: a checkpoint's first line is the origin, never {@value #HEADER}, and its second line
 * is a decimal size, never an origin. Verify with {@link #open} and the key from {@code GET
 * /v1/log/key} ({@code timestampVerifierKey}).
 *
 * @param origin the log that promises
 * @param leafHash the promised leaf's hash
 * @param acceptedAt when the log accepted the entry: the leaf's {@code sequencedAt}
 */
public record SubmissionReceipt(String origin, byte[] leafHash, Instant acceptedAt) {
  /** The first line of every receipt: the domain and format version. */
  public static final String HEADER = "markproof/receipt/v1";

  /** Copies the hash; checks it is 32 bytes. */
  public SubmissionReceipt {
    if (leafHash == null || leafHash.length != 32) {
      throw new IllegalArgumentException("receipt leaf hash must be 32 bytes");
    }
    leafHash = leafHash.clone();
  }

  @Override
  public byte[] leafHash() {
    return leafHash.clone();
  }

  /** The note text the timestamp key signs. */
  public String text() {
    return HEADER
        + "\n"
        + origin
        + "\n"
        + Base64.getEncoder().encodeToString(leafHash)
        + "\n"
        + acceptedAt
        + "\n";
  }

  /** Signs this receipt with the log's timestamp key; returns the signed note's text form. */
  public String sign(LogKeys keys) {
    String text = text();
    return new SignedNote(
            text, List.of(keys.timestamp(text.getBytes(StandardCharsets.UTF_8), acceptedAt)))
        .format();
  }

  /**
   * Verifies a receipt with the log's keys and returns what it promises.
   *
   * @throws MalformedDataException if it is not a receipt note of this format
   * @throws NoteSignatureException if the timestamp signature does not verify
   * @throws UnverifiedNoteException if it carries no signature by the timestamp key
   */
  public static SubmissionReceipt open(String receipt, Ed25519CosignatureVerifier timestampKey)
      throws MalformedDataException, NoteSignatureException, UnverifiedNoteException {
    SignedNote note = SignedNote.parse(receipt.getBytes(StandardCharsets.UTF_8));
    String text = note.verify(NoteVerifiers.of(timestampKey)).text();
    List<String> lines = Arrays.asList(text.split("\n", -1));
    if (lines.size() != 5 || !lines.get(0).equals(HEADER) || !lines.get(4).isEmpty()) {
      throw new MalformedDataException("receipt: expected " + HEADER + " and three lines");
    }
    try {
      return new SubmissionReceipt(
          lines.get(1), Base64.getDecoder().decode(lines.get(2)), Instant.parse(lines.get(3)));
    } catch (IllegalArgumentException | DateTimeParseException e) {
      throw new MalformedDataException("receipt: " + e.getMessage());
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SubmissionReceipt r
        && origin.equals(r.origin)
        && Arrays.equals(leafHash, r.leafHash)
        && acceptedAt.equals(r.acceptedAt);
  }

  @Override
  public int hashCode() {
    return origin.hashCode() * 31 + Arrays.hashCode(leafHash);
  }
}
