package org.markproof.service.custody;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.markproof.contracts.problem.ProblemCode;
import org.markproof.service.problem.Problem;
import org.markproof.service.problem.ProblemResponses;

/**
 * Answers the vault's failures with RFC 9457 problems: no key held for the caller (409, {@code
 * custodial-key-missing}) and custody not usable here (503, {@code service-unavailable}, naming
 * what to configure). Neither ever carries key material.
 */
public class CustodyProblems {
  private final ProblemResponses responses;

  CustodyProblems(ProblemResponses responses) {
    this.responses = responses;
  }

  @ServerExceptionMapper
  public Response missingKey(CustodialKeyMissingException e, HttpServerRequest request) {
    return responses.response(
        Problem.of(
                ProblemCode.CUSTODIAL_KEY_MISSING,
                "the service holds no signing key for participant " + e.participant(),
                request.path())
            .withHint(
                "a participant holding its own key signs its statements and posts them to"
                    + " /v1/entries; otherwise an operator enrols it without a publicKey"));
  }

  @ServerExceptionMapper
  public Response unavailable(CustodyUnavailableException e, HttpServerRequest request) {
    return responses.response(
        Problem.of(ProblemCode.SERVICE_UNAVAILABLE, e.getMessage(), request.path()));
  }
}
