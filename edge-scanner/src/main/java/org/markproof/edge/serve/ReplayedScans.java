package org.markproof.edge.serve;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The scans {@code serve} answered lately, by client scan id, so that a handheld retrying a scan
 * (the same {@code scanId}) gets the first answer and nothing is queued twice, as the service
 * answers a retry: also while the first is still being judged (the retry waits for it), and after
 * the background upload took the scan from the queue. Bounded: the {@value #MAX_SCANS} latest; an
 * older retry is found in the queue while it is queued there.
 */
final class ReplayedScans {
  /** Most answers kept. */
  static final int MAX_SCANS = 4096;

  /**
   * A scan answered: its fields as judged, and the verdict document.
   *
   * @param fields what a retry must match ({@link ScanFields})
   * @param verdictJson the signed verdict document answered
   */
  record Answered(ScanFields fields, String verdictJson) {}

  private final Map<String, CompletableFuture<Answered>> scans =
      new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, CompletableFuture<Answered>> e) {
          return size() > MAX_SCANS;
        }
      };

  /**
   * The answer, done or coming, of the first scan with id {@code scanId}; if there is none, {@code
   * mine} becomes it and empty is returned: the caller judges the scan and completes {@code mine}.
   */
  synchronized Optional<CompletableFuture<Answered>> firstOr(
      String scanId, CompletableFuture<Answered> mine) {
    CompletableFuture<Answered> first = scans.get(scanId);
    if (first != null) {
      return Optional.of(first);
    }
    scans.put(scanId, mine);
    return Optional.empty();
  }

  /** Forgets a scan that failed, so that a retry judges it again. */
  synchronized void forget(String scanId, CompletableFuture<Answered> mine) {
    scans.remove(scanId, mine);
  }
}
