package org.markproof.service.problem;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.markproof.contracts.problem.ProblemCode;

/**
 * Answers every failure inside the REST layer with an RFC 9457 problem: request bodies Jackson
 * could not read, the status exceptions JAX-RS throws (404, 405, 406, 415 …), the security layer's
 * 401 and 403, and anything unexpected (500, logged under a correlation id). Failures before the
 * REST layer (a body over the size limit) are answered by {@link HttpLayerProblems}.
 */
public class ProblemMappers {
  private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

  /** RFC 6750 §3: the scheme and realm a client must authenticate with. */
  static final String CHALLENGE = "Bearer realm=\"markproof\"";

  private final ProblemResponses responses;

  ProblemMappers(ProblemResponses responses) {
    this.responses = responses;
  }

  @ServerExceptionMapper
  public Response unreadableBody(MismatchedInputException e, HttpServerRequest request) {
    return responses.response(RequestBodyProblems.of(e, request.path()));
  }

  @ServerExceptionMapper
  public Response httpStatus(WebApplicationException e, HttpServerRequest request) {
    Problem body = RequestBodyProblems.of(e.getCause(), request.path());
    if (body != null) {
      return responses.response(body);
    }
    Response original = e.getResponse();
    int status = original.getStatus();
    ProblemCode code = ProblemCode.forStatus(status);
    String path = request.path();
    String detail =
        switch (code) {
          case NOT_FOUND -> "nothing at " + ProblemResponses.echo(path);
          case METHOD_NOT_ALLOWED ->
              ProblemResponses.echo(request.method().name())
                  + " is not allowed on "
                  + ProblemResponses.echo(path)
                  + "; an OPTIONS request lists the methods that are";
          case NOT_ACCEPTABLE ->
              "cannot answer in any type the Accept header lists: "
                  + ProblemResponses.echo(request.getHeader(HttpHeaders.ACCEPT));
          case UNSUPPORTED_MEDIA_TYPE ->
              "this endpoint does not read Content-Type "
                  + ProblemResponses.echo(request.getHeader(HttpHeaders.CONTENT_TYPE));
          case BODY_TOO_LARGE -> "the request body is larger than this service accepts";
          default -> status >= 500 ? "the service could not complete the request" : e.getMessage();
        };
    Problem problem =
        new Problem(code.type(), code.title(), status, detail, path, code.code(), null, null, null);
    Response.ResponseBuilder answer =
        Response.status(status).type(ProblemResponses.MEDIA_TYPE).entity(responses.json(problem));
    if (original.getHeaderString(HttpHeaders.ALLOW) != null) {
      answer.header(HttpHeaders.ALLOW, original.getHeaderString(HttpHeaders.ALLOW));
    }
    return answer.build();
  }

  @ServerExceptionMapper
  public Response missingCredentials(UnauthorizedException e, HttpServerRequest request) {
    Problem problem =
        Problem.of(
            ProblemCode.UNAUTHENTICATED,
            "this endpoint needs a bearer token (Authorization: Bearer <JWT>)",
            request.path());
    return Response.fromResponse(responses.response(problem))
        .header(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE)
        .build();
  }

  @ServerExceptionMapper
  public Response rejectedCredentials(AuthenticationFailedException e, HttpServerRequest request) {
    boolean expired = hasExpired(e);
    Problem problem =
        Problem.of(
                ProblemCode.UNAUTHENTICATED,
                expired
                    ? "the bearer token has expired"
                    : "the bearer token was refused: it must be an EdDSA-signed JWT from the"
                        + " configured issuer, for this service's audience, and unexpired",
                request.path())
            .withHint(expired ? "obtain a new token" : null);
    return Response.fromResponse(responses.response(problem))
        .header(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE + ", error=\"invalid_token\"")
        .build();
  }

  @ServerExceptionMapper
  public Response forbidden(ForbiddenException e, HttpServerRequest request) {
    return responses.response(
        Problem.of(
            ProblemCode.FORBIDDEN, "the token's groups do not allow this request", request.path()));
  }

  @ServerExceptionMapper
  public Response unexpected(Exception e, HttpServerRequest request) {
    String correlationId = UUID.randomUUID().toString();
    LOG.errorf(
        e,
        "Unexpected failure answering %s %s (correlation id %s)",
        request.method(),
        request.path(),
        correlationId);
    return responses.response(
        Problem.of(
                ProblemCode.INTERNAL_ERROR,
                "the service failed to answer; the failure is logged under the correlation id",
                request.path())
            .withCorrelationId(correlationId));
  }

  private static boolean hasExpired(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof InvalidJwtException jwt && jwt.hasExpired()) {
        return true;
      }
    }
    return false;
  }
}
