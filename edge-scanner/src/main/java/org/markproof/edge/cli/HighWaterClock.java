package org.markproof.edge.cli;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The system clock, never earlier than the store's high-water mark: what a sync dates its adoption
 * with, so that a clock set back cannot make a fresh adoption look older or an old one younger.
 */
final class HighWaterClock extends Clock {
  private final Instant floor;

  HighWaterClock(Instant floor) {
    this.floor = floor;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }

  @Override
  public Instant instant() {
    Instant now = Instant.now();
    return now.isBefore(floor) ? floor : now;
  }
}
