package org.markproof.service.submission;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.markproof.contracts.entry.StatementKind;
import org.markproof.service.auth.Groups;
import org.markproof.service.log.keys.SubmitsToLog;

/**
 * {@code POST /v1/licenses}: a custodial {@code license.granted}. The mark's holder grants it (a
 * brand owner), or the registrar of the mark's office records it (a license recordal, DESIGN.md
 * "Actors"); the rules check which.
 */
@Path("/v1")
@RolesAllowed({Groups.BRAND_OWNER, Groups.REGISTRAR})
@SecurityRequirement(name = "bearer")
@SubmitsToLog
public class LicensesResource {
  private final StatementBodies bodies;
  private final CustodialSubmissions submissions;
  private final JsonWebToken token;

  LicensesResource(StatementBodies bodies, CustodialSubmissions submissions, JsonWebToken token) {
    this.bodies = bodies;
    this.submissions = submissions;
    this.token = token;
  }

  @POST
  @Path("/licenses")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public Uni<Response> grant(
      byte[] body,
      @QueryParam("wait") String wait,
      @HeaderParam("Idempotency-Key") String idempotencyKey) {
    String key = RequestChecks.idempotencyKey(idempotencyKey);
    boolean waiting = RequestChecks.waitFlag(wait);
    return submissions.signAndSubmit(
        bodies.statement(
            StatementKind.LICENSE_GRANTED, token.getSubject(), bodies.object(body), Map.of()),
        key,
        waiting);
  }
}
