package org.markproof.service.labels;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.markproof.service.problem.ProblemResponses;

/** Answers a {@link LabelProblem} with its RFC 9457 problem body. */
public class LabelProblems {
  private final ProblemResponses responses;

  LabelProblems(ProblemResponses responses) {
    this.responses = responses;
  }

  @ServerExceptionMapper
  public Response refused(LabelProblem e, HttpServerRequest request) {
    return responses.response(e.problem(request.path()));
  }
}
