package org.markproof.service.problem;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.markproof.contracts.problem.ProblemCode;

/**
 * Gives problem bodies to the answers the HTTP layer makes before a request reaches the REST layer,
 * which Quarkus would otherwise send empty or as its own error page: a body larger than {@code
 * quarkus.http.limits.max-body-size} (413), whether its length is declared or it streams in chunks,
 * and any other failure a route reports.
 */
@ApplicationScoped
public class HttpLayerProblems {
  private static final Logger LOG = Logger.getLogger(HttpLayerProblems.class);

  private static final Set<HttpMethod> MAY_HAVE_BODY =
      Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE);

  private final long maxBodyBytes;
  private final BodyHandler streamedBodies;

  private final ProblemResponses responses;

  HttpLayerProblems(
      ProblemResponses responses,
      @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize) {
    this.responses = responses;
    this.maxBodyBytes = maxBodySize.asLongValue();
    this.streamedBodies = BodyHandler.create(false).setBodyLimit(maxBodyBytes);
  }

  void install(@Observes Router router) {
    // Before Quarkus's own limit route, which answers 413 with an empty body.
    router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).handler(this::limitBody);
    router.route().order(Integer.MIN_VALUE).failureHandler(this::answerFailure);
  }

  private String tooLargeDetail() {
    return "the request body is larger than the limit of " + maxBodyBytes + " bytes";
  }

  private void limitBody(RoutingContext context) {
    String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
    if (length == null && MAY_HAVE_BODY.contains(context.request().method())) {
      // A streamed body's size shows only while it is read. Quarkus's reader would answer an
      // oversized one with an empty 413; reading it here, bounded, makes the excess a routing
      // failure that answerFailure turns into a problem. The REST layer then reads the buffer.
      streamedBodies.handle(context);
      return;
    }
    if (length != null && isDecimal(length) && Long.parseLong(length) > maxBodyBytes) {
      HttpServerResponse response = context.response();
      // The rest of the body is never read, so the connection cannot carry another request.
      response.putHeader(HttpHeaders.CONNECTION, "close");
      response.endHandler(ignored -> context.request().connection().close());
      write(context, Problem.of(ProblemCode.BODY_TOO_LARGE, tooLargeDetail(), path(context)));
      return;
    }
    context.next();
  }

  /**
   * Whether {@code s} is 1 to 18 decimal digits (so it parses as a long). Checked by hand: {@code
   * String.matches} compiled its pattern again on every request.
   */
  private static boolean isDecimal(String s) {
    if (s.isEmpty() || s.length() > 18) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  private void answerFailure(RoutingContext context) {
    if (context.response().headWritten()) {
      context.next();
      return;
    }
    int status = context.statusCode() > 0 ? context.statusCode() : 500;
    ProblemCode code = ProblemCode.forStatus(status);
    Problem problem =
        switch (code) {
          case BODY_TOO_LARGE -> {
            context.response().putHeader(HttpHeaders.CONNECTION, "close");
            yield Problem.of(code, tooLargeDetail(), path(context));
          }
          case INTERNAL_ERROR -> {
            String correlationId = UUID.randomUUID().toString();
            LOG.errorf(
                context.failure(),
                "Unexpected failure answering %s %s (correlation id %s)",
                context.request().method(),
                path(context),
                correlationId);
            yield Problem.of(
                    code,
                    "the service failed to answer; the failure is logged under the correlation id",
                    path(context))
                .withCorrelationId(correlationId);
          }
          case SERVICE_UNAVAILABLE ->
              Problem.of(code, "the service cannot answer now; retry later", path(context));
          default ->
              new Problem(
                  code.type(),
                  code.title(),
                  status,
                  "the request was refused",
                  path(context),
                  code.code(),
                  null,
                  null,
                  null);
        };
    write(context, problem);
  }

  private void write(RoutingContext context, Problem problem) {
    context
        .response()
        .setStatusCode(problem.status())
        .putHeader(HttpHeaders.CONTENT_TYPE, ProblemResponses.MEDIA_TYPE)
        .end(responses.json(problem));
  }

  private static String path(RoutingContext context) {
    return context.request().path();
  }
}
