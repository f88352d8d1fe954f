package org.markproof.service.log.api;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.markproof.service.problem.Problem;
import org.markproof.service.problem.ProblemResponses;

/**
 * Answers a {@link LogApiException} with an RFC 9457 problem: the parameter at fault is named in
 * {@code detail} and as the {@code path} of the one violation, so that a client can branch on it.
 * Such answers are never cached: a resource missing now may exist after the next append.
 */
public class LogApiProblems {
  /** The violation code of a bad query or path parameter. */
  public static final String INVALID_PARAMETER = "invalid-parameter";

  private final ProblemResponses responses;

  LogApiProblems(ProblemResponses responses) {
    this.responses = responses;
  }

  @ServerExceptionMapper
  public Response logApiProblem(LogApiException e, HttpServerRequest request) {
    Problem problem =
        Problem.of(e.code(), e.getMessage(), request.path())
            .withHint(e.hint())
            .withViolations(
                e.parameter() == null
                    ? null
                    : List.of(
                        new Problem.Violation(INVALID_PARAMETER, e.parameter(), e.getMessage())));
    return Response.fromResponse(responses.response(problem))
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .build();
  }
}
