package org.markproof.service.audit;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One thing the audit found wrong, with a stable {@code code} and where: an entry's {@code index},
 * a tree node ({@code level}, {@code nodeIndex}), or a checkpoint's {@code size}.
 *
 * @param code stable, see {@link Code}
 * @param message what differs, with the expected and found values
 * @param index the entry concerned, or the first entry under the node concerned
 * @param level the node's level, for node findings
 * @param nodeIndex the node's index on its level, for node findings
 * @param size the checkpoint or tree size concerned
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuditFinding(
    String code, String message, Long index, Integer level, Long nodeIndex, Long size) {

  /** The stable codes of findings. */
  public enum Code {
    /** A stored leaf hash is not RFC 9162 {@code SHA-256(0x00 ‖ leaf)} of the stored leaf. */
    LEAF_HASH_MISMATCH,
    /** A stored leaf is not a canonical markproof {@code LogEntry}. */
    MALFORMED_LEAF,
    /** A stored entry's sequenced_at column differs from the time in its leaf (to the µs). */
    SEQUENCED_AT_MISMATCH,
    /** A stored tree_node hash differs from the one recomputed from the entries. */
    NODE_MISMATCH,
    /** The head's root differs from the root recomputed from the entries. */
    HEAD_ROOT_MISMATCH,
    /**
     * A checkpoint carries no valid signature by any of the log's keys, or its note is malformed.
     */
    CHECKPOINT_SIGNATURE,
    /** A checkpoint's note names another size, root or origin than its row. */
    CHECKPOINT_NOTE_MISMATCH,
    /** A checkpoint's root differs from the entries' root at its size. */
    CHECKPOINT_ROOT_MISMATCH;

    public String code() {
      return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
  }

  static AuditFinding entry(Code code, long index, String message) {
    return new AuditFinding(code.code(), message, index, null, null, null);
  }

  static AuditFinding node(long level, long nodeIndex, long firstLeaf, String message) {
    return new AuditFinding(
        Code.NODE_MISMATCH.code(), message, firstLeaf, (int) level, nodeIndex, null);
  }

  static AuditFinding size(Code code, long size, String message) {
    return new AuditFinding(code.code(), message, null, null, null, size);
  }
}
