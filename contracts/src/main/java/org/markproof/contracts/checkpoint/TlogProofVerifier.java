package org.markproof.contracts.checkpoint;

import org.markproof.contracts.MalformedDataException;
import org.markproof.contracts.VerificationException;
import org.markproof.contracts.merkle.MerkleHashes;
import org.markproof.contracts.merkle.ProofShapeException;
import org.markproof.contracts.merkle.ProofVerifier;

/**
 * Verifies a {@link TlogProof} (c2sp.org/tlog-proof): first the checkpoint, against the log's key
 * or a policy, then the RFC 9162 §2.1.3.2 inclusion of the leaf at the proof's index in the
 * checkpoint's tree. Returns the verified checkpoint, so the caller can see its size, origin and
 * cosignatures; the proof's extra data stays unauthenticated.
 */
public final class TlogProofVerifier {
  private TlogProofVerifier() {}

  /**
   * Verifies {@code proof} for the leaf hash {@code leafHash} against the log's key.
   *
   * @throws MalformedDataException if the checkpoint note is malformed
   * @throws VerificationException if the checkpoint does not verify ({@link
   *     CheckpointVerifier#open(byte[])}) or the inclusion proof fails ({@link
   *     ProofShapeException}, {@link org.markproof.contracts.merkle.RootMismatchException})
   */
  public static VerifiedCheckpoint verify(TlogProof proof, CheckpointVerifier log, byte[] leafHash)
      throws MalformedDataException, VerificationException {
    requireHashShape(leafHash);
    return included(proof, log.open(proof.checkpointNote()), leafHash);
  }

  /**
   * Verifies {@code proof} for {@code leafHash} under {@code policy}'s full validity rule.
   *
   * @throws MalformedDataException if the checkpoint note is malformed or the policy has no log
   * @throws VerificationException as {@link TlogPolicy#verify(byte[])}, or if inclusion fails
   */
  public static VerifiedCheckpoint verify(TlogProof proof, TlogPolicy policy, byte[] leafHash)
      throws MalformedDataException, VerificationException {
    requireHashShape(leafHash);
    return included(proof, policy.verify(proof.checkpointNote()), leafHash);
  }

  /**
   * Verifies {@code proof} for {@code leafHash} with the log known from context and the witness
   * quorum of {@code policy}.
   *
   * @throws MalformedDataException if the checkpoint note is malformed
   * @throws VerificationException as {@link TlogPolicy#verify(byte[], CheckpointVerifier)}, or if
   *     inclusion fails
   */
  public static VerifiedCheckpoint verify(
      TlogProof proof, CheckpointVerifier log, TlogPolicy policy, byte[] leafHash)
      throws MalformedDataException, VerificationException {
    requireHashShape(leafHash);
    return included(proof, policy.verify(proof.checkpointNote(), log), leafHash);
  }

  /**
   * Verifies {@code proof} for the entry bytes {@code entry}, whose leaf hash is {@code H(0x00 ‖
   * entry)} (RFC 9162 §2.1.1), against the log's key.
   *
   * @throws MalformedDataException if the checkpoint note is malformed
   * @throws VerificationException as {@link #verify(TlogProof, CheckpointVerifier, byte[])}
   */
  public static VerifiedCheckpoint verifyEntry(
      TlogProof proof, CheckpointVerifier log, byte[] entry)
      throws MalformedDataException, VerificationException {
    return verify(proof, log, MerkleHashes.leafHash(entry));
  }

  /**
   * Verifies {@code proof} for the entry bytes {@code entry} under {@code policy}.
   *
   * @throws MalformedDataException if the checkpoint note is malformed or the policy has no log
   * @throws VerificationException as {@link #verify(TlogProof, TlogPolicy, byte[])}
   */
  public static VerifiedCheckpoint verifyEntry(TlogProof proof, TlogPolicy policy, byte[] entry)
      throws MalformedDataException, VerificationException {
    return verify(proof, policy, MerkleHashes.leafHash(entry));
  }

  private static VerifiedCheckpoint included(
      TlogProof proof, VerifiedCheckpoint checkpoint, byte[] leafHash)
      throws VerificationException {
    Checkpoint tree = checkpoint.checkpoint();
    ProofVerifier.verifyInclusion(
        proof.index(), tree.size(), leafHash, proof.hashes(), tree.rootHash());
    return checkpoint;
  }

  private static void requireHashShape(byte[] leafHash) throws ProofShapeException {
    if (leafHash == null || leafHash.length != MerkleHashes.HASH_LENGTH) {
      throw new ProofShapeException(
          "leaf hash: got "
              + (leafHash == null ? "nothing" : leafHash.length + " bytes")
              + ", expected "
              + MerkleHashes.HASH_LENGTH);
    }
  }
}
