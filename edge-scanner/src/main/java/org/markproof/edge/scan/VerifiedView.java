package org.markproof.edge.scan;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.markproof.contracts.entry.CanonicalJson;
import org.markproof.contracts.merkle.NodeId;
import org.markproof.contracts.rules.EntryRef;
import org.markproof.contracts.rules.LedgerState;
import org.markproof.contracts.verdict.EvidenceRole;
import org.markproof.contracts.verdict.EvidenceSource;
import org.markproof.contracts.verdict.VerdictDocument;
import org.markproof.edge.store.AdoptedCheckpoint;
import org.markproof.edge.store.EdgeStoreException;
import org.markproof.edge.store.StoreReader;
import org.markproof.edge.store.TerritoryFilter;

/**
 * The verified state verdicts are given from, in memory: the adopted checkpoint, the ledger state
 * its entries replay to, the territories the store keeps entries for, and the evidence already read
 * for it (entries and their inclusion proofs against that checkpoint, at most {@value #MAX_CACHED}
 * of each; the entries every verdict relies on — participants, products — are read once). Made once
 * per adopted checkpoint and replaced whole when a sync adopts another; immutable but for its
 * caches, which are safe to share.
 */
final class VerifiedView {
  /** How many entries (and proofs) are kept once read; the rest are read per verdict. */
  static final int MAX_CACHED = 16_384;

  final AdoptedCheckpoint adopted;
  final byte[] note;
  final LedgerState state;

  /** The territories the store keeps entries for; empty when it keeps every entry. */
  final Optional<TerritoryFilter> territories;

  private final ConcurrentHashMap<Long, byte[]> entries = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<Long, List<byte[]>> proofs = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<Map<EvidenceRole, EntryRef>, byte[]> canonicalEvidence =
      new ConcurrentHashMap<>();

  /** The upper subtree hashes proofs were assembled from ({@link StoreReader#KEPT_FROM_LEVEL}). */
  private final ConcurrentHashMap<NodeId, byte[]> upperNodes = new ConcurrentHashMap<>();

  VerifiedView(
      AdoptedCheckpoint adopted, LedgerState state, Optional<TerritoryFilter> territories) {
    if (state.size() != adopted.size()) {
      throw new IllegalArgumentException(
          "a state of " + state.size() + " entries for a checkpoint of " + adopted.size());
    }
    this.adopted = adopted;
    this.note = adopted.note().getBytes(StandardCharsets.UTF_8);
    this.state = state;
    this.territories = territories;
  }

  /** Whether {@code other} is the same adoption: same note, size and times. */
  boolean sameAdoption(AdoptedCheckpoint other) {
    return adopted.size() == other.size()
        && adopted.note().equals(other.note())
        && adopted.adoptedAt().equals(other.adoptedAt())
        && adopted.checkpointTime().equals(other.checkpointTime())
        && adopted.lastSyncAt().equals(other.lastSyncAt());
  }

  /**
   * The {@code evidence} member's value for verdicts relying on {@code relied}, as RFC 8785 bytes
   * (what {@code VerdictSignature.signed(ObjectNode, byte[], Ed25519NoteSigner)} takes): every scan
   * of one batch carries the same evidence against this checkpoint, so it is written and
   * canonicalised once, not per scan. At most {@value #MAX_CACHED} are kept (all dropped when
   * full). The bytes returned are shared: not to be changed.
   */
  byte[] canonicalEvidence(Map<EvidenceRole, EntryRef> relied, StoreReader reader) {
    byte[] kept = canonicalEvidence.get(relied);
    if (kept == null) {
      kept =
          CanonicalJson.bytes(
              VerdictDocument.evidence(relied, evidence(reader), note, adopted.size()));
      if (canonicalEvidence.size() >= MAX_CACHED) {
        canonicalEvidence.clear();
      }
      canonicalEvidence.put(relied, kept);
    }
    return kept;
  }

  /**
   * The evidence of this view, reading what is not kept yet with {@code reader}. A store that
   * cannot answer throws {@link UncheckedIOException} around the {@link EdgeStoreException}.
   */
  EvidenceSource evidence(StoreReader reader) {
    return new EvidenceSource() {
      @Override
      public byte[] entry(long index) {
        byte[] leaf = entries.get(index);
        if (leaf == null) {
          requireBelowSize(index);
          leaf = read(() -> reader.entry(index));
          if (entries.size() < MAX_CACHED) {
            entries.put(index, leaf);
          }
        }
        return leaf.clone();
      }

      @Override
      public List<byte[]> inclusionProof(long index, long treeSize) {
        if (treeSize != adopted.size()) {
          requireBelowSize(treeSize - 1);
          return read(() -> reader.inclusionProof(index, treeSize));
        }
        List<byte[]> proof = proofs.get(index);
        if (proof == null) {
          proof = List.copyOf(read(() -> reader.inclusionProof(index, treeSize, upperNodes)));
          if (proofs.size() < MAX_CACHED) {
            proofs.put(index, proof);
          }
        }
        return proof.stream().map(byte[]::clone).toList();
      }
    };
  }

  private void requireBelowSize(long index) {
    if (index < 0 || index >= adopted.size()) {
      throw new IllegalArgumentException(
          "entry index " + index + " is outside the store's " + adopted.size() + " entries");
    }
  }

  private interface Read<T> {
    T get() throws EdgeStoreException;
  }

  private static <T> T read(Read<T> read) {
    try {
      return read.get();
    } catch (EdgeStoreException e) {
      throw new UncheckedIOException(e);
    }
  }
}
