package org.markproof.service.scan;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.markproof.contracts.crypto.Sha256;
import org.markproof.contracts.verdict.VerdictCode;

/**
 * The scans written lately, for telling a retry from a new scan that reuses an id: per scan id, the
 * first 128 bits of its SHA-256, of its fingerprint, and its verdict. Nothing else, and in flat
 * {@code long[]} tables rather than objects: under load a minute of written scans is hundreds of
 * thousands of entries, and as objects (a map node, a string, a byte array, a record and an instant
 * each) every young collection copied all of them again until they aged into the old generation.
 * That copying was most of each pause (15 MB, 10–15 ms every two seconds at 2,500 scans/s), and the
 * pauses were the latency tail. Arrays this large are allocated outside the young generation and
 * never copied.
 *
 * <p>Two generations: scans are added to the current one; every {@code keepNanos} (or when the
 * current one holds {@code maxPerGeneration}) it becomes the previous one and the one before is
 * dropped. A written scan is therefore remembered for at least {@code keepNanos} (unless more than
 * {@code maxPerGeneration} scans are written within it) and at most twice that. Thread-safe.
 */
final class WrittenScans {
  /** What a written scan is remembered by. */
  record Written(long fingerprintHigh, long fingerprintLow, VerdictCode verdict) {
    /** Whether {@code fingerprint} (a full SHA-256) is the one remembered. */
    boolean sameFingerprint(byte[] fingerprint) {
      ByteBuffer b = ByteBuffer.wrap(fingerprint);
      return b.getLong(0) == fingerprintHigh && b.getLong(8) == fingerprintLow;
    }
  }

  private static final VerdictCode[] VERDICTS = VerdictCode.values();
  private static final int INITIAL_SLOTS = 1 << 12;

  private final long keepNanos;
  private final int maxPerGeneration;
  private Table current = new Table(INITIAL_SLOTS);
  private Table previous = new Table(INITIAL_SLOTS);
  private long currentSince = System.nanoTime();

  WrittenScans(long keepNanos, int maxPerGeneration) {
    this.keepNanos = keepNanos;
    this.maxPerGeneration = maxPerGeneration;
  }

  synchronized void add(String scanId, byte[] fingerprint, VerdictCode verdict) {
    turnOver(current.size >= maxPerGeneration);
    ByteBuffer id = ByteBuffer.wrap(idHash(scanId));
    ByteBuffer f = ByteBuffer.wrap(fingerprint);
    current = current.put(id.getLong(0), id.getLong(8), f.getLong(0), f.getLong(8), verdict);
  }

  synchronized Optional<Written> get(String scanId) {
    turnOver(false);
    ByteBuffer id = ByteBuffer.wrap(idHash(scanId));
    long high = id.getLong(0);
    long low = id.getLong(8);
    Written found = current.get(high, low);
    return Optional.ofNullable(found != null ? found : previous.get(high, low));
  }

  synchronized int size() {
    return current.size + previous.size;
  }

  /**
   * Starts a new generation when the current one is {@code full} or has been current for {@code
   * keepNanos}; when twice that has passed, the previous one goes too. Run on every add and get, so
   * nothing outlives two turns even when no scans are written.
   */
  private void turnOver(boolean full) {
    long age = System.nanoTime() - currentSince;
    if (!full && age < keepNanos) {
      return;
    }
    previous = age >= 2 * keepNanos ? new Table(INITIAL_SLOTS) : current;
    current = new Table(INITIAL_SLOTS);
    currentSince = System.nanoTime();
  }

  private static byte[] idHash(String scanId) {
    return Sha256.hash(scanId.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Open addressing with linear probing, at most 3/4 full. Slot {@code i} is {@code keys[2i],
   * keys[2i+1]} (the id hash; all zero when free), {@code fingerprints[2i], fingerprints[2i+1]} and
   * {@code verdicts[i]}.
   */
  private static final class Table {
    private final long[] keys;
    private final long[] fingerprints;
    private final byte[] verdicts;
    private final int mask;
    private int size;

    Table(int slots) {
      keys = new long[2 * slots];
      fingerprints = new long[2 * slots];
      verdicts = new byte[slots];
      mask = slots - 1;
    }

    /** Puts the entry, into this table or, when it is full, a twice larger one it returns. */
    Table put(long high, long low, long fpHigh, long fpLow, VerdictCode verdict) {
      if (high == 0 && low == 0) {
        low = 1; // all zero marks a free slot; a 2^-128 chance merges this id with another
      }
      if (4L * (size + 1) > 3L * verdicts.length) {
        Table larger = new Table(2 * verdicts.length);
        for (int i = 0; i < verdicts.length; i++) {
          if (keys[2 * i] != 0 || keys[2 * i + 1] != 0) {
            larger.put(
                keys[2 * i],
                keys[2 * i + 1],
                fingerprints[2 * i],
                fingerprints[2 * i + 1],
                VERDICTS[verdicts[i]]);
          }
        }
        return larger.put(high, low, fpHigh, fpLow, verdict);
      }
      int i = slot(high, low);
      if (keys[2 * i] == 0 && keys[2 * i + 1] == 0) {
        size++;
      }
      keys[2 * i] = high;
      keys[2 * i + 1] = low;
      fingerprints[2 * i] = fpHigh;
      fingerprints[2 * i + 1] = fpLow;
      verdicts[i] = (byte) verdict.ordinal();
      return this;
    }

    Written get(long high, long low) {
      if (high == 0 && low == 0) {
        low = 1;
      }
      int i = slot(high, low);
      if (keys[2 * i] == 0 && keys[2 * i + 1] == 0) {
        return null;
      }
      return new Written(fingerprints[2 * i], fingerprints[2 * i + 1], VERDICTS[verdicts[i]]);
    }

    /** The slot holding {@code (high, low)}, or the free slot where it would go. */
    private int slot(long high, long low) {
      int i = (int) low & mask;
      while ((keys[2 * i] != 0 || keys[2 * i + 1] != 0)
          && (keys[2 * i] != high || keys[2 * i + 1] != low)) {
        i = (i + 1) & mask;
      }
      return i;
    }
  }
}
