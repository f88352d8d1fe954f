package org.markproof.contracts.crypto;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Ed25519 verification that remembers what verified, so that a process which meets the same signed
 * entry several times (accepted, sequenced, projected) pays for the curve arithmetic once.
 *
 * <p>What is remembered is the SHA-256 of {@code key ‖ signature ‖ message} (32 and 64 bytes, then
 * the message: unambiguous), in a fixed table of {@code capacity} slots chosen by the digest's
 * first bytes; a newer digest overwrites an older one in its slot. A signature that fails is never
 * remembered, and a hit needs all 32 bytes of the digest to match, so a remembered answer is the
 * answer {@link Ed25519Signatures#verify} would give again: verification is deterministic. The
 * table costs about 80 bytes per slot; hashing costs a microsecond or two against ~60–100 µs for a
 * verification.
 *
 * <p>Safe for concurrent use. {@link #none()} remembers nothing: every call verifies.
 */
public final class VerifiedSignatures {
  private static final VerifiedSignatures NONE = new VerifiedSignatures();

  private final AtomicReferenceArray<byte[]> slots;
  private final int mask;

  /**
   * A memo of {@code capacity} slots.
   *
   * @throws IllegalArgumentException unless {@code capacity} is a power of two from 2 to 2^24
   */
  public VerifiedSignatures(int capacity) {
    if (capacity < 2 || capacity > (1 << 24) || Integer.bitCount(capacity) != 1) {
      throw new IllegalArgumentException(
          "capacity must be a power of two from 2 to 2^24, got " + capacity);
    }
    this.slots = new AtomicReferenceArray<>(capacity);
    this.mask = capacity - 1;
  }

  private VerifiedSignatures() {
    this.slots = null;
    this.mask = 0;
  }

  /** Verification that remembers nothing. */
  public static VerifiedSignatures none() {
    return NONE;
  }

  /**
   * As {@link Ed25519Signatures#verify}, answered from memory when this exact key, message and
   * signature verified before.
   *
   * @throws SignatureVerificationException if the signature is not 64 bytes or does not verify
   */
  public void verify(Ed25519PublicKey key, byte[] message, byte[] signature)
      throws SignatureVerificationException {
    if (slots == null || signature == null) {
      Ed25519Signatures.verify(key, message, signature);
      return;
    }
    byte[] digest = Sha256.hash(key.bytesRef(), signature, message);
    int slot = slot(digest);
    if (Arrays.equals(slots.get(slot), digest)) {
      return;
    }
    Ed25519Signatures.verify(key, message, signature);
    slots.set(slot, digest);
  }

  /** Whether this exact key, message and signature verified and are still remembered. */
  public boolean remembers(Ed25519PublicKey key, byte[] message, byte[] signature) {
    if (slots == null || signature == null) {
      return false;
    }
    byte[] digest = Sha256.hash(key.bytesRef(), signature, message);
    return Arrays.equals(slots.get(slot(digest)), digest);
  }

  private int slot(byte[] digest) {
    int first =
        (digest[0] & 0xff) << 24
            | (digest[1] & 0xff) << 16
            | (digest[2] & 0xff) << 8
            | (digest[3] & 0xff);
    return first & mask;
  }
}
