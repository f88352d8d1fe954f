package org.markproof.service.log.keys;

import org.markproof.contracts.problem.ProblemCode;
import org.markproof.service.problem.Problem;

/**
 * Something asked a verifier-only service to sign as the log or to take a submission: it holds the
 * log's verifier keys alone ({@code markproof.log.verifier-keys}, no signer key) and signs nothing
 * as the log. Answered as a {@code 503} problem {@code log-read-only} ({@link
 * LogReadOnlyProblems}).
 */
public final class LogReadOnlyException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public LogReadOnlyException() {
    super(
        "this service is verifier-only: it holds the log's verifier keys and no signer key, serves"
            + " and verifies the log, and accepts no submissions",
        null,
        false,
        false);
  }

  /** The problem body for the request at {@code instance}. */
  public Problem problem(String instance) {
    return Problem.of(ProblemCode.LOG_READ_ONLY, getMessage(), instance)
        .withHint(
            "submit to the log's signing service; this one is a read-only copy (a restore drill"
                + " or a mirror)");
  }
}
