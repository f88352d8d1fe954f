package org.markproof.service.submission;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.markproof.service.problem.ProblemResponses;

/** Answers a {@link SubmissionProblem} with its RFC 9457 problem body. */
public class SubmissionProblems {
  private final ProblemResponses responses;

  SubmissionProblems(ProblemResponses responses) {
    this.responses = responses;
  }

  @ServerExceptionMapper
  public Response refused(SubmissionProblem e, HttpServerRequest request) {
    return responses.response(e.problem(request.path()));
  }
}
