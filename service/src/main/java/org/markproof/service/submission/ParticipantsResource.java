package org.markproof.service.submission;

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
import java.util.Base64;
import java.util.Map;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.markproof.contracts.entry.ParticipantEnrolled;
import org.markproof.contracts.entry.StatementKind;
import org.markproof.service.auth.Groups;
import org.markproof.service.custody.CustodialKeys;
import org.markproof.service.custody.KeyVault;
import org.markproof.service.log.keys.SubmitsToLog;

/**
 * {@code POST /v1/participants}: an operator enrols a participant ({@code participant.enrolled}):
 * {@code {"participant", "displayName", "role": {"type": …}, "publicKey"?}}. With a {@code
 * publicKey} the participant holds its own key; without one the service generates a custodial key
 * for it and enrols that. The statement is signed with the operator's custodial key; on an empty
 * ledger the first call is the operator enrolling itself, signed with the key it enrols.
 */
@Path("/v1")
@RolesAllowed(Groups.OPERATOR)
@SecurityRequirement(name = "bearer")
@SubmitsToLog
public class ParticipantsResource {
  /**
   * A well-formed public key that checks a key-less body before a key is made for it, so that a
   * refused body leaves no key behind: the encoding of Ed25519's base point (RFC 8032 §5.1). It is
   * never enrolled or trusted; only the body's syntax is checked with it. (Making a key per request
   * for this check doubled the Ed25519 work of a custodial enrolment.)
   */
  private static final String STAND_IN_KEY = "WGZmZmZmZmZmZmZmZmZmZmZmZmZmZmZmZmZmZmZmZmY=";

  private final StatementBodies bodies;
  private final CustodialKeys keys;
  private final CustodialSubmissions submissions;
  private final JsonWebToken token;

  ParticipantsResource(
      StatementBodies bodies,
      CustodialKeys keys,
      CustodialSubmissions submissions,
      JsonWebToken token) {
    this.bodies = bodies;
    this.keys = keys;
    this.submissions = submissions;
    this.token = token;
  }

  @POST
  @Path("/participants")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public Uni<Response> enrol(
      byte[] body,
      @QueryParam("wait") String wait,
      @HeaderParam("Idempotency-Key") String idempotencyKey) {
    String key = RequestChecks.idempotencyKey(idempotencyKey);
    boolean waiting = RequestChecks.waitFlag(wait);
    ObjectNode fields = bodies.object(body);
    String submitter = token.getSubject();
    if (fields.has("publicKey")) {
      ParticipantEnrolled statement = enrolment(submitter, fields);
      return submissions.signAndSubmit(statement, key, waiting);
    }
    // Check the body with a stand-in key first, so that a refused body leaves no key behind.
    ObjectNode probe = fields.deepCopy();
    probe.put("publicKey", STAND_IN_KEY);
    String participant = enrolment(submitter, probe).participant();
    // Another participant's enrolment needs the operator's own key: look for it before making one
    // for the new participant, which would otherwise be left behind unused.
    Uni<?> signer =
        participant.equals(submitter) ? Uni.createFrom().voidItem() : keys.signingKey(submitter);
    return signer
        .flatMap(ignored -> keys.obtain(participant))
        .flatMap(
            held -> {
              ObjectNode withKey = fields.deepCopy();
              withKey.put("publicKey", base64(held.publicKey().bytes()));
              return submissions
                  .signAndSubmit(enrolment(submitter, withKey), key, waiting)
                  .onFailure(SubmissionProblem.class)
                  .call(refusal -> forgetIfNew(participant, held, (SubmissionProblem) refusal));
            });
  }

  private ParticipantEnrolled enrolment(String submitter, ObjectNode fields) {
    return (ParticipantEnrolled)
        bodies.statement(StatementKind.PARTICIPANT_ENROLLED, submitter, fields, Map.of());
  }

  /**
   * A key generated for an enrolment the ledger's rules refused would never sign anything. Only a
   * refusal by the rules discards it: after any other failure the entry may yet be in the log, and
   * when the participant turned out to be enrolled already, by a concurrent request, that request
   * may have enrolled this very key.
   */
  private Uni<Boolean> forgetIfNew(
      String participant, KeyVault.HeldKey held, SubmissionProblem refusal) {
    if (!held.generated() || !refusal.refusedByRulesExcept("participant-duplicate")) {
      return Uni.createFrom().item(false);
    }
    return keys.discard(participant, held.keyId());
  }

  private static String base64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }
}
