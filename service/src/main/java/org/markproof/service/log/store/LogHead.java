package org.markproof.service.log.store;

import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * The durable tree as the {@code log_head} row holds it: its size, its RFC 9162 root and the
 * version a sequencer compares and swaps when it appends.
 */
public record LogHead(long size, byte[] root, long version) {
  public LogHead {
    if (size < 0) {
      throw new IllegalArgumentException("log size " + size + " is negative");
    }
    Objects.requireNonNull(root, "root");
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
    return o instanceof LogHead other
        && size == other.size
        && version == other.version
        && Arrays.equals(root, other.root);
  }

  @Override
  public int hashCode() {
    return Objects.hash(size, version, Arrays.hashCode(root));
  }

  @Override
  public String toString() {
    return "LogHead[size="
        + size
        + ", root="
        + Base64.getEncoder().encodeToString(root)
        + ", version="
        + version
        + "]";
  }
}
