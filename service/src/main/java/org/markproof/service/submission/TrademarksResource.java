package org.markproof.service.submission;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.markproof.contracts.entry.OfficeCode;
import org.markproof.contracts.entry.StatementKind;
import org.markproof.contracts.entry.TrademarkRef;
import org.markproof.contracts.problem.ProblemCode;
import org.markproof.service.auth.Groups;
import org.markproof.service.log.keys.SubmitsToLog;
import org.markproof.service.problem.Problem;

/**
 * A registrar's custodial statements about trademarks: {@code POST /v1/trademarks} records a mark
 * ({@code trademark.recorded}), {@code POST /v1/trademarks/{office}/{number}/status} changes its
 * status ({@code trademark.status-changed}) and {@code …/assignments} records a new holder ({@code
 * trademark.assigned}). Bodies carry the statement's fields (the trademark comes from the URL where
 * there is one); the rules check that the registrar acts for the mark's office.
 */
@Path("/v1")
@RolesAllowed(Groups.REGISTRAR)
@SecurityRequirement(name = "bearer")
@SubmitsToLog
public class TrademarksResource {
  private final StatementBodies bodies;
  private final CustodialSubmissions submissions;
  private final JsonWebToken token;

  TrademarksResource(StatementBodies bodies, CustodialSubmissions submissions, JsonWebToken token) {
    this.bodies = bodies;
    this.submissions = submissions;
    this.token = token;
  }

  @POST
  @Path("/trademarks")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public Uni<Response> record(
      byte[] body,
      @QueryParam("wait") String wait,
      @HeaderParam("Idempotency-Key") String idempotencyKey) {
    return submit(StatementKind.TRADEMARK_RECORDED, body, Map.of(), wait, idempotencyKey);
  }

  @POST
  @Path("/trademarks/{office}/{number}/status")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public Uni<Response> changeStatus(
      @PathParam("office") String office,
      @PathParam("number") String number,
      byte[] body,
      @QueryParam("wait") String wait,
      @HeaderParam("Idempotency-Key") String idempotencyKey) {
    return submit(
        StatementKind.TRADEMARK_STATUS_CHANGED,
        body,
        Map.of("trademark", trademark(office, number)),
        wait,
        idempotencyKey);
  }

  @POST
  @Path("/trademarks/{office}/{number}/assignments")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public Uni<Response> assign(
      @PathParam("office") String office,
      @PathParam("number") String number,
      byte[] body,
      @QueryParam("wait") String wait,
      @HeaderParam("Idempotency-Key") String idempotencyKey) {
    return submit(
        StatementKind.TRADEMARK_ASSIGNED,
        body,
        Map.of("trademark", trademark(office, number)),
        wait,
        idempotencyKey);
  }

  private Uni<Response> submit(
      StatementKind kind,
      byte[] body,
      Map<String, JsonNode> fromUrl,
      String wait,
      String idempotencyKey) {
    String key = RequestChecks.idempotencyKey(idempotencyKey);
    boolean waiting = RequestChecks.waitFlag(wait);
    ObjectNode fields = bodies.object(body);
    return submissions.signAndSubmit(
        bodies.statement(kind, token.getSubject(), fields, fromUrl), key, waiting);
  }

  /** The {@code {"office","number"}} of the URL, checked as contracts check a statement's. */
  static JsonNode trademark(String office, String number) {
    try {
      TrademarkRef ref = new TrademarkRef(OfficeCode.of(office), number);
      ObjectNode node = JsonNodeFactory.instance.objectNode();
      node.put("office", ref.office().code());
      node.put("number", ref.number());
      return node;
    } catch (IllegalArgumentException e) {
      throw new SubmissionProblem(
          ProblemCode.BAD_REQUEST,
          "the URL does not name a trademark: " + e.getMessage(),
          List.of(new Problem.Violation("invalid-parameter", null, e.getMessage())),
          "the URL is /v1/trademarks/<WIPO ST.3 office code>/<registration number>/…");
    }
  }
}
