package org.markproof.service.problem;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Test-only routes on the HTTP layer itself (outside the REST layer), failing the two ways a route
 * can: by throwing, and by failing with a status.
 */
@ApplicationScoped
public class FailingRouteProbe {

  void install(@Observes Router router) {
    router
        .get("/test/http-layer/throws")
        .handler(
            context -> {
              throw new IllegalStateException("java.lang.secret from a route");
            });
    router.get("/test/http-layer/fails-503").handler(context -> context.fail(503));
  }
}
