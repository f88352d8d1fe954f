package org.markproof.contracts.checkpoint;

import java.util.List;
import org.markproof.contracts.note.VerifiedNote;

/**
 * A checkpoint whose log signature verified, with every verified witness cosignature.
 *
 * @param checkpoint the parsed note text
 * @param note the verified note, with the signatures that were verified and those ignored
 * @param cosignatures the verified Ed25519 cosignatures (type 0x04), in note order
 */
public record VerifiedCheckpoint(
    Checkpoint checkpoint, VerifiedNote note, List<Cosignature> cosignatures) {
  /** Copies the list. */
  public VerifiedCheckpoint {
    cosignatures = List.copyOf(cosignatures);
  }

  /** Returns whether a verified cosignature is by the key {@code name} with {@code keyId}. */
  public boolean isCosignedBy(String name, int keyId) {
    return cosignatures.stream().anyMatch(c -> c.keyId() == keyId && c.name().equals(name));
  }
}
