package org.markproof.service.audit;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.markproof.service.auth.Groups;

/**
 * {@code POST /v1/audit}: an operator asks the service to audit its stored log ({@link
 * LogAuditor}); the answer is the report, {@code ok: false} with the findings when something is
 * wrong. Operators only: a full audit reads the whole log. No request body.
 */
@Path("/v1/audit")
@RolesAllowed(Groups.OPERATOR)
@SecurityRequirement(name = "bearer")
public class AuditResource {
  private final LogAuditor auditor;

  AuditResource(LogAuditor auditor) {
    this.auditor = auditor;
  }

  @POST
  @Produces(MediaType.APPLICATION_JSON)
  public Uni<AuditReport> audit() {
    return auditor.audit();
  }
}
