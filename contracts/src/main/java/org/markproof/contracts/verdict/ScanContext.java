package org.markproof.contracts.verdict;

import java.util.Objects;
import java.util.Optional;
import org.markproof.contracts.entry.OfficeCode;

/**
 * What the judge knows of where a scan happened.
 *
 * @param territory the post's territory as an ST.3 code, when the post is known to be in one; then
 *     goods outside the territories of their product or license are {@code NOT_AUTHORIZED} there
 */
public record ScanContext(Optional<OfficeCode> territory) {
  public ScanContext {
    Objects.requireNonNull(territory, "territory");
  }

  /** A scan at a post of unknown territory. */
  public static ScanContext anywhere() {
    return new ScanContext(Optional.empty());
  }
}
