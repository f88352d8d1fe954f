package org.markproof.service.scan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.time.Clock;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.markproof.contracts.entry.SeizureReason;
import org.markproof.contracts.entry.SeizureRecorded;
import org.markproof.contracts.label.Gtin;
import org.markproof.contracts.problem.ProblemCode;
import org.markproof.service.auth.Groups;
import org.markproof.service.log.keys.SubmitsToLog;
import org.markproof.service.problem.Problem;
import org.markproof.service.submission.CustodialSubmissions;
import org.markproof.service.submission.SubmissionProblem;

/**
 * {@code POST /v1/seizures} (customs): records that goods of one of the officer's own scans were
 * seized, as a {@code seizure.recorded} log entry signed with the officer's custodial key. Body
 * {@code {"scanId": "…", "reason": "counterfeit"}}; the reason defaults to the scan's verdict.
 * Answers as the other submission endpoints ({@code ?wait=true} for the index and proof).
 */
@Path("/v1/seizures")
@SecurityRequirement(name = "bearer")
@SubmitsToLog
public class SeizuresResource {
  @Inject ScanRecorder recorder;
  @Inject Pool pool;
  @Inject CustomsPosts posts;
  @Inject JsonWebToken token;
  @Inject ObjectMapper mapper;
  @Inject CustodialSubmissions submissions;
  @Inject Clock clock;

  /** What the seizure needs of the scan. */
  private record Seized(String postId, String verdict, String gtin, String batch, String serial) {}

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed(Groups.CUSTOMS)
  public Uni<Response> seize(
      byte[] body,
      @QueryParam("wait") String wait,
      @HeaderParam("Idempotency-Key") String idempotencyKey) {
    if (body == null || body.length == 0 || body.length > 4096) {
      throw new SubmissionProblem(
          body != null && body.length > 4096
              ? ProblemCode.BODY_TOO_LARGE
              : ProblemCode.MALFORMED_JSON,
          "send {\"scanId\": …, \"reason\": …} (at most 4096 bytes)");
    }
    JsonNode json;
    try {
      json = mapper.readTree(body);
    } catch (IOException e) {
      throw new SubmissionProblem(ProblemCode.MALFORMED_JSON, "the body is not one JSON object");
    }
    if (json == null || !json.isObject()) {
      throw new SubmissionProblem(ProblemCode.MALFORMED_JSON, "the body is not a JSON object");
    }
    for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!name.equals("scanId") && !name.equals("reason")) {
        throw new SubmissionProblem(
            ProblemCode.UNKNOWN_FIELD,
            "unknown field /" + name,
            List.of(new Problem.Violation("unknown-field", "/" + name, "scanId and reason only")),
            null);
      }
    }
    JsonNode id = json.get("scanId");
    if (id == null || !id.isTextual() || !ScanRequests.SCAN_ID.matcher(id.textValue()).matches()) {
      throw new SubmissionProblem(
          ProblemCode.INVALID_FIELD,
          "invalid value at /scanId",
          List.of(new Problem.Violation("invalid-field", "/scanId", "a scan id of yours")),
          null);
    }
    Optional<SeizureReason> reason = Optional.empty();
    JsonNode reasonValue = json.get("reason");
    if (reasonValue != null) {
      reason =
          reasonValue.isTextual()
              ? SeizureReason.fromWireName(reasonValue.textValue())
              : Optional.empty();
      if (reason.isEmpty()) {
        throw new SubmissionProblem(
            ProblemCode.INVALID_FIELD,
            "invalid value at /reason",
            List.of(
                new Problem.Violation(
                    "invalid-field",
                    "/reason",
                    "one of counterfeit, suspect-clone, not-authorized, revoked, other")),
            null);
      }
    }
    String scanId = id.textValue();
    String subject = token.getSubject();
    String post = posts.postOf(subject);
    Optional<SeizureReason> chosen = reason;
    boolean waiting = "true".equals(wait);
    return find(scanId)
        .onItem()
        .transformToUni(
            seized -> {
              if (seized == null || !seized.postId().equals(post)) {
                throw new SubmissionProblem(
                    ProblemCode.NOT_FOUND, "no scan " + scanId + " at your post " + post);
              }
              if (seized.gtin() == null) {
                throw new SubmissionProblem(
                    ProblemCode.RULE_VIOLATIONS,
                    "scan " + scanId + " read no GTIN; a seizure names the goods' GTIN",
                    List.of(
                        new Problem.Violation(
                            "scan-without-gtin", "/scanId", "the scan's code carried no GTIN")),
                    null);
              }
              SeizureRecorded statement =
                  new SeizureRecorded(
                      subject,
                      scanId,
                      Gtin.of(seized.gtin()),
                      Optional.ofNullable(seized.batch()),
                      Optional.ofNullable(seized.serial()),
                      post,
                      clock.instant(),
                      chosen.orElse(reasonFor(seized.verdict())));
              return submissions.signAndSubmit(statement, idempotencyKey, waiting);
            });
  }

  private static SeizureReason reasonFor(String verdict) {
    return switch (verdict) {
      case "COUNTERFEIT" -> SeizureReason.COUNTERFEIT;
      case "SUSPECT_CLONE" -> SeizureReason.SUSPECT_CLONE;
      case "NOT_AUTHORIZED" -> SeizureReason.NOT_AUTHORIZED;
      case "REVOKED" -> SeizureReason.REVOKED;
      default -> SeizureReason.OTHER;
    };
  }

  private Uni<Seized> find(String scanId) {
    Optional<ScanRecord> recent = recorder.recent(scanId);
    if (recent.isPresent()) {
      ScanRecord r = recent.get();
      return Uni.createFrom()
          .item(
              new Seized(
                  r.postId(),
                  r.verdict(),
                  r.gtin().orElse(null),
                  r.batch().orElse(null),
                  r.serial().orElse(null)));
    }
    return pool.preparedQuery(
            "SELECT post_id, verdict, gtin, batch, serial FROM scan WHERE scan_id = $1")
        .execute(Tuple.of(scanId))
        .map(
            rows -> {
              Iterator<Row> it = rows.iterator();
              if (!it.hasNext()) {
                return null;
              }
              Row row = it.next();
              return new Seized(
                  row.getString(0),
                  row.getString(1),
                  row.getString(2),
                  row.getString(3),
                  row.getString(4));
            });
  }
}
