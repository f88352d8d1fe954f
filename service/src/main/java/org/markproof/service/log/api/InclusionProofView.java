package org.markproof.service.log.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An RFC 9162 §2.1.3 inclusion proof as JSON; hashes in base64.
 *
 * @param index the entry's index
 * @param treeSize the size of the tree the proof is for
 * @param leafHash the entry's leaf hash
 * @param rootHash the root of the tree of {@code treeSize}, as the log stores it; trust only the
 *     root of a checkpoint you verified
 * @param proof the audit path from the leaf's sibling upwards
 * @param checkpoint the signed checkpoint note of {@code treeSize}, when the log signed one
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InclusionProofView(
    long index,
    long treeSize,
    String leafHash,
    String rootHash,
    List<String> proof,
    String checkpoint) {
  public InclusionProofView {
    proof = List.copyOf(proof);
  }
}
