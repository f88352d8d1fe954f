package org.markproof.service.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * What {@code POST /v1/audit} answers: whether the stored log is intact, what was checked, and
 * every finding (up to {@link LogAuditor#MAX_FINDINGS}) in the order found.
 *
 * @param ok no finding
 * @param treeSize the head's size the audit ran to
 * @param rootHash the root recomputed from the entries (base64)
 * @param headRootHash the root the head stores (base64)
 * @param entriesChecked entries read and rehashed
 * @param nodesChecked stored tree_node hashes compared
 * @param checkpointsChecked stored checkpoints whose signature and root were checked
 * @param latestCheckpointSize the size of the latest checkpoint, if any
 * @param firstBadIndex the first entry found wrong; when no entry is wrong in itself, the first
 *     entry under {@code firstBadNode}
 * @param firstBadNode the lowest-level first node found wrong, as {@code "level/index"}
 * @param firstBadCheckpointSize the smallest checkpoint size found wrong
 * @param findings what was found, first first
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuditReport(
    boolean ok,
    long treeSize,
    String rootHash,
    String headRootHash,
    long entriesChecked,
    long nodesChecked,
    long checkpointsChecked,
    Long latestCheckpointSize,
    Long firstBadIndex,
    String firstBadNode,
    Long firstBadCheckpointSize,
    List<AuditFinding> findings) {
  public AuditReport {
    findings = List.copyOf(findings);
  }
}
