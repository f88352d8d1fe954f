package org.markproof.service.log.store;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * A signed checkpoint as the {@code checkpoint} table keeps it: the tree size and root it commits
 * to, the whole C2SP signed note (checkpoint body and signature lines) and when it was signed.
 */
public record StoredCheckpoint(long size, byte[] root, String note, Instant signedAt) {
  public StoredCheckpoint {
    if (size < 0) {
      throw new IllegalArgumentException("checkpoint size " + size + " is negative");
    }
    Objects.requireNonNull(root, "root");
    Objects.requireNonNull(note, "note");
    Objects.requireNonNull(signedAt, "signedAt");
    if (root.length != 32) {
      throw new IllegalArgumentException("root: got " + root.length + " bytes, expected 32");
    }
    root = root.clone();
  }

  @Override
  public byte[] root() {
    return root.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StoredCheckpoint other
        && size == other.size
        && Arrays.equals(root, other.root)
        && note.equals(other.note)
        && signedAt.equals(other.signedAt);
  }

  @Override
  public int hashCode() {
    return Objects.hash(size, note);
  }

  @Override
  public String toString() {
    return "StoredCheckpoint[size=" + size + ", signedAt=" + signedAt + "]";
  }
}
