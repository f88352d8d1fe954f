package org.markproof.contracts.rules;

import java.time.Instant;

/**
 * Where a fact of the state comes from: the log index of the entry that established it and the time
 * it was applied at. Verdicts cite these entries and fetch their inclusion proofs.
 */
public record EntryRef(long index, Instant time) {
  public EntryRef {
    if (index < 0 || time == null) {
      throw new IllegalArgumentException("entry ref: index " + index + ", time " + time);
    }
  }
}
