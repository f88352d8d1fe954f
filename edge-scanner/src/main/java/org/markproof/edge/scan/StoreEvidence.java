package org.markproof.edge.scan;

import java.io.UncheckedIOException;
import java.util.List;
import org.markproof.contracts.verdict.EvidenceSource;
import org.markproof.edge.store.EdgeStore;
import org.markproof.edge.store.EdgeStoreException;

/**
 * The edge store as a verdict's {@link EvidenceSource}: entries and inclusion proofs from the
 * stored leaves and subtree hashes, against the adopted checkpoint. A store that cannot answer
 * throws {@link UncheckedIOException} around the {@link EdgeStoreException}, which {@link
 * OfflineScanner} unwraps.
 */
final class StoreEvidence implements EvidenceSource {
  private final EdgeStore store;

  StoreEvidence(EdgeStore store) {
    this.store = store;
  }

  @Override
  public byte[] entry(long index) {
    try {
      return store.entry(index);
    } catch (EdgeStoreException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public List<byte[]> inclusionProof(long index, long treeSize) {
    try {
      return store.inclusionProof(index, treeSize);
    } catch (EdgeStoreException e) {
      throw new UncheckedIOException(e);
    }
  }
}
