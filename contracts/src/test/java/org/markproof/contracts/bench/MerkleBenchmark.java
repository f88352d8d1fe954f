package org.markproof.contracts.bench;

import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.markproof.contracts.MalformedDataException;
import org.markproof.contracts.VerificationException;
import org.markproof.contracts.merkle.CompactRange;
import org.markproof.contracts.merkle.MerkleHashes;
import org.markproof.contracts.merkle.NodeHashSource;
import org.markproof.contracts.merkle.NodeId;
import org.markproof.contracts.merkle.ProofGenerator;
import org.markproof.contracts.merkle.ProofPlanner;
import org.markproof.contracts.merkle.ProofVerifier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Proof verification throughput on one thread at the sizes markproof plans for (DESIGN.md "Scale"),
 * beside raw JDK SHA-256 of a 65-byte node input ({@code 0x01 ‖ left ‖ right}), the floor:
 * verifying at size {@code n} costs about {@code log2(n)} such hashes.
 *
 * <p>At 10^6 the tree is real: random entries, proofs generated from the leaves. A tree of 10^9
 * leaves cannot be built here, so that one holds 10^9 copies of one entry: every perfect subtree of
 * a level then has the same hash, computed once per level, and all proofs and roots are genuine for
 * that tree. Verification does the same work whatever the hash values are.
 *
 * <p>Run: {@code mvn -B -q -pl contracts -Pbench test-compile exec:exec -Djmh.args="MerkleBenchmark
 * -f 1 -wi 2 -i 3 -w 1s -r 1s"}. The pinned exec-maven-plugin 3.7.0 needs Maven 3.9; with Maven 3.8
 * name an older one, {@code org.codehaus.mojo:exec-maven-plugin:3.5.0:exec}, in place of {@code
 * exec:exec}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class MerkleBenchmark {
  private static final long LARGEST_BUILT_TREE = 10_000_000;

  @Param({"1000000", "1000000000"})
  public long treeSize;

  private long index;
  private byte[] leafHash;
  private List<byte[]> inclusionProof;
  private byte[] root;

  private long size1;
  private List<byte[]> consistencyProof;
  private byte[] root1;

  private MessageDigest sha256;
  private final byte[] nodeInput = new byte[1 + 2 * MerkleHashes.HASH_LENGTH];
  private final byte[] digestOut = new byte[MerkleHashes.HASH_LENGTH];

  @Setup
  public void setUp()
      throws NoSuchAlgorithmException, MalformedDataException, VerificationException {
    Random random = new Random(treeSize);
    index = (random.nextLong() >>> 1) % treeSize;
    size1 = 1 + (random.nextLong() >>> 1) % (treeSize - 1);
    if (treeSize <= LARGEST_BUILT_TREE) {
      buildRandomTree(random);
    } else {
      buildTreeOfIdenticalEntries();
    }
    // Fail the run rather than measure the speed of a rejection.
    verifyInclusion();
    verifyConsistency();
    sha256 = MessageDigest.getInstance("SHA-256");
    random.nextBytes(nodeInput);
  }

  @Benchmark
  public void verifyInclusion() throws VerificationException {
    ProofVerifier.verifyInclusion(index, treeSize, leafHash, inclusionProof, root);
  }

  @Benchmark
  public void verifyConsistency() throws VerificationException {
    ProofVerifier.verifyConsistency(size1, treeSize, consistencyProof, root1, root);
  }

  @Benchmark
  public byte[] sha256Of65Bytes() {
    return sha256.digest(nodeInput);
  }

  /**
   * The same hash as a verifier step takes it: absorbed in one update and written into a buffer,
   * nothing allocated. 30 of these are the floor of one inclusion proof at 10^9 (the benchmark's
   * index has 29 inner and 1 border hash).
   */
  @Benchmark
  public byte[] sha256Of65BytesIntoBuffer() throws DigestException {
    sha256.update(nodeInput, 0, nodeInput.length);
    sha256.digest(digestOut, 0, digestOut.length);
    return digestOut;
  }

  private void buildRandomTree(Random random) {
    List<byte[]> leaves = new ArrayList<>((int) treeSize);
    byte[] entry = new byte[32];
    for (long i = 0; i < treeSize; i++) {
      random.nextBytes(entry);
      leaves.add(MerkleHashes.leafHash(entry));
    }
    leafHash = leaves.get((int) index);
    inclusionProof = ProofGenerator.inclusion(leaves, index);
    consistencyProof = ProofGenerator.consistency(leaves, size1);
    root = MerkleHashes.root(leaves);
    root1 = MerkleHashes.root(leaves.subList(0, (int) size1));
  }

  private void buildTreeOfIdenticalEntries() throws MalformedDataException {
    byte[][] levelHashes = new byte[NodeId.MAX_LEVEL + 1][];
    levelHashes[0] = MerkleHashes.leafHash(new byte[] {42});
    for (int level = 1; level < levelHashes.length; level++) {
      levelHashes[level] = MerkleHashes.nodeHash(levelHashes[level - 1], levelHashes[level - 1]);
    }
    NodeHashSource nodes = id -> levelHashes[id.level()].clone();
    leafHash = nodes.hash(NodeId.leaf(index));
    inclusionProof = ProofPlanner.inclusion(index, treeSize).assemble(nodes);
    consistencyProof = ProofPlanner.consistency(size1, treeSize).assemble(nodes);
    root = CompactRange.fromStored(treeSize, nodes).root();
    root1 = CompactRange.fromStored(size1, nodes).root();
  }
}
