package org.markproof.edge.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.markproof.contracts.problem.ProblemCode;
import org.markproof.edge.scan.OfflineScanner;
import org.markproof.edge.serve.LanProblem.Violation;
import org.markproof.edge.store.EdgeStoreException;
import org.markproof.edge.store.QueuedScan;

/**
 * The scans {@code serve} answered lately, by client scan id, so that a handheld retrying a scan
 * (the same {@code scanId}) gets the first answer and nothing is queued twice, as the service
 * answers a retry: also while the first is still being judged (the retry waits for it), and after
 * the background upload took the scan from the queue. Bounded: the {@value #MAX_SCANS} latest; an
 * older retry is found in the queue while it is queued there.
 */
final class ReplayedScans {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** How long a retry waits for the first scan of its id to be answered. */
  private static final long WAIT_SECONDS = 30;

  /** Most answers kept. */
  static final int MAX_SCANS = 4096;

  /**
   * A scan answered: its fields as judged, and the verdict document.
   *
   * @param fields what a retry must match ({@link ScanFields})
   * @param verdictJson the signed verdict document answered
   * @param recording whether the scan is queued durably yet
   */
  record Answered(ScanFields fields, byte[] verdictJson, OfflineScanner.Recording recording) {}

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

  /**
   * An answer to a scan: the verdict document, whether it answers an earlier request, and whether
   * the scan is queued durably yet.
   */
  record Answer(byte[] json, boolean replayed, OfflineScanner.Recording recording) {}

  /** Judges and queues a scan seen for the first time. */
  @FunctionalInterface
  interface Judge {
    Answered judge(HandheldScan scan) throws LanProblem;
  }

  /** The queued scan of a scan id, if it is queued. */
  @FunctionalInterface
  interface Queue {
    Optional<QueuedScan> find(String scanId) throws EdgeStoreException;
  }

  /**
   * Answers {@code scan}: judged by {@code fresh} the first time its scan id is seen, else with the
   * first answer (found here, or in the queue through {@code queue}); without a scan id, judged.
   *
   * @throws LanProblem 409 if the scan id was used for another scan, 503 if the scan could not be
   *     judged or queued
   */
  Answer answer(HandheldScan scan, Judge fresh, Queue queue) throws LanProblem {
    if (scan.given().scanId().isEmpty()) {
      Answered answered = fresh.judge(scan);
      return new Answer(answered.verdictJson(), false, answered.recording());
    }
    String id = scan.given().scanId().get();
    while (true) {
      CompletableFuture<Answered> mine = new CompletableFuture<>();
      Optional<CompletableFuture<Answered>> first = firstOr(id, mine);
      if (first.isPresent()) {
        try {
          return replay(first.get().get(WAIT_SECONDS, TimeUnit.SECONDS), scan);
        } catch (ExecutionException e) {
          continue; // the first failed and was forgotten: this one judges it
        } catch (TimeoutException e) {
          throw new LanProblem(
              ProblemCode.SERVICE_UNAVAILABLE,
              "scan " + id + " is still being judged; send it again");
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new LanProblem(ProblemCode.SERVICE_UNAVAILABLE, "the post is stopping");
        }
      }
      try {
        Optional<QueuedScan> queued = queue.find(id);
        if (queued.isPresent()) {
          JsonNode body = JSON.readTree(queued.get().body());
          Answered answered =
              new Answered(
                  ScanFields.of(body),
                  JSON.writeValueAsBytes(body.get("verdict")),
                  OfflineScanner.Recording.DURABLE);
          mine.complete(answered);
          return replay(answered, scan);
        }
        Answered answered = fresh.judge(scan);
        mine.complete(answered);
        return new Answer(answered.verdictJson(), false, answered.recording());
      } catch (LanProblem | IOException | RuntimeException e) {
        forget(id, mine);
        mine.completeExceptionally(e);
        if (e instanceof LanProblem p) {
          throw p;
        }
        throw new LanProblem(
            ProblemCode.SERVICE_UNAVAILABLE, "cannot queue the scan: " + e.getMessage());
      }
    }
  }

  private static Answer replay(Answered first, HandheldScan retry) throws LanProblem {
    if (!first.fields().matches(retry.input(), retry.given())) {
      throw new LanProblem(
          ProblemCode.CONFLICT,
          "scan id "
              + retry.given().scanId().orElseThrow()
              + " was used for another scan; choose a new id (a random UUID)",
          List.of(new Violation("scan-id-reused", "/scanId", "used for another scan")),
          Optional.empty());
    }
    return new Answer(first.verdictJson(), true, first.recording());
  }
}
