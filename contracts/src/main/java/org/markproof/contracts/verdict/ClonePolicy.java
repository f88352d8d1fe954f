package org.markproof.contracts.verdict;

import java.time.Duration;

/**
 * When sightings of one serial betray a copied label (docs/verdicts.md "Clones").
 *
 * @param maxSpeedKmh the fastest goods may travel between posts
 * @param maxSightings how many sightings (the new one included) {@code window} may hold
 * @param window the look-back of the count
 */
public record ClonePolicy(double maxSpeedKmh, int maxSightings, Duration window) {
  /** The slack on distances, for posts at the same place with slightly different positions. */
  public static final double DISTANCE_SLACK_KM = 1.0;

  /** 900 km/h (an aircraft), 10 sightings in 24 hours. */
  public static final ClonePolicy DEFAULT = new ClonePolicy(900, 10, Duration.ofHours(24));

  public ClonePolicy {
    if (!(maxSpeedKmh > 0) || maxSightings < 1 || window == null || window.isNegative()) {
      throw new IllegalArgumentException(
          "clone policy: speed " + maxSpeedKmh + ", sightings " + maxSightings + ", " + window);
    }
  }
}
