package org.markproof.contracts.merkle;

import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A node hash climbing a proof path: each step hashes it with a sibling on its left or right,
 * {@code H(0x01 ‖ left ‖ right)} (RFC 9162 §2.1.1). Verification is nothing but these steps, so
 * they reuse one digest and two buffers instead of allocating per node.
 *
 * <p>Confined to one thread and one verification.
 */
final class HashChain {
  private static final byte NODE_PREFIX = 0x01;
  private static final int HASH = MerkleHashes.HASH_LENGTH;
  private static final ThreadLocal<MessageDigest> DIGEST =
      ThreadLocal.withInitial(
          () -> {
            try {
              return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
              throw new IllegalStateException("every Java platform must provide SHA-256", e);
            }
          });

  private final MessageDigest digest = DIGEST.get();
  private final byte[] input = new byte[1 + 2 * HASH];
  private final byte[] node = new byte[HASH];

  /** Starts at {@code seed}, a 32-byte hash. */
  HashChain(byte[] seed) {
    digest.reset();
    input[0] = NODE_PREFIX;
    System.arraycopy(seed, 0, node, 0, HASH);
  }

  /** Replaces the node by {@code H(0x01 ‖ sibling ‖ node)}. */
  void withLeftSibling(byte[] sibling) {
    System.arraycopy(sibling, 0, input, 1, HASH);
    System.arraycopy(node, 0, input, 1 + HASH, HASH);
    hashInput();
  }

  /** Replaces the node by {@code H(0x01 ‖ node ‖ sibling)}. */
  void withRightSibling(byte[] sibling) {
    System.arraycopy(node, 0, input, 1, HASH);
    System.arraycopy(sibling, 0, input, 1 + HASH, HASH);
    hashInput();
  }

  /** Returns a copy of the current node hash. */
  byte[] node() {
    return node.clone();
  }

  private void hashInput() {
    digest.update(input);
    try {
      digest.digest(node, 0, HASH);
    } catch (DigestException e) {
      throw new IllegalStateException("a 32-byte buffer holds a SHA-256 digest", e);
    }
  }
}
