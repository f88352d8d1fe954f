package org.markproof.service.scan;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.markproof.service.auth.Groups;

/**
 * {@code GET /v1/alerts?since=&limit=} for brand owners: scans of their own goods that customs
 * found cloned, revoked or counterfeit — their marks as holder, their batches as issuer or
 * licensee, and no one else's. Offline posts' uploads appear once uploaded, by their scan time.
 */
@Path("/v1/alerts")
@SecurityRequirement(name = "bearer")
public class AlertsResource {
  /**
   * A brand owner's alerts: {@code concerns @>} so that the partial GIN index {@code scan_alerts}
   * (V14) answers it, its {@code verdict} list the index's own.
   */
  static final String ALERTS =
      "SELECT scan_id, post_id, scanned_at, received_at, verdict, gtin, batch, serial,"
          + " offline FROM scan WHERE concerns @> ARRAY[$1::text]"
          + " AND verdict IN ('SUSPECT_CLONE', 'REVOKED', 'COUNTERFEIT')"
          + " AND scanned_at >= $2 ORDER BY scanned_at, scan_id LIMIT $3";

  @Inject Pool pool;
  @Inject JsonWebToken token;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed(Groups.BRAND_OWNER)
  public Uni<Map<String, Object>> alerts(
      @QueryParam("since") String since, @QueryParam("limit") String limit) {
    Instant from = since == null ? Instant.EPOCH : ScansResource.time("since", since);
    int count = limit == null ? 100 : ScansResource.count(limit);
    return pool.preparedQuery(ALERTS)
        .execute(Tuple.of(token.getSubject(), from.atOffset(ZoneOffset.UTC), count))
        .map(rows -> ScansResource.summaries("alerts", rows));
  }
}
