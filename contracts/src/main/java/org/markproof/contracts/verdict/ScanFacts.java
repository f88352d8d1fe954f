package org.markproof.contracts.verdict;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The scan a verdict answers, as the document's {@code scan} member reports it.
 *
 * @param code the scanned text, as received (already bounded by the caller)
 * @param symbology the symbology the client named or the decoder found, if any
 */
public record ScanFacts(
    String scanId,
    String postId,
    double lat,
    double lon,
    Instant scannedAt,
    String code,
    Optional<String> symbology) {
  public ScanFacts {
    Objects.requireNonNull(scanId, "scanId");
    Objects.requireNonNull(postId, "postId");
    Objects.requireNonNull(scannedAt, "scannedAt");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(symbology, "symbology");
  }

  /** This scan as a clone-detection sighting. */
  public Sighting sighting() {
    return new Sighting(scanId, postId, lat, lon, scannedAt);
  }
}
