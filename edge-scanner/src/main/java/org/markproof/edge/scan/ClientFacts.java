package org.markproof.edge.scan;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a handheld says of its scan beside the code, as it would send them to the service's {@code
 * POST /v1/scans} (docs/edge.md "Serving handhelds on the LAN"): its client scan id, where and when
 * it scanned. Each one given is the scan's, as the service takes it; each one missing is the post's
 * (a random UUID, the post's position, the post's clock).
 *
 * @param scanId the client scan id, already checked against the service's syntax
 * @param lat latitude in degrees, -90..90, given together with {@code lon}
 * @param lon longitude in degrees, -180..180
 * @param scannedAt when the handheld scanned
 */
public record ClientFacts(
    Optional<String> scanId,
    Optional<Double> lat,
    Optional<Double> lon,
    Optional<Instant> scannedAt) {
  public ClientFacts {
    Objects.requireNonNull(scanId, "scanId");
    Objects.requireNonNull(lat, "lat");
    Objects.requireNonNull(lon, "lon");
    Objects.requireNonNull(scannedAt, "scannedAt");
    if (lat.isPresent() != lon.isPresent()) {
      throw new IllegalArgumentException("lat and lon are given together");
    }
  }

  /** Nothing given: everything is the post's. */
  public static ClientFacts none() {
    return new ClientFacts(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
  }
}
