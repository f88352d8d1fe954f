package org.markproof.contracts.merkle;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Leaf hashes of random entries, from a seeded {@link Random} so that failures reproduce. */
final class RandomLeaves {
  private RandomLeaves() {}

  static List<byte[]> of(Random random, int count) {
    List<byte[]> leaves = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      byte[] entry = new byte[1 + random.nextInt(40)];
      random.nextBytes(entry);
      leaves.add(MerkleHashes.leafHash(entry));
    }
    return leaves;
  }
}
