package org.markproof.contracts.merkle;

import java.security.DigestException;
import java.security.MessageDigest;
import org.markproof.contracts.crypto.Sha256;

/**
 * A node hash climbing a proof path: each step hashes it with a sibling on its left or right,
 * {@code H(0x01 ‖ left ‖ right)} (RFC 9162 §2.1.1). Verification is nothing but these steps, so
 * they reuse one digest and one 65-byte input instead of allocating per node.
 *
 * <p>The node lives in the input itself, in its right half: each digest is written there, so a step
 * with a left sibling (every step above the split, half of those below) copies only the sibling,
 * and a step with a right sibling moves the node once.
 *
 * <p>Confined to one thread and one verification.
 */
final class HashChain {
  private static final byte NODE_PREFIX = 0x01;
  private static final int HASH = MerkleHashes.HASH_LENGTH;
  private static final int LEFT = 1;
  private static final int RIGHT = 1 + HASH;
  private static final ThreadLocal<MessageDigest> DIGEST =
      ThreadLocal.withInitial(Sha256::newDigest);

  private final MessageDigest digest = DIGEST.get();

  /** {@code 0x01 ‖ left ‖ right}; between steps the current node is in the right half. */
  private final byte[] input = new byte[1 + 2 * HASH];

  /** Starts at {@code seed}, a 32-byte hash. */
  HashChain(byte[] seed) {
    digest.reset();
    input[0] = NODE_PREFIX;
    System.arraycopy(seed, 0, input, RIGHT, HASH);
  }

  /** Replaces the node by {@code H(0x01 ‖ sibling ‖ node)}. */
  void withLeftSibling(byte[] sibling) {
    System.arraycopy(sibling, 0, input, LEFT, HASH);
    hashInput();
  }

  /** Replaces the node by {@code H(0x01 ‖ node ‖ sibling)}. */
  void withRightSibling(byte[] sibling) {
    System.arraycopy(input, RIGHT, input, LEFT, HASH);
    System.arraycopy(sibling, 0, input, RIGHT, HASH);
    hashInput();
  }

  /** Returns a copy of the current node hash. */
  byte[] node() {
    byte[] node = new byte[HASH];
    System.arraycopy(input, RIGHT, node, 0, HASH);
    return node;
  }

  private void hashInput() {
    digest.update(input, 0, input.length);
    try {
      // The whole input has been absorbed, so the digest may overwrite the node's old half.
      digest.digest(input, RIGHT, HASH);
    } catch (DigestException e) {
      throw new IllegalStateException("32 bytes hold a SHA-256 digest", e);
    }
  }
}
