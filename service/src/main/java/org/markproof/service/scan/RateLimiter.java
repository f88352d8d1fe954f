package org.markproof.service.scan;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Token buckets by key (a token's subject, a client address): {@code rate} per second sustained, up
 * to {@code burst} at once. Buckets idle long enough to be full again are dropped by {@link
 * #sweep}, so the map stays as large as the set of recent clients.
 */
final class RateLimiter {
  private final double ratePerNano;
  private final double burst;
  private final LongSupplier nanoTime;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

  private static final class Bucket {
    double tokens;
    long updated;

    Bucket(double tokens, long updated) {
      this.tokens = tokens;
      this.updated = updated;
    }
  }

  RateLimiter(double perSecond, int burst, LongSupplier nanoTime) {
    if (!(perSecond > 0) || burst < 1) {
      throw new IllegalArgumentException("rate " + perSecond + "/s, burst " + burst);
    }
    this.ratePerNano = perSecond / 1e9;
    this.burst = burst;
    this.nanoTime = nanoTime;
  }

  /**
   * Takes one token for {@code key}.
   *
   * @return 0 if granted, else the whole seconds to wait before one is available (at least 1)
   */
  long acquire(String key) {
    long now = nanoTime.getAsLong();
    Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(burst, now));
    synchronized (bucket) {
      bucket.tokens = Math.min(burst, bucket.tokens + (now - bucket.updated) * ratePerNano);
      bucket.updated = now;
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return 0;
      }
      return Math.max(1, (long) Math.ceil((1 - bucket.tokens) / ratePerNano / 1e9));
    }
  }

  /** Drops buckets that have refilled completely. */
  void sweep() {
    long now = nanoTime.getAsLong();
    buckets
        .entrySet()
        .removeIf(
            e -> {
              synchronized (e.getValue()) {
                return e.getValue().tokens + (now - e.getValue().updated) * ratePerNano >= burst;
              }
            });
  }

  int size() {
    return buckets.size();
  }
}
