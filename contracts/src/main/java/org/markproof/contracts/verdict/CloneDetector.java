package org.markproof.contracts.verdict;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Finds the sightings that a new sighting of the same serial cannot coexist with. Pure: the caller
 * supplies the serial's other sightings, whenever they were scanned — uploads from offline posts
 * take part by their scan time.
 */
public final class CloneDetector {
  private CloneDetector() {}

  /** Why sightings conflict, and which. */
  public record Finding(ReasonCode reason, List<Sighting> sightings) {
    public Finding {
      sightings = List.copyOf(sightings);
    }
  }

  /**
   * Checks {@code current} against {@code others} (sightings of the same GTIN, batch and serial;
   * any with {@code current}'s scan id are ignored). Impossible travel wins over the count.
   *
   * <p>A finding names at most {@code policy.maxSightings()} sightings, the latest, oldest first:
   * that many recent ones with {@code current} already exceed the count, and one distant one
   * already proves impossible travel. A label copied onto a thousand parcels would otherwise put
   * every earlier sighting into every later verdict (and its stored copy).
   */
  public static Optional<Finding> check(
      ClonePolicy policy, Sighting current, Collection<Sighting> others) {
    List<Sighting> distant = new ArrayList<>();
    List<Sighting> recent = new ArrayList<>();
    for (Sighting other : others) {
      if (other.scanId().equals(current.scanId())) {
        continue;
      }
      if (!other.postId().equals(current.postId()) && unreachable(policy, current, other)) {
        distant.add(other);
      }
      Duration before = Duration.between(other.scannedAt(), current.scannedAt());
      if (!before.isNegative() && before.compareTo(policy.window()) <= 0) {
        recent.add(other);
      }
    }
    Comparator<Sighting> byTime = Comparator.comparing(Sighting::scannedAt);
    if (!distant.isEmpty()) {
      return Optional.of(
          new Finding(ReasonCode.SEEN_AT_DISTANT_POST, latest(distant, byTime, policy)));
    }
    if (recent.size() + 1 > policy.maxSightings()) {
      return Optional.of(new Finding(ReasonCode.SEEN_TOO_OFTEN, latest(recent, byTime, policy)));
    }
    return Optional.empty();
  }

  /** The latest {@code policy.maxSightings()} of {@code found}, oldest first. */
  private static List<Sighting> latest(
      List<Sighting> found, Comparator<Sighting> byTime, ClonePolicy policy) {
    found.sort(byTime);
    int from = Math.max(0, found.size() - policy.maxSightings());
    return found.subList(from, found.size());
  }

  private static boolean unreachable(ClonePolicy policy, Sighting a, Sighting b) {
    double hours =
        Math.abs(Duration.between(a.scannedAt(), b.scannedAt()).toMillis()) / 3_600_000.0;
    return a.distanceKm(b) > policy.maxSpeedKmh() * hours + ClonePolicy.DISTANCE_SLACK_KM;
  }
}
