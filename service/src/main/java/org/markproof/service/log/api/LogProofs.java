package org.markproof.service.log.api;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.markproof.contracts.MalformedDataException;
import org.markproof.contracts.merkle.CompactRange;
import org.markproof.contracts.merkle.NodeId;
import org.markproof.contracts.merkle.ProofPlan;
import org.markproof.contracts.merkle.ProofPlanner;
import org.markproof.contracts.merkle.ProofShapeException;
import org.markproof.contracts.merkle.ProofVerifier;
import org.markproof.contracts.merkle.RootMismatchException;
import org.markproof.service.log.index.LedgerView;
import org.markproof.service.log.store.LogStore;

/**
 * Assembles RFC 9162 proofs: inclusion proofs within the in-memory index's tree from memory ({@link
 * LedgerView}), the others from stored hashes: contracts' {@link ProofPlanner} names the perfect
 * subtrees a proof needs, {@link LogStore#hashes} fetches them (with the tree's frontier, for its
 * root) in one round trip, and {@link ProofPlan#assemble} combines them. Every proof is verified
 * against the stored roots before it leaves, so storage that disagrees with itself fails loudly
 * instead of serving a proof no client can check.
 */
@ApplicationScoped
public class LogProofs {
  private final LogStore store;
  private final LedgerView ledger;

  LogProofs(LogStore store, LedgerView ledger) {
    this.store = store;
    this.ledger = ledger;
  }

  /** An inclusion proof with the leaf hash and root it leads from and to. */
  public record Inclusion(
      long index, long treeSize, byte[] leafHash, byte[] root, List<byte[]> proof) {}

  /** A consistency proof with both roots. */
  public record Consistency(
      long from, long to, byte[] fromRoot, byte[] toRoot, List<byte[]> proof) {}

  /**
   * Proves that entry {@code index} is in the tree of {@code treeSize} entries.
   *
   * <p>Precondition: {@code 0 <= index < treeSize <= head size}; the caller checks it.
   */
  public Uni<Inclusion> inclusion(long index, long treeSize) {
    if (ledger.isCaughtUp() && treeSize <= ledger.snapshot().size()) {
      // The in-memory index holds the tree, checked against the stored head and every signed
      // checkpoint when it was built: no round trip.
      return Uni.createFrom()
          .item(
              new Inclusion(
                  index,
                  treeSize,
                  ledger.leafHash(index),
                  ledger.root(treeSize),
                  ledger.inclusionProof(index, treeSize)));
    }
    ProofPlan plan = ProofPlanner.inclusion(index, treeSize);
    List<NodeId> frontier = CompactRange.frontierIds(treeSize);
    List<NodeId> ids = new ArrayList<>(1 + plan.nodeIds().size() + frontier.size());
    ids.add(NodeId.leaf(index));
    ids.addAll(plan.nodeIds());
    ids.addAll(frontier);
    return store
        .hashes(ids)
        .map(
            hashes -> {
              int planned = plan.nodeIds().size();
              byte[] leafHash = hashes.get(0);
              List<byte[]> proof = plan.assemble(hashes.subList(1, 1 + planned));
              byte[] root = root(treeSize, hashes.subList(1 + planned, hashes.size()));
              try {
                ProofVerifier.verifyInclusion(index, treeSize, leafHash, proof, root);
              } catch (ProofShapeException | RootMismatchException e) {
                throw new IllegalStateException("stored hashes disagree: " + e.getMessage(), e);
              }
              return new Inclusion(index, treeSize, leafHash, root, proof);
            });
  }

  /**
   * Proves that the tree of {@code from} entries is a prefix of the tree of {@code to}.
   *
   * <p>Precondition: {@code 0 < from <= to <= head size}; the caller checks it.
   */
  public Uni<Consistency> consistency(long from, long to) {
    ProofPlan plan = ProofPlanner.consistency(from, to);
    List<NodeId> fromFrontier = CompactRange.frontierIds(from);
    List<NodeId> toFrontier = CompactRange.frontierIds(to);
    List<NodeId> ids = new ArrayList<>(plan.nodeIds());
    ids.addAll(fromFrontier);
    ids.addAll(toFrontier);
    return store
        .hashes(ids)
        .map(
            hashes -> {
              int planned = plan.nodeIds().size();
              int split = planned + fromFrontier.size();
              List<byte[]> proof = plan.assemble(hashes.subList(0, planned));
              byte[] fromRoot = root(from, hashes.subList(planned, split));
              byte[] toRoot = root(to, hashes.subList(split, hashes.size()));
              try {
                ProofVerifier.verifyConsistency(from, to, proof, fromRoot, toRoot);
              } catch (ProofShapeException | RootMismatchException e) {
                throw new IllegalStateException("stored hashes disagree: " + e.getMessage(), e);
              }
              return new Consistency(from, to, fromRoot, toRoot, proof);
            });
  }

  private static byte[] root(long size, List<byte[]> frontier) {
    try {
      return CompactRange.restore(size, new ArrayList<>(frontier)).root();
    } catch (MalformedDataException e) {
      throw new IllegalStateException("stored frontier of size " + size + ": " + e.getMessage(), e);
    }
  }
}
