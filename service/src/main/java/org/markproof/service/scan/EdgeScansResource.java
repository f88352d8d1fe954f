package org.markproof.service.scan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.markproof.contracts.problem.ProblemCode;
import org.markproof.service.auth.Groups;
import org.markproof.service.submission.SubmissionProblem;

/**
 * {@code POST /v1/edge/scans}: a border post uploads the scans it made offline (docs/edge.md
 * "Uploads"). The caller must be an active customs participant at the upload's {@code postId}. The
 * answer, {@code 200 {"results": [...]}} with one result per scan in order, comes once every
 * recorded scan is durable, so the post may drop from its queue each scan answered {@code recorded}
 * or {@code duplicate}.
 *
 * <p>Blocking: reading up to 4 MiB of JSON and judging and signing up to 1,000 verdicts is worker
 * thread work, not event-loop work.
 */
@Path("/v1/edge/scans")
@SecurityRequirement(name = "bearer")
public class EdgeScansResource {
  @Inject EdgeUploads uploads;
  @Inject CustomsPosts posts;
  @Inject ScanLimits limits;
  @Inject JsonWebToken token;
  @Inject ObjectMapper mapper;
  @Inject Clock clock;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed(Groups.CUSTOMS)
  @Blocking
  public Uni<Response> upload(byte[] body) {
    String subject = token.getSubject();
    Optional<Response> limited = limits.scans(subject);
    if (limited.isPresent()) {
      return Uni.createFrom().item(limited.get());
    }
    if (body == null || body.length == 0) {
      throw new SubmissionProblem(
          ProblemCode.MALFORMED_JSON, "the body is empty; send {\"postId\", \"scans\"}");
    }
    if (body.length > EdgeScanRequests.MAX_BODY_BYTES) {
      throw new SubmissionProblem(
          ProblemCode.BODY_TOO_LARGE,
          "the upload has "
              + body.length
              + " bytes; at most "
              + EdgeScanRequests.MAX_BODY_BYTES
              + ": send fewer scans per request");
    }
    JsonNode json;
    try {
      json = mapper.readTree(body);
    } catch (IOException e) {
      throw new SubmissionProblem(
          ProblemCode.MALFORMED_JSON, "the body is not one JSON object: " + brief(e));
    }
    EdgeScanRequests.Upload upload = EdgeScanRequests.read(json, clock, mapper);
    posts.requirePost(subject, upload.postId());
    return uploads
        .upload(subject, upload)
        .map(
            results ->
                Response.ok(Map.of("results", results)).type(MediaType.APPLICATION_JSON).build());
  }

  private static String brief(IOException e) {
    String message = String.valueOf(e.getMessage());
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
