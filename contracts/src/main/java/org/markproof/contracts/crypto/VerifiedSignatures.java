package org.markproof.contracts.crypto;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The verification of ledger entries' Ed25519 signatures, which remembers what verified, so that a
 * process which meets the same signed entry several times (accepted, sequenced, projected) pays for
 * the curve arithmetic once.
 *
 * <p>Entries are verified by RFC 8032 §5.1.7's cofactored group equation ({@link Ed25519Batch}),
 * one at a time or in batches, with the same answer either way: every process that replays the
 * ledger (the service, a border post, an auditor) must accept exactly the same entries, and a batch
 * cannot check BouncyCastle's cofactorless variant ({@link Ed25519Signatures#verify}, used for
 * notes, labels and tokens). The two differ only for signatures whose R has a small-order
 * component, which no RFC 8032 signer makes.
 *
 * <p>What is remembered is the SHA-256 of {@code key ‖ signature ‖ message} (32 and 64 bytes, then
 * the message: unambiguous), in a fixed table of {@code capacity} slots, in sets of {@value #WAYS}
 * chosen by the digest's first bytes; a new digest takes the place of the oldest in its set. A
 * signature that fails is never remembered, and a hit needs all 32 bytes of the digest to match, so
 * a remembered answer is the answer verification would give again: it is deterministic. The table
 * costs about 80 bytes per slot; hashing costs a microsecond or two against ~60–100 µs for a
 * verification.
 *
 * <p>Why sets: a signature is met again a few seconds after it is first remembered (accepted, then
 * sequenced, then projected), while thousands of others are remembered in between. With one slot
 * per digest, each of those lands on it with probability 1/capacity, so after n others it is gone
 * with probability 1 − e^(−n/capacity): ~14 % for 20,000 others in 2^17 slots, and the service's
 * sequencer and state projection verified that share again (3 % of its CPU under custodial appends,
 * perf, 2026-11-27). In sets of four replaced oldest first, it is gone only once four later digests
 * landed in its set: ~0.4 % for the same numbers.
 *
 * <p>Safe for concurrent use. {@link #none()} remembers nothing: every call verifies.
 */
public final class VerifiedSignatures {
  private static final VerifiedSignatures NONE = new VerifiedSignatures();

  /** Slots per set. */
  static final int WAYS = 4;

  private final AtomicReferenceArray<byte[]> slots;

  /**
   * Per set, the count of digests placed in it: the next one replaces slot {@code count % WAYS}.
   */
  private final AtomicIntegerArray placed;

  /** Sets − 1: a set's number is the digest's first bits masked with it. */
  private final int mask;

  /**
   * A memo of {@code capacity} slots.
   *
   * @throws IllegalArgumentException unless {@code capacity} is a power of two from {@value #WAYS}
   *     to 2^24
   */
  public VerifiedSignatures(int capacity) {
    if (capacity < WAYS || capacity > (1 << 24) || Integer.bitCount(capacity) != 1) {
      throw new IllegalArgumentException(
          "capacity must be a power of two from " + WAYS + " to 2^24, got " + capacity);
    }
    this.slots = new AtomicReferenceArray<>(capacity);
    this.placed = new AtomicIntegerArray(capacity / WAYS);
    this.mask = capacity / WAYS - 1;
  }

  private VerifiedSignatures() {
    this.slots = null;
    this.placed = null;
    this.mask = 0;
  }

  /** Verification that remembers nothing. */
  public static VerifiedSignatures none() {
    return NONE;
  }

  /**
   * Verifies one signature ({@link Ed25519Batch#verifyOne}), answered from memory when this exact
   * key, message and signature verified before.
   *
   * @throws SignatureVerificationException if the signature is not 64 bytes or does not verify
   */
  public void verify(Ed25519PublicKey key, byte[] message, byte[] signature)
      throws SignatureVerificationException {
    if (slots == null || signature == null) {
      verifyNow(key, message, signature);
      return;
    }
    byte[] digest = Sha256.hash(key.bytesRef(), signature, message);
    if (holds(digest)) {
      return;
    }
    verifyNow(key, message, signature);
    place(digest);
  }

  private static void verifyNow(Ed25519PublicKey key, byte[] message, byte[] signature)
      throws SignatureVerificationException {
    Ed25519Signatures.requireLength(signature);
    if (!Ed25519Batch.verifyOne(key, message, signature)) {
      throw new SignatureVerificationException("Ed25519 signature does not verify with " + key);
    }
  }

  /**
   * Verifies every signature of {@code batch} at once ({@link Ed25519Batch}) and remembers those
   * that verified; one already remembered is not verified again. Answers in the batch's order, each
   * the answer {@link #verify} gives for that signature alone.
   */
  public boolean[] verifyAll(List<Ed25519Batch.Signed> batch) {
    boolean[] verified = new boolean[batch.size()];
    byte[][] digests = new byte[batch.size()][];
    List<Ed25519Batch.Signed> unknown = new ArrayList<>(batch.size());
    int[] positions = new int[batch.size()];
    for (int i = 0; i < batch.size(); i++) {
      Ed25519Batch.Signed signed = batch.get(i);
      if (slots != null && signed.signature() != null) {
        digests[i] = Sha256.hash(signed.key().bytesRef(), signed.signature(), signed.message());
        if (holds(digests[i])) {
          verified[i] = true;
          continue;
        }
      }
      positions[unknown.size()] = i;
      unknown.add(signed);
    }
    boolean[] answers = Ed25519Batch.verify(unknown);
    for (int u = 0; u < answers.length; u++) {
      int i = positions[u];
      verified[i] = answers[u];
      if (answers[u] && digests[i] != null) {
        place(digests[i]);
      }
    }
    return verified;
  }

  /**
   * Signs {@code message} with {@code key} (RFC 8032 §5.1.6) and remembers the signature as
   * verified under the key's public key. A signature an RFC 8032 signer makes satisfies the
   * cofactored equation, so a later verification of it in this process (a service's intake,
   * sequencer and projection all meet the entries it signs for custodial participants) would spend
   * the curve arithmetic to learn what is known. Only signatures made here are remembered
   * unverified; there is no way to hand one in.
   */
  public byte[] sign(Ed25519PrivateKey key, byte[] message) {
    byte[] signature = Ed25519Signatures.sign(key, message);
    if (slots != null) {
      place(Sha256.hash(key.publicKey().bytesRef(), signature, message));
    }
    return signature;
  }

  /** Whether this exact key, message and signature verified and are still remembered. */
  public boolean remembers(Ed25519PublicKey key, byte[] message, byte[] signature) {
    if (slots == null || signature == null) {
      return false;
    }
    return holds(Sha256.hash(key.bytesRef(), signature, message));
  }

  /** Whether {@code digest} is in its set. */
  private boolean holds(byte[] digest) {
    int first = set(digest) * WAYS;
    for (int way = 0; way < WAYS; way++) {
      if (Arrays.equals(slots.get(first + way), digest)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Puts {@code digest} in its set in place of the oldest there. Concurrent placements may replace
   * a newer one instead; that only costs a verification later, since a hit needs the whole digest.
   */
  private void place(byte[] digest) {
    if (holds(digest)) {
      return;
    }
    int set = set(digest);
    int way = Math.floorMod(placed.getAndIncrement(set), WAYS);
    slots.set(set * WAYS + way, digest);
  }

  private int set(byte[] digest) {
    int first =
        (digest[0] & 0xff) << 24
            | (digest[1] & 0xff) << 16
            | (digest[2] & 0xff) << 8
            | (digest[3] & 0xff);
    return first & mask;
  }
}
