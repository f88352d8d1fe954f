package org.markproof.service.edge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.markproof.contracts.problem.ProblemCode;
import org.markproof.service.auth.Groups;
import org.markproof.service.problem.Problem;
import org.markproof.service.scan.CustomsPosts;
import org.markproof.service.submission.SubmissionProblem;

/**
 * Posts' evidence that this log misbehaved (docs/edge.md "Evidence"): {@code POST
 * /v1/edge/evidence} by a customs officer of the reporting post, {@code GET
 * /v1/edge/evidence?after= &limit=} for operators. The service checks each note against its own log
 * key and tree and records the report either way: one whose notes this log did not sign is kept
 * with {@code verified: false}, as it is no evidence against this log.
 */
@Path("/v1/edge/evidence")
@SecurityRequirement(name = "bearer")
public class EdgeEvidenceResource {
  private static final int MAX_LIST = 1000;

  @Inject EvidenceChecks checks;
  @Inject EdgeEvidenceStore store;
  @Inject CustomsPosts posts;
  @Inject JsonWebToken token;
  @Inject ObjectMapper mapper;
  @Inject Clock clock;
  @Inject SplitViewMetric splitView;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed(Groups.CUSTOMS)
  public Uni<Response> report(byte[] body) {
    if (body == null || body.length == 0) {
      throw new SubmissionProblem(ProblemCode.MALFORMED_JSON, "the body is empty");
    }
    if (body.length > EvidenceReport.MAX_BODY_BYTES) {
      throw new SubmissionProblem(
          ProblemCode.BODY_TOO_LARGE,
          "the report has " + body.length + " bytes; at most " + EvidenceReport.MAX_BODY_BYTES);
    }
    JsonNode json;
    try {
      json = mapper.readTree(body);
    } catch (IOException e) {
      throw new SubmissionProblem(ProblemCode.MALFORMED_JSON, "the body is not one JSON object");
    }
    EvidenceReport report = EvidenceReport.read(json, clock);
    posts.requirePost(token.getSubject(), report.postId());
    EvidenceChecks.Outcome outcome = checks.check(report);
    return store
        .save(report, token.getSubject(), outcome, clock.instant())
        .map(
            saved -> {
              if (saved.created() && outcome.splitView()) {
                splitView.edgeUpload();
              }
              Map<String, Object> answer = new LinkedHashMap<>();
              answer.put("id", saved.id());
              answer.put("verified", saved.verified());
              answer.put("findings", saved.findings());
              return Response.status(saved.created() ? 201 : 200)
                  .entity(answer)
                  .type(MediaType.APPLICATION_JSON)
                  .build();
            });
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed(Groups.OPERATOR)
  public Uni<Map<String, Object>> list(
      @QueryParam("after") String after, @QueryParam("limit") String limit) {
    long from = after == null ? 0 : number("after", after, 0, Long.MAX_VALUE);
    int count = limit == null ? 100 : (int) number("limit", limit, 1, MAX_LIST);
    return store.list(from, count).map(rows -> Map.of("evidence", rows));
  }

  private static long number(String name, String text, long min, long max) {
    if (text.matches("[0-9]{1,18}")) {
      long n = Long.parseLong(text);
      if (n >= min && n <= max) {
        return n;
      }
    }
    throw new SubmissionProblem(
        ProblemCode.BAD_REQUEST,
        "the " + name + " parameter is a whole number from " + min + " to " + max,
        List.of(new Problem.Violation("invalid-parameter", null, name)),
        null);
  }
}
