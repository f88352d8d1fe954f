package org.markproof.contracts.checkpoint;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.markproof.contracts.MalformedDataException;
import org.markproof.contracts.crypto.Ed25519Signatures;
import org.markproof.contracts.note.NoteSignature;

/**
 * An Ed25519 cosignature (c2sp.org/tlog-cosignature §Format): the {@code timestamped_signature} of
 * a note signature line, an 8-byte big-endian POSIX timestamp followed by a 64-byte Ed25519
 * signature over {@link #signedMessage}.
 *
 * @param name the cosigner's key name
 * @param keyId the cosigner's key id (type 0x04)
 * @param timestamp seconds since the Epoch when the cosigner signed; at most 2^63 - 1
 * @param signature the 64-byte Ed25519 signature
 */
public record Cosignature(String name, int keyId, long timestamp, byte[] signature) {
  /** Length of an encoded {@code timestamped_signature}: 8 + 64 bytes. */
  public static final int ENCODED_LENGTH = 8 + Ed25519Signatures.SIGNATURE_LENGTH;

  private static final byte[] HEADER = "cosignature/v1\ntime ".getBytes(StandardCharsets.US_ASCII);

  /** Checks the timestamp and signature length; copies the signature. */
  public Cosignature {
    if (timestamp < 0 || signature == null || signature.length != 64) {
      throw new IllegalArgumentException("bad cosignature timestamp or length");
    }
    signature = signature.clone();
  }

  /**
   * Decodes the {@code timestamped_signature} of a note signature line; says nothing of validity.
   *
   * @throws MalformedDataException if it is not 72 bytes or the timestamp exceeds 2^63 - 1
   */
  public static Cosignature decode(NoteSignature line) throws MalformedDataException {
    byte[] raw = line.signature();
    if (raw.length != ENCODED_LENGTH) {
      throw new MalformedDataException(
          "cosignature by "
              + line.name()
              + ": got "
              + raw.length
              + " bytes, expected "
              + ENCODED_LENGTH);
    }
    long timestamp = ByteBuffer.wrap(raw).getLong();
    if (timestamp < 0) {
      throw new MalformedDataException(
          "cosignature by " + line.name() + ": timestamp exceeds 2^63 - 1");
    }
    return new Cosignature(
        line.name(), line.keyId(), timestamp, Arrays.copyOfRange(raw, 8, raw.length));
  }

  /** Returns the 72 bytes that follow the key id in the signature line. */
  public byte[] encode() {
    return ByteBuffer.allocate(ENCODED_LENGTH).putLong(timestamp).put(signature).array();
  }

  @Override
  public byte[] signature() {
    return signature.clone();
  }

  /**
   * Returns the signed message of c2sp.org/tlog-cosignature §Ed25519 signed message: {@code
   * cosignature/v1\ntime <timestamp>\n} followed by the whole checkpoint note text.
   */
  public static byte[] signedMessage(long timestamp, byte[] checkpointText) {
    byte[] time = (Long.toString(timestamp) + "\n").getBytes(StandardCharsets.US_ASCII);
    byte[] message = new byte[HEADER.length + time.length + checkpointText.length];
    System.arraycopy(HEADER, 0, message, 0, HEADER.length);
    System.arraycopy(time, 0, message, HEADER.length, time.length);
    System.arraycopy(
        checkpointText, 0, message, HEADER.length + time.length, checkpointText.length);
    return message;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Cosignature c
        && keyId == c.keyId
        && timestamp == c.timestamp
        && name.equals(c.name)
        && Arrays.equals(signature, c.signature);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * name.hashCode() + keyId) + Long.hashCode(timestamp);
  }

  @Override
  public String toString() {
    return "Cosignature[" + name + " at " + timestamp + "]";
  }
}
