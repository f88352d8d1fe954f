package org.markproof.contracts.verdict;

import java.time.Instant;
import java.util.Objects;

/**
 * One scan of a serialised code, as clone detection sees it.
 *
 * @param scanId the client-chosen scan id (the same scan retried is the same sighting)
 * @param postId the border post
 * @param lat latitude in degrees, -90..90
 * @param lon longitude in degrees, -180..180
 * @param scannedAt when the officer scanned it (not when the service heard of it)
 */
public record Sighting(String scanId, String postId, double lat, double lon, Instant scannedAt) {
  public Sighting {
    Objects.requireNonNull(scanId, "scanId");
    Objects.requireNonNull(postId, "postId");
    Objects.requireNonNull(scannedAt, "scannedAt");
    if (!(lat >= -90 && lat <= 90) || !(lon >= -180 && lon <= 180)) {
      throw new IllegalArgumentException("sighting position out of range: " + lat + ", " + lon);
    }
  }

  private static final double EARTH_RADIUS_KM = 6371.0088;

  /** The great-circle (haversine) distance to {@code other}, in kilometres. */
  public double distanceKm(Sighting other) {
    double phi1 = Math.toRadians(lat);
    double phi2 = Math.toRadians(other.lat);
    double dPhi = phi2 - phi1;
    double dLambda = Math.toRadians(other.lon - lon);
    double a =
        Math.sin(dPhi / 2) * Math.sin(dPhi / 2)
            + Math.cos(phi1) * Math.cos(phi2) * Math.sin(dLambda / 2) * Math.sin(dLambda / 2);
    return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
  }
}
