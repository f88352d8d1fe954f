package org.markproof.service.log.api;

import org.markproof.contracts.problem.ProblemCode;

/**
 * A request to the public log API that cannot be answered as asked: a malformed or out-of-range
 * parameter (400), a resource the log does not have (404), or nothing to answer from yet (503).
 * {@link LogApiProblems} answers it with an RFC 9457 problem naming the parameter.
 */
public final class LogApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final ProblemCode code;
  private final String parameter;
  private final String hint;

  private LogApiException(ProblemCode code, String parameter, String detail, String hint) {
    super(detail, null, false, false);
    this.code = code;
    this.parameter = parameter;
    this.hint = hint;
  }

  /** The query or path parameter {@code parameter} is malformed or out of range: a 400. */
  public static LogApiException badParameter(String parameter, String detail) {
    return new LogApiException(ProblemCode.BAD_REQUEST, parameter, detail, null);
  }

  /** The log has nothing at this address (yet): a 404, with what to do next if known. */
  public static LogApiException notFound(String detail, String hint) {
    return new LogApiException(ProblemCode.NOT_FOUND, null, detail, hint);
  }

  /** The log cannot answer yet (no checkpoint signed): a 503, with what to do next. */
  public static LogApiException unavailable(String detail, String hint) {
    return new LogApiException(ProblemCode.SERVICE_UNAVAILABLE, null, detail, hint);
  }

  public ProblemCode code() {
    return code;
  }

  /** The parameter at fault, or {@code null}. */
  public String parameter() {
    return parameter;
  }

  /** What the client can do next, or {@code null}. */
  public String hint() {
    return hint;
  }
}
