package org.markproof.contracts.verdict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CloneDetectorTest {
  private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");
  // Hamburg port and Paris CDG airport: about 720 km apart.
  private static final double[] HAMBURG = {53.5461, 9.9661};
  private static final double[] CDG = {49.0097, 2.5479};
  private static final double[] SYDNEY = {-33.9399, 151.1753};

  private static Sighting at(String id, String post, double[] where, Duration after) {
    return new Sighting(id, post, where[0], where[1], T0.plus(after));
  }

  @Test
  void distanceIsTheGreatCircle() {
    double km = at("a", "H", HAMBURG, Duration.ZERO).distanceKm(at("b", "C", CDG, Duration.ZERO));
    assertTrue(km > 700 && km < 740, "Hamburg to CDG: " + km);
    // One degree of the equator on the mean Earth radius (6371.0088 km) is 111.195 km.
    double degree = new Sighting("a", "p", 0, 0, T0).distanceKm(new Sighting("b", "q", 0, 1, T0));
    assertEquals(111.195, degree, 0.001);
  }

  @Test
  void twoPostsTooFarApartForTheTimeBetweenScansConflict() {
    Sighting earlier = at("a", "DE-HAM", HAMBURG, Duration.ZERO);
    Sighting soon = at("b", "FR-CDG", CDG, Duration.ofMinutes(30));
    Optional<CloneDetector.Finding> f =
        CloneDetector.check(ClonePolicy.DEFAULT, soon, List.of(earlier));
    assertEquals(ReasonCode.SEEN_AT_DISTANT_POST, f.orElseThrow().reason());
    assertEquals(List.of(earlier), f.get().sightings());

    Sighting later = at("c", "FR-CDG", CDG, Duration.ofHours(2));
    assertTrue(CloneDetector.check(ClonePolicy.DEFAULT, later, List.of(earlier)).isEmpty());
  }

  @Test
  void anOfflineUploadScannedEarlierConflictsByItsScanTime() {
    Sighting online = at("a", "FR-CDG", CDG, Duration.ofMinutes(20));
    Sighting uploadedLater = at("b", "DE-HAM", HAMBURG, Duration.ZERO);
    assertEquals(
        ReasonCode.SEEN_AT_DISTANT_POST,
        CloneDetector.check(ClonePolicy.DEFAULT, uploadedLater, List.of(online))
            .orElseThrow()
            .reason());
  }

  @Test
  void theSamePostNeverConflictsByDistanceAndARetryIsNotASecondSighting() {
    Sighting a = at("a", "FR-CDG", CDG, Duration.ZERO);
    Sighting retry = at("a", "DE-HAM", HAMBURG, Duration.ofMinutes(1));
    assertTrue(CloneDetector.check(ClonePolicy.DEFAULT, retry, List.of(a)).isEmpty());
    Sighting samePost = at("b", "FR-CDG", HAMBURG, Duration.ofMinutes(1));
    assertTrue(CloneDetector.check(ClonePolicy.DEFAULT, samePost, List.of(a)).isEmpty());
  }

  @Test
  void moreSightingsThanAllowedInTheWindowConflict() {
    ClonePolicy policy = new ClonePolicy(900, 3, Duration.ofHours(1));
    List<Sighting> earlier = new ArrayList<>();
    earlier.add(at("old", "FR-CDG", CDG, Duration.ofMinutes(-120)));
    earlier.add(at("a", "FR-CDG", CDG, Duration.ofMinutes(10)));
    earlier.add(at("b", "FR-CDG", CDG, Duration.ofMinutes(20)));
    Sighting third = at("c", "FR-CDG", CDG, Duration.ofMinutes(30));
    assertTrue(CloneDetector.check(policy, third, earlier).isEmpty(), "3 in the hour is allowed");
    earlier.add(third);
    Sighting fourth = at("d", "FR-CDG", CDG, Duration.ofMinutes(40));
    CloneDetector.Finding f = CloneDetector.check(policy, fourth, earlier).orElseThrow();
    assertEquals(ReasonCode.SEEN_TOO_OFTEN, f.reason());
    assertEquals(List.of("a", "b", "c"), f.sightings().stream().map(Sighting::scanId).toList());
  }

  @Test
  void aFindingNamesOnlyTheLatestSightingsThePolicyCounts() {
    ClonePolicy policy = new ClonePolicy(900, 3, Duration.ofHours(1));
    List<Sighting> earlier = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      earlier.add(at("s" + i, "FR-CDG", CDG, Duration.ofMinutes(i)));
    }
    java.util.Collections.shuffle(earlier, new java.util.Random(7));
    Sighting now = at("now", "FR-CDG", CDG, Duration.ofMinutes(30));
    CloneDetector.Finding often = CloneDetector.check(policy, now, earlier).orElseThrow();
    assertEquals(ReasonCode.SEEN_TOO_OFTEN, often.reason());
    assertEquals(
        List.of("s17", "s18", "s19"), often.sightings().stream().map(Sighting::scanId).toList());

    Sighting far = at("far", "AU-SYD", SYDNEY, Duration.ofMinutes(31));
    CloneDetector.Finding distant = CloneDetector.check(policy, far, earlier).orElseThrow();
    assertEquals(ReasonCode.SEEN_AT_DISTANT_POST, distant.reason());
    assertEquals(
        List.of("s17", "s18", "s19"), distant.sightings().stream().map(Sighting::scanId).toList());
  }

  @Test
  void positionsOutOfRangeAndBadPoliciesAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> new Sighting("a", "p", 91, 0, T0));
    assertThrows(IllegalArgumentException.class, () -> new Sighting("a", "p", Double.NaN, 0, T0));
    assertThrows(IllegalArgumentException.class, () -> new ClonePolicy(0, 1, Duration.ofHours(1)));
    assertThrows(
        IllegalArgumentException.class, () -> new ClonePolicy(100, 0, Duration.ofHours(1)));
  }
}
