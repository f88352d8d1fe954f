package org.markproof.service.scan;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.markproof.contracts.verdict.CloneDetector;
import org.markproof.contracts.verdict.ClonePolicy;
import org.markproof.contracts.verdict.Sighting;

/**
 * The recent sightings of every serial, in memory, for clone detection: checking a new sighting
 * against the others of its serial and adding it is one atomic step per serial, so two posts
 * scanning copies at the same moment see each other. Sightings older than the horizon (the count's
 * window, and at least a day — after which any post is reachable from any other) are forgotten.
 */
final class SightingBook {
  private static final Duration MIN_HORIZON = Duration.ofHours(24);
  private static final int MAX_PER_SERIAL = 64;

  private final ClonePolicy policy;
  private final Duration horizon;
  private final Map<String, Deque<Sighting>> bySerial = new ConcurrentHashMap<>();

  SightingBook(ClonePolicy policy) {
    this.policy = policy;
    this.horizon = policy.window().compareTo(MIN_HORIZON) > 0 ? policy.window() : MIN_HORIZON;
  }

  Duration horizon() {
    return horizon;
  }

  static String key(String gtin, String batch, String serial) {
    return gtin + '\u001d' + batch + '\u001d' + serial;
  }

  /** Checks {@code sighting} against the serial's others, then adds it. */
  Optional<CloneDetector.Finding> checkAndAdd(String serialKey, Sighting sighting) {
    return checkAndAdd(serialKey, sighting, List.of());
  }

  /**
   * Checks {@code sighting} against the serial's others in memory and {@code recorded} (sightings
   * read from the {@code scan} table, for an upload scanned before what memory holds), then adds
   * it. A sighting in both counts once.
   */
  Optional<CloneDetector.Finding> checkAndAdd(
      String serialKey, Sighting sighting, Collection<Sighting> recorded) {
    Deque<Sighting> seen = bySerial.computeIfAbsent(serialKey, k -> new ArrayDeque<>());
    synchronized (seen) {
      Map<String, Sighting> others = new LinkedHashMap<>();
      recorded.forEach(s -> others.put(s.scanId(), s));
      seen.forEach(s -> others.put(s.scanId(), s));
      Optional<CloneDetector.Finding> finding =
          CloneDetector.check(policy, sighting, others.values());
      addLocked(seen, sighting);
      return finding;
    }
  }

  /**
   * Adds {@code sighting} without checking it (loading history, or a scan that is no candidate).
   */
  void add(String serialKey, Sighting sighting) {
    Deque<Sighting> seen = bySerial.computeIfAbsent(serialKey, k -> new ArrayDeque<>());
    synchronized (seen) {
      addLocked(seen, sighting);
    }
  }

  private void addLocked(Deque<Sighting> seen, Sighting sighting) {
    if (seen.stream().anyMatch(s -> s.scanId().equals(sighting.scanId()))) {
      return;
    }
    seen.addLast(sighting);
    while (seen.size() > MAX_PER_SERIAL) {
      seen.removeFirst();
    }
  }

  /** Forgets sightings scanned before {@code now - horizon}; returns how many serials remain. */
  int forgetBefore(Instant now) {
    Instant limit = now.minus(horizon);
    List<String> empty = new ArrayList<>();
    bySerial.forEach(
        (key, seen) -> {
          synchronized (seen) {
            seen.removeIf(s -> s.scannedAt().isBefore(limit));
            if (seen.isEmpty()) {
              empty.add(key);
            }
          }
        });
    empty.forEach(
        key ->
            bySerial.computeIfPresent(
                key,
                (k, seen) -> {
                  synchronized (seen) {
                    return seen.isEmpty() ? null : seen;
                  }
                }));
    return bySerial.size();
  }
}
