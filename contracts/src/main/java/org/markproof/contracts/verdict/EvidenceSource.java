package org.markproof.contracts.verdict;

import java.util.List;

/**
 * Where a verdict's evidence comes from: the service's in-memory index, or an edge's verified
 * cache. Both answer for any entry below the checkpoint the verdict is proven against.
 */
public interface EvidenceSource {
  /** The exact bytes of log entry {@code index} (the RFC 9162 leaf input). */
  byte[] entry(long index);

  /** The RFC 9162 inclusion proof of leaf {@code index} in the tree of {@code treeSize}. */
  List<byte[]> inclusionProof(long index, long treeSize);
}
