package org.markproof.contracts.note;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * One signature line of a signed note, {@code — <name> base64(key id ‖ signature)}
 * (c2sp.org/signed-note §Signatures), verified or not.
 *
 * @param name the key name
 * @param keyId the 32-bit key id (big-endian in the encoded line)
 * @param signature the signature bytes after the key id; at least one byte
 */
public record NoteSignature(String name, int keyId, byte[] signature) {
  /** The em dash (U+2014) and space that open every signature line. */
  public static final String LINE_PREFIX = "\u2014 ";

  /** Checks the name rules and that there is a signature; copies it. */
  public NoteSignature {
    if (!NoteText.isValidKeyName(name)) {
      throw new IllegalArgumentException("invalid key name: " + name);
    }
    if (signature == null || signature.length == 0) {
      throw new IllegalArgumentException("empty signature");
    }
    signature = signature.clone();
  }

  @Override
  public byte[] signature() {
    return signature.clone();
  }

  byte[] signatureRef() {
    return signature;
  }

  /** Returns the signature line without its newline: {@code — name base64(keyId ‖ signature)}. */
  public String line() {
    ByteBuffer raw = ByteBuffer.allocate(4 + signature.length).putInt(keyId).put(signature);
    return LINE_PREFIX + name + " " + CanonicalBase64.encode(raw.array());
  }

  /** Returns whether this signature claims the key {@code name} with {@code keyId}. */
  public boolean isBy(String name, int keyId) {
    return this.keyId == keyId && this.name.equals(name);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NoteSignature s
        && keyId == s.keyId
        && name.equals(s.name)
        && Arrays.equals(signature, s.signature);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * name.hashCode() + keyId) + Arrays.hashCode(signature);
  }

  @Override
  public String toString() {
    return line();
  }
}
