package org.markproof.service.submission;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.markproof.contracts.entry.StatementKind;
import org.markproof.contracts.problem.ProblemCode;
import org.markproof.service.auth.Groups;
import org.markproof.service.log.keys.SubmitsToLog;
import org.markproof.service.problem.Problem;

/**
 * A brand owner's custodial statements about goods: {@code POST /v1/products} ({@code
 * product.registered}), {@code POST /v1/batches} ({@code batch.issued}, with the public {@code
 * labelKey} that signs the batch's labels) and {@code POST /v1/revocations} ({@code label.revoked}
 * or {@code batch.revoked}, chosen by the body's {@code kind}, so that a forgotten {@code serials}
 * never revokes a whole batch). The rules decide whether the submitter holds or licenses the mark.
 */
@Path("/v1")
@RolesAllowed(Groups.BRAND_OWNER)
@SecurityRequirement(name = "bearer")
@SubmitsToLog
public class GoodsResource {
  private static final List<StatementKind> REVOCATIONS =
      List.of(StatementKind.LABEL_REVOKED, StatementKind.BATCH_REVOKED);

  private final StatementBodies bodies;
  private final CustodialSubmissions submissions;
  private final BatchLabelKeys labelKeys;
  private final JsonWebToken token;

  GoodsResource(
      StatementBodies bodies,
      CustodialSubmissions submissions,
      BatchLabelKeys labelKeys,
      JsonWebToken token) {
    this.bodies = bodies;
    this.submissions = submissions;
    this.labelKeys = labelKeys;
    this.token = token;
  }

  @POST
  @Path("/products")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public Uni<Response> registerProduct(
      byte[] body,
      @QueryParam("wait") String wait,
      @HeaderParam("Idempotency-Key") String idempotencyKey) {
    return submit(StatementKind.PRODUCT_REGISTERED, bodies.object(body), wait, idempotencyKey);
  }

  @POST
  @Path("/batches")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public Uni<Response> issueBatch(
      byte[] body,
      @QueryParam("wait") String wait,
      @HeaderParam("Idempotency-Key") String idempotencyKey) {
    ObjectNode fields = bodies.object(body);
    String key = RequestChecks.idempotencyKey(idempotencyKey);
    boolean waiting = RequestChecks.waitFlag(wait);
    return labelKeys
        .statement(token.getSubject(), fields)
        .flatMap(statement -> submissions.signAndSubmit(statement, key, waiting));
  }

  /**
   * {@code {"kind": "label.revoked", "gtin", "batch", "serials": […], "reason"}} or {@code {"kind":
   * "batch.revoked", "gtin", "batch", "reason"}}.
   */
  @POST
  @Path("/revocations")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public Uni<Response> revoke(
      byte[] body,
      @QueryParam("wait") String wait,
      @HeaderParam("Idempotency-Key") String idempotencyKey) {
    ObjectNode fields = bodies.object(body);
    JsonNode kindValue = fields.remove("kind");
    StatementKind kind =
        REVOCATIONS.stream()
            .filter(k -> kindValue != null && k.wireName().equals(kindValue.textValue()))
            .findFirst()
            .orElseThrow(
                () ->
                    new SubmissionProblem(
                        ProblemCode.INVALID_FIELD,
                        kindValue == null ? "missing field /kind" : "invalid value at /kind",
                        List.of(
                            new Problem.Violation(
                                kindValue == null ? "missing-field" : "invalid-field",
                                "/kind",
                                "expected one of " + REVOCATIONS)),
                        null));
    return submit(kind, fields, wait, idempotencyKey);
  }

  private Uni<Response> submit(
      StatementKind kind, ObjectNode fields, String wait, String idempotencyKey) {
    String key = RequestChecks.idempotencyKey(idempotencyKey);
    boolean waiting = RequestChecks.waitFlag(wait);
    return submissions.signAndSubmit(
        bodies.statement(kind, token.getSubject(), fields, Map.of()), key, waiting);
  }
}
