package org.markproof.service.log.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An RFC 9162 §2.1.4 consistency proof as JSON; hashes in base64.
 *
 * @param from the older tree size
 * @param to the newer tree size
 * @param fromRoot the root of the older tree, as the log stores it
 * @param toRoot the root of the newer tree, as the log stores it
 * @param proof the proof hashes
 * @param fromCheckpoint the signed checkpoint note of size {@code from}, if the log signed one
 * @param toCheckpoint the signed checkpoint note of size {@code to}, if the log signed one
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ConsistencyProofView(
    long from,
    long to,
    String fromRoot,
    String toRoot,
    List<String> proof,
    String fromCheckpoint,
    String toCheckpoint) {
  public ConsistencyProofView {
    proof = List.copyOf(proof);
  }
}
