package org.markproof.edge.store;

import java.time.Duration;
import java.time.Instant;

/**
 * The post's wall clock as read now, and the store's high-water mark: the newest wall time any
 * command ever saw on this store. Time at the post is taken as the later of the two, so setting the
 * clock back cannot make the cache look younger (docs/edge.md "Offline verdicts").
 *
 * @param wallClock the wall clock now
 * @param highWater the newest wall time recorded before this reading
 */
public record ClockReading(Instant wallClock, Instant highWater) {
  /** The time the post acts on: the later of the wall clock and the high-water mark. */
  public Instant effective() {
    return wallClock.isAfter(highWater) ? wallClock : highWater;
  }

  /** How far the wall clock is behind the high-water mark; zero when it is not. */
  public Duration clockBehind() {
    return wallClock.isBefore(highWater) ? Duration.between(wallClock, highWater) : Duration.ZERO;
  }
}
