package org.markproof.service.submission;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.markproof.contracts.problem.ProblemCode;
import org.markproof.service.auth.Groups;

/**
 * {@code GET /v1/submissions/{id}}: where a submission stands. Only its submitter and operators see
 * it; to anyone else it does not exist (404), so that submission ids reveal nothing.
 */
@Path("/v1/submissions/{id}")
@RolesAllowed({Groups.REGISTRAR, Groups.BRAND_OWNER, Groups.CUSTOMS, Groups.OPERATOR})
@SecurityRequirement(name = "bearer")
public class SubmissionsResource {
  private final SubmissionRepository submissions;
  private final JsonWebToken token;

  SubmissionsResource(SubmissionRepository submissions, JsonWebToken token) {
    this.submissions = submissions;
    this.token = token;
  }

  /**
   * @param status {@code pending}, {@code sequenced} or {@code rejected}
   * @param index the entry's log index once sequenced
   * @param leafHash base64 of the RFC 9162 leaf hash, once known
   */
  public record SubmissionView(
      UUID submission,
      String kind,
      String submitter,
      String status,
      Long index,
      String leafHash,
      Instant acceptedAt) {}

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public Uni<SubmissionView> get(@PathParam("id") String id) {
    UUID submission;
    try {
      submission = UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw notFound(id);
    }
    boolean operator = token.getGroups().contains(Groups.OPERATOR);
    String subject = token.getSubject();
    return submissions
        .findById(submission)
        .map(
            s -> {
              if (s == null || !(operator || s.submitter.equals(subject))) {
                throw notFound(id);
              }
              return new SubmissionView(
                  s.id,
                  s.kind,
                  s.submitter,
                  s.status.name().toLowerCase(Locale.ROOT),
                  s.logIndex,
                  s.leafHash == null ? null : Base64.getEncoder().encodeToString(s.leafHash),
                  s.createdAt);
            });
  }

  private static SubmissionProblem notFound(String id) {
    return new SubmissionProblem(
        ProblemCode.NOT_FOUND,
        "no submission " + (id.length() > 64 ? id.substring(0, 64) + "…" : id) + " of yours");
  }
}
