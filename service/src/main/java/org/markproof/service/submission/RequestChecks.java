package org.markproof.service.submission;

import org.markproof.contracts.entry.EntryLimits;
import org.markproof.contracts.problem.ProblemCode;
import org.markproof.service.problem.Problem;

/** Checks every submission endpoint makes on the request before it reads the statement. */
final class RequestChecks {
  /** Largest body a submission endpoint reads: contracts' bound on one entry's JSON text. */
  static final int MAX_BODY_BYTES = EntryLimits.MAX_ENTRY_BYTES;

  /** An {@code Idempotency-Key} is 1 to 255 visible ASCII characters (a UUID fits). */
  private static final java.util.regex.Pattern IDEMPOTENCY_KEY =
      java.util.regex.Pattern.compile("[\\x21-\\x7E]{1,255}");

  private RequestChecks() {}

  /** Refuses a body over {@link #MAX_BODY_BYTES} (413) or an empty one (400). */
  static byte[] body(byte[] body) {
    if (body == null || body.length == 0) {
      throw new SubmissionProblem(
          ProblemCode.MALFORMED_JSON, "the body is empty; send one JSON object");
    }
    if (body.length > MAX_BODY_BYTES) {
      throw EntryRefusals.tooLarge(body.length, MAX_BODY_BYTES);
    }
    return body;
  }

  /**
   * The {@code Idempotency-Key} header (draft-ietf-httpapi-idempotency-key-header) as given, or
   * null when absent; refuses one that is empty, too long or not visible ASCII.
   */
  static String idempotencyKey(String header) {
    if (header == null) {
      return null;
    }
    if (!IDEMPOTENCY_KEY.matcher(header).matches()) {
      throw new SubmissionProblem(
          ProblemCode.BAD_REQUEST,
          "the Idempotency-Key header must be 1 to 255 visible ASCII characters",
          java.util.List.of(
              new Problem.Violation("invalid-header", null, "Idempotency-Key is malformed")),
          "a random UUID makes a good key");
    }
    return header;
  }

  /** The {@code wait} query parameter: absent or {@code false}, or {@code true}; else 400. */
  static boolean waitFlag(String wait) {
    if (wait == null || wait.equals("false")) {
      return false;
    }
    if (wait.equals("true")) {
      return true;
    }
    throw new SubmissionProblem(
        ProblemCode.BAD_REQUEST,
        "the wait query parameter is true or false",
        java.util.List.of(new Problem.Violation("invalid-parameter", null, "wait")),
        null);
  }
}
