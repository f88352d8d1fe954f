package org.markproof.service.log.store;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import org.markproof.contracts.MalformedDataException;
import org.markproof.contracts.entry.LogEntry;

/**
 * One stored leaf of the log: its index, the leaf bytes ({@code LogEntry.encoded()}), its RFC 9162
 * leaf hash and when it was sequenced.
 */
public record StoredEntry(long index, byte[] leaf, byte[] leafHash, Instant sequencedAt) {
  public StoredEntry {
    Objects.requireNonNull(leaf, "leaf");
    Objects.requireNonNull(leafHash, "leafHash");
    Objects.requireNonNull(sequencedAt, "sequencedAt");
    leaf = leaf.clone();
    leafHash = leafHash.clone();
  }

  @Override
  public byte[] leaf() {
    return leaf.clone();
  }

  @Override
  public byte[] leafHash() {
    return leafHash.clone();
  }

  /** Parses the stored leaf back into the entry the log holds. */
  public LogEntry parse() throws MalformedDataException {
    return LogEntry.parse(leaf);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StoredEntry other
        && index == other.index
        && Arrays.equals(leaf, other.leaf)
        && Arrays.equals(leafHash, other.leafHash)
        && sequencedAt.equals(other.sequencedAt);
  }

  @Override
  public int hashCode() {
    return Objects.hash(index, Arrays.hashCode(leafHash));
  }

  @Override
  public String toString() {
    return "StoredEntry[index=" + index + ", " + leaf.length + " bytes]";
  }
}
