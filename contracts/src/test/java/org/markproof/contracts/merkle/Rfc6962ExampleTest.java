package org.markproof.contracts.merkle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HexFormat;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.markproof.contracts.VerificationException;

/**
 * The seven-leaf example of RFC 6962 §2.1.3, with its nodes named as in the RFC's figure (RFC 9162
 * keeps the same algorithms, so the same paths and proofs):
 *
 * <pre>
 *             hash
 *            /    \
 *           k      l
 *          / \    / \
 *         g   h  i   j
 *        / \ / \ / \ |
 *        a b c d e f d6
 * </pre>
 *
 * The entries d0..d6 are the RFC 6962 test inputs also used by certificate-transparency and
 * transparency-dev/merkle ({@code proof/verify_test.go}), whose known roots are checked first.
 */
class Rfc6962ExampleTest {
  private static final HexFormat HEX = HexFormat.of();
  private static final String[] ENTRIES = {
    "",
    "00",
    "10",
    "2021",
    "3031",
    "40414243",
    "5051525354555657",
    "606162636465666768696a6b6c6d6e6f"
  };
  private static final String[] KNOWN_ROOTS = {
    "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
    "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
    "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
    "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
    "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
    "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
    "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
  };

  private final List<byte[]> all = leaves(8);
  private final List<byte[]> d = all.subList(0, 7);
  private final byte[] a = d.get(0);
  private final byte[] b = d.get(1);
  private final byte[] c = d.get(2);
  private final byte[] dd = d.get(3);
  private final byte[] e = d.get(4);
  private final byte[] f = d.get(5);
  private final byte[] j = d.get(6);
  private final byte[] g = MerkleHashes.nodeHash(a, b);
  private final byte[] h = MerkleHashes.nodeHash(c, dd);
  private final byte[] i = MerkleHashes.nodeHash(e, f);
  private final byte[] k = MerkleHashes.nodeHash(g, h);
  private final byte[] l = MerkleHashes.nodeHash(i, j);
  private final byte[] hash = MerkleHashes.nodeHash(k, l);

  @Test
  void rootsOfTheTestInputsAreTheKnownOnes() {
    for (int size = 1; size <= KNOWN_ROOTS.length; size++) {
      byte[] expected = HEX.parseHex(KNOWN_ROOTS[size - 1]);
      assertArrayEquals(expected, MerkleHashes.root(all.subList(0, size)), "size " + size);
    }
    assertArrayEquals(hash, MerkleHashes.root(d));
  }

  @Test
  void auditPathsAreThoseOfTheRfc() throws VerificationException {
    assertInclusion(0, List.of(b, h, l));
    assertInclusion(3, List.of(c, g, l));
    assertInclusion(4, List.of(f, j, k));
    assertInclusion(6, List.of(i, k));
  }

  @Test
  void consistencyProofsAreThoseOfTheRfc() throws VerificationException {
    assertConsistency(3, List.of(c, dd, g, l));
    assertConsistency(4, List.of(l));
    assertConsistency(6, List.of(i, j, k));
  }

  @Test
  void ephemeralNodeLIsRecomputedFromIAndJ() {
    ProofPlan plan = ProofPlanner.inclusion(0, 7);
    assertEquals(
        List.of(
            ProofElement.stored(NodeId.leaf(1)),
            ProofElement.stored(new NodeId(1, 1)),
            new ProofElement(List.of(new NodeId(1, 2), NodeId.leaf(6)))),
        plan.elements());
    assertEquals(
        List.of(new NodeId(1, 2), NodeId.leaf(6), new NodeId(2, 0)),
        ProofPlanner.consistency(6, 7).nodeIds());
  }

  private void assertInclusion(int index, List<byte[]> expected) throws VerificationException {
    String what = "PATH(" + index + ", D[7])";
    assertHashes(expected, ProofGenerator.inclusion(d, index), what);
    assertHashes(expected, ProofPlanner.inclusion(index, 7).assemble(new LeafListSource(d)), what);
    ProofVerifier.verifyInclusion(index, 7, d.get(index), expected, hash);
  }

  private void assertConsistency(int size1, List<byte[]> expected) throws VerificationException {
    String what = "PROOF(" + size1 + ", D[7])";
    assertHashes(expected, ProofGenerator.consistency(d, size1), what);
    assertHashes(
        expected, ProofPlanner.consistency(size1, 7).assemble(new LeafListSource(d)), what);
    byte[] oldRoot = HEX.parseHex(KNOWN_ROOTS[size1 - 1]);
    ProofVerifier.verifyConsistency(size1, 7, expected, oldRoot, hash);
  }

  private static void assertHashes(List<byte[]> expected, List<byte[]> actual, String what) {
    assertEquals(expected.size(), actual.size(), what + ": length");
    for (int n = 0; n < expected.size(); n++) {
      assertArrayEquals(expected.get(n), actual.get(n), what + ": hash " + n);
    }
  }

  private static List<byte[]> leaves(int count) {
    return IntStream.range(0, count)
        .mapToObj(n -> MerkleHashes.leafHash(HEX.parseHex(ENTRIES[n])))
        .toList();
  }
}
