package org.markproof.service.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.markproof.contracts.MalformedDataException;
import org.markproof.contracts.VerificationException;
import org.markproof.contracts.checkpoint.Checkpoint;
import org.markproof.contracts.entry.LogEntry;
import org.markproof.contracts.merkle.CompactRange;
import org.markproof.contracts.merkle.MerkleHashes;
import org.markproof.contracts.merkle.NodeId;
import org.markproof.service.audit.AuditFinding.Code;
import org.markproof.service.audit.AuditReads.StoredNode;
import org.markproof.service.log.keys.LogKeys;
import org.markproof.service.log.store.StoredCheckpoint;
import org.markproof.service.log.store.StoredEntry;

/**
 * The state of one audit as it streams through the log page by page: the compact range of the
 * leaves read so far (RFC 9162 §2.1.1, contracts' {@link CompactRange}), the node hashes the
 * current page completed, the counts and the findings. Not thread-safe; one run at a time.
 */
final class AuditRun {
  private final long treeSize;
  private final byte[] headRoot;
  private final LogKeys keys;
  private final List<AuditFinding> findings = new ArrayList<>();
  private CompactRange range = CompactRange.empty();
  private Map<NodeId, byte[]> pageNodes = new LinkedHashMap<>();
  private long entriesChecked;
  private long nodesChecked;
  private long checkpointsChecked;
  private long findingCount;
  private Long firstBadEntry;
  private NodeId firstBadNode;
  private Long firstBadCheckpointSize;

  AuditRun(long treeSize, byte[] headRoot, LogKeys keys) {
    this.treeSize = treeSize;
    this.headRoot = headRoot.clone();
    this.keys = keys;
  }

  long treeSize() {
    return treeSize;
  }

  /** The index of the next entry to read. */
  long next() {
    return range.size();
  }

  /**
   * Rehashes a page of entries {@code [next(), next() + entries.size())} into the tree, checking
   * each stored leaf hash and leaf, and each of {@code checkpoints} as the tree reaches its size.
   * Returns the ids of the nodes the page completed, to compare with storage.
   */
  List<NodeId> absorb(List<StoredEntry> entries, List<StoredCheckpoint> checkpoints) {
    int nextCheckpoint = 0;
    while (nextCheckpoint < checkpoints.size()
        && checkpoints.get(nextCheckpoint).size() == next()) {
      checkCheckpoint(checkpoints.get(nextCheckpoint++));
    }
    pageNodes = new LinkedHashMap<>();
    for (StoredEntry entry : entries) {
      if (entry.index() != next()) {
        throw new IllegalStateException(
            "storage returned entry " + entry.index() + " for " + next());
      }
      byte[] leafHash = checkEntry(entry);
      range = range.append(leafHash, pageNodes::put);
      entriesChecked++;
      while (nextCheckpoint < checkpoints.size()
          && checkpoints.get(nextCheckpoint).size() == next()) {
        checkCheckpoint(checkpoints.get(nextCheckpoint++));
      }
    }
    return List.copyOf(pageNodes.keySet());
  }

  /**
   * Compares the stored hashes of the page's nodes with the recomputed ones, lowest level first.
   */
  void compareNodes(List<StoredNode> stored) {
    List<StoredNode> ordered = new ArrayList<>(stored);
    ordered.sort(
        Comparator.comparingInt((StoredNode n) -> n.id().level())
            .thenComparingLong(n -> n.id().index()));
    for (StoredNode node : ordered) {
      nodesChecked++;
      byte[] recomputed = pageNodes.get(node.id());
      if (!MessageDigest.isEqual(recomputed, node.hash())) {
        NodeId id = node.id();
        add(
            AuditFinding.node(
                id.level(),
                id.index(),
                id.firstLeaf(),
                "tree_node ("
                    + id.level()
                    + ", "
                    + id.index()
                    + ") over entries "
                    + id.firstLeaf()
                    + " to "
                    + (id.endLeaf() - 1)
                    + " stores "
                    + base64(node.hash())
                    + ", the entries hash to "
                    + base64(recomputed)));
        if (firstBadNode == null) {
          firstBadNode = id;
        }
      }
    }
  }

  /** Compares the recomputed root with the head's and returns the report. */
  AuditReport finish(Long latestCheckpointSize) {
    if (next() != treeSize) {
      throw new IllegalStateException("audit read " + next() + " of " + treeSize + " entries");
    }
    byte[] root = range.root();
    if (!MessageDigest.isEqual(root, headRoot)) {
      add(
          AuditFinding.size(
              Code.HEAD_ROOT_MISMATCH,
              treeSize,
              "the head stores root "
                  + base64(headRoot)
                  + " for "
                  + treeSize
                  + " entries, they hash to "
                  + base64(root)));
    }
    return new AuditReport(
        findingCount == 0,
        treeSize,
        base64(root),
        base64(headRoot),
        entriesChecked,
        nodesChecked,
        checkpointsChecked,
        latestCheckpointSize,
        firstBadEntry != null
            ? firstBadEntry
            : firstBadNode == null ? null : firstBadNode.firstLeaf(),
        firstBadNode == null ? null : firstBadNode.level() + "/" + firstBadNode.index(),
        firstBadCheckpointSize,
        findings);
  }

  private byte[] checkEntry(StoredEntry entry) {
    long index = entry.index();
    byte[] leaf = entry.leaf();
    byte[] leafHash = MerkleHashes.leafHash(leaf);
    if (!MessageDigest.isEqual(leafHash, entry.leafHash())) {
      add(
          AuditFinding.entry(
              Code.LEAF_HASH_MISMATCH,
              index,
              "entry "
                  + index
                  + " stores leaf hash "
                  + base64(entry.leafHash())
                  + ", its leaf hashes to "
                  + base64(leafHash)));
    }
    try {
      LogEntry parsed = LogEntry.parse(leaf);
      // The column keeps PostgreSQL's microseconds; the leaf may be finer (LogEntry keeps nanos).
      if (!parsed.sequencedAt().truncatedTo(ChronoUnit.MICROS).equals(entry.sequencedAt())) {
        add(
            AuditFinding.entry(
                Code.SEQUENCED_AT_MISMATCH,
                index,
                "entry "
                    + index
                    + " stores sequenced_at "
                    + entry.sequencedAt()
                    + ", its leaf says "
                    + parsed.sequencedAt()));
      }
    } catch (MalformedDataException e) {
      add(
          AuditFinding.entry(
              Code.MALFORMED_LEAF,
              index,
              "entry " + index + " is not a canonical markproof log entry: " + e.getMessage()));
    }
    return leafHash;
  }

  private void checkCheckpoint(StoredCheckpoint row) {
    checkpointsChecked++;
    long size = row.size();
    try {
      Checkpoint signed =
          keys.openCheckpoint(row.note().getBytes(StandardCharsets.UTF_8)).checkpoint();
      if (signed.size() != size || !MessageDigest.isEqual(signed.rootHash(), row.root())) {
        add(
            AuditFinding.size(
                Code.CHECKPOINT_NOTE_MISMATCH,
                size,
                "checkpoint row " + size + " holds a note signing " + signed));
      }
    } catch (MalformedDataException | VerificationException e) {
      add(
          AuditFinding.size(
              Code.CHECKPOINT_SIGNATURE,
              size,
              "checkpoint " + size + " does not verify with the log's keys: " + e.getMessage()));
    }
    byte[] root = range.root();
    if (!MessageDigest.isEqual(root, row.root())) {
      add(
          AuditFinding.size(
              Code.CHECKPOINT_ROOT_MISMATCH,
              size,
              "checkpoint "
                  + size
                  + " signs root "
                  + base64(row.root())
                  + ", entries 0 to "
                  + (size - 1)
                  + " hash to "
                  + base64(root)));
    }
  }

  private void add(AuditFinding finding) {
    findingCount++;
    if (findings.size() < LogAuditor.MAX_FINDINGS) {
      findings.add(finding);
    }
    if (finding.level() == null
        && finding.index() != null
        && (firstBadEntry == null || finding.index() < firstBadEntry)) {
      firstBadEntry = finding.index();
    }
    if (finding.size() != null
        && !Code.HEAD_ROOT_MISMATCH.code().equals(finding.code())
        && (firstBadCheckpointSize == null || finding.size() < firstBadCheckpointSize)) {
      firstBadCheckpointSize = finding.size();
    }
  }

  private static String base64(byte[] hash) {
    return Base64.getEncoder().encodeToString(hash);
  }
}
