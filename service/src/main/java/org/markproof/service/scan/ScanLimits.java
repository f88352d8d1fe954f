package org.markproof.service.scan;

import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.markproof.contracts.problem.ProblemCode;
import org.markproof.service.problem.Problem;
import org.markproof.service.problem.ProblemResponses;

/** The rate limits of the scan endpoints: per token on scans, per client on consumer checks. */
@ApplicationScoped
public class ScanLimits {
  @Inject ScanSettings settings;
  @Inject ProblemResponses problems;

  private RateLimiter scans;
  private RateLimiter checks;

  @PostConstruct
  void init() {
    scans = new RateLimiter(settings.tokenRate(), settings.tokenBurst(), System::nanoTime);
    checks = new RateLimiter(settings.verifyRate(), settings.verifyBurst(), System::nanoTime);
  }

  @Inject ScanRecorder recorder;

  /**
   * A 429 answer if the token of {@code subject} is over its scan rate, or a 503 while more scans
   * wait to be recorded than {@code markproof.scan.max-record-backlog}.
   */
  Optional<Response> scans(String subject) {
    if (recorder.backlog() > settings.maxRecordBacklog()) {
      Problem problem =
          Problem.of(
                  ProblemCode.SERVICE_UNAVAILABLE,
                  "more scans wait to be recorded than the service keeps; retry in a second",
                  null)
              .withHint("the database is slower than the scans arrive");
      return Optional.of(
          Response.fromResponse(problems.response(problem)).header("Retry-After", "1").build());
    }
    return limited(scans, subject, "scans by this token");
  }

  /** A 429 answer if {@code client} is over its consumer-check rate. */
  Optional<Response> checks(String client) {
    return limited(checks, client, "checks from this address");
  }

  private Optional<Response> limited(RateLimiter limiter, String key, String what) {
    long wait = limiter.acquire(key);
    if (wait == 0) {
      return Optional.empty();
    }
    Problem problem =
        Problem.of(
                ProblemCode.TOO_MANY_REQUESTS,
                "too many " + what + "; retry after " + wait + " s",
                null)
            .withHint("the Retry-After header says when");
    return Optional.of(
        Response.fromResponse(problems.response(problem))
            .header("Retry-After", Long.toString(wait))
            .build());
  }

  @Scheduled(every = "60s")
  void sweep() {
    scans.sweep();
    checks.sweep();
  }
}
