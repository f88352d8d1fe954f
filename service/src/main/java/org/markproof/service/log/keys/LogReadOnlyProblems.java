package org.markproof.service.log.keys;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.markproof.service.problem.ProblemResponses;

/** Answers a {@link LogReadOnlyException} with its RFC 9457 problem: 503 {@code log-read-only}. */
public class LogReadOnlyProblems {
  private final ProblemResponses responses;

  LogReadOnlyProblems(ProblemResponses responses) {
    this.responses = responses;
  }

  @ServerExceptionMapper
  public Response readOnly(LogReadOnlyException e, HttpServerRequest request) {
    return responses.response(e.problem(request.path()));
  }
}
