package org.markproof.service.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.markproof.contracts.crypto.Sha256;
import org.markproof.contracts.verdict.VerdictCode;

/**
 * A written scan is found by its id, with its fingerprint and verdict, for at least the kept time.
 */
class WrittenScansTest {
  private static final long HOUR = TimeUnit.HOURS.toNanos(1);

  private static byte[] fingerprint(String text) {
    return Sha256.hash(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void findsWhatWasWrittenAndNothingElse() {
    WrittenScans written = new WrittenScans(HOUR, 1000);
    written.add("scan-1", fingerprint("a"), VerdictCode.GENUINE);
    written.add("scan-2", fingerprint("b"), VerdictCode.SUSPECT_CLONE);

    WrittenScans.Written one = written.get("scan-1").orElseThrow();
    assertTrue(one.sameFingerprint(fingerprint("a")));
    assertFalse(one.sameFingerprint(fingerprint("b")), "a reused id has another fingerprint");
    assertEquals(VerdictCode.GENUINE, one.verdict());
    assertEquals(VerdictCode.SUSPECT_CLONE, written.get("scan-2").orElseThrow().verdict());
    assertTrue(written.get("scan-3").isEmpty());
    assertTrue(written.get("").isEmpty());
  }

  @Test
  void growsWithoutLosingAnyEntry() {
    WrittenScans written = new WrittenScans(HOUR, 1_000_000);
    int n = 50_000; // the tables start at 4,096 slots: several doublings
    VerdictCode[] codes = VerdictCode.values();
    for (int i = 0; i < n; i++) {
      written.add("scan-" + i, fingerprint("f" + i), codes[i % codes.length]);
    }
    assertEquals(n, written.size());
    for (int i = 0; i < n; i++) {
      WrittenScans.Written w = written.get("scan-" + i).orElseThrow(AssertionError::new);
      assertTrue(w.sameFingerprint(fingerprint("f" + i)), "scan-" + i);
      assertEquals(codes[i % codes.length], w.verdict());
    }
    assertTrue(written.get("scan-" + n).isEmpty());
  }

  @Test
  void addingAnIdAgainKeepsOneEntryWithTheLatestValues() {
    WrittenScans written = new WrittenScans(HOUR, 1000);
    written.add("scan-1", fingerprint("a"), VerdictCode.GENUINE);
    written.add("scan-1", fingerprint("b"), VerdictCode.REVOKED);
    assertEquals(1, written.size());
    assertTrue(written.get("scan-1").orElseThrow().sameFingerprint(fingerprint("b")));
    assertEquals(VerdictCode.REVOKED, written.get("scan-1").orElseThrow().verdict());
  }

  @Test
  void aFullGenerationIsKeptForOneMoreAndThenForgotten() {
    WrittenScans written = new WrittenScans(HOUR, 3);
    for (int i = 0; i < 3; i++) {
      written.add("old-" + i, fingerprint("o" + i), VerdictCode.GENUINE);
    }
    written.add("mid-0", fingerprint("m"), VerdictCode.GENUINE); // the old ones become previous
    assertTrue(written.get("old-0").isPresent(), "the previous generation is still asked");
    assertTrue(written.get("mid-0").isPresent());
    written.add("mid-1", fingerprint("m1"), VerdictCode.GENUINE);
    written.add("mid-2", fingerprint("m2"), VerdictCode.GENUINE);
    written.add("new-0", fingerprint("n"), VerdictCode.GENUINE); // the old ones are dropped
    assertTrue(written.get("old-0").isEmpty());
    assertTrue(written.get("old-2").isEmpty());
    assertTrue(written.get("mid-0").isPresent());
    assertTrue(written.get("new-0").isPresent());
    assertEquals(4, written.size());
  }

  @Test
  void generationsTurnOverWithTime() throws InterruptedException {
    long keep = TimeUnit.MILLISECONDS.toNanos(50);
    WrittenScans written = new WrittenScans(keep, 1000);
    written.add("first", fingerprint("1"), VerdictCode.GENUINE);
    TimeUnit.NANOSECONDS.sleep(keep + 1_000_000);
    written.add("second", fingerprint("2"), VerdictCode.GENUINE);
    assertTrue(written.get("first").isPresent(), "kept for at least the kept time");
    TimeUnit.NANOSECONDS.sleep(keep + 1_000_000);
    written.add("third", fingerprint("3"), VerdictCode.GENUINE);
    assertTrue(written.get("first").isEmpty(), "forgotten two turns later");
    assertTrue(written.get("second").isPresent());
  }
}
