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
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.markproof.contracts.MalformedDataException;
import org.markproof.contracts.entry.SignedEntry;
import org.markproof.service.auth.Groups;
import org.markproof.service.log.keys.SubmitsToLog;

/**
 * {@code POST /v1/entries}: a statement signed by a participant that holds its own key, in the JSON
 * form {@link SignedEntry#parse} reads ({@code {"keyId":…,"signature":…,"statement":{…}}}, any
 * formatting). The token's subject must be the statement's submitter (else 403); the entry is
 * parsed strictly (400 naming the field), then the intake checks signature and rules (422 listing
 * every violation, {@code signature-invalid} for a bad signature). Answers: see {@link
 * SubmissionAnswers}.
 */
@Path("/v1/entries")
@RolesAllowed({Groups.REGISTRAR, Groups.BRAND_OWNER, Groups.CUSTOMS, Groups.OPERATOR})
@SecurityRequirement(name = "bearer")
@SubmitsToLog
public class EntriesResource {
  private final SubmissionAnswers answers;
  private final JsonWebToken token;

  EntriesResource(SubmissionAnswers answers, JsonWebToken token) {
    this.answers = answers;
    this.token = token;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public Uni<Response> submit(
      byte[] body,
      @QueryParam("wait") String wait,
      @HeaderParam("Idempotency-Key") String idempotencyKey) {
    String key = RequestChecks.idempotencyKey(idempotencyKey);
    SignedEntry entry;
    try {
      entry = SignedEntry.parse(RequestChecks.body(body));
    } catch (MalformedDataException e) {
      throw EntryRefusals.malformed(e, false);
    }
    String submitter = entry.statement().submitter();
    if (!submitter.equals(token.getSubject())) {
      throw EntryRefusals.notTheSubmitter(token.getSubject(), submitter);
    }
    return answers.submit(entry, key, RequestChecks.waitFlag(wait), false);
  }
}
