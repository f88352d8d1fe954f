package org.markproof.service.submission;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.markproof.contracts.entry.SignedEntry;
import org.markproof.contracts.problem.ProblemCode;
import org.markproof.service.intake.Accepted;
import org.markproof.service.intake.EntryIntake;
import org.markproof.service.intake.IdempotencyConflictException;
import org.markproof.service.intake.NaturalKeyConflictException;
import org.markproof.service.intake.RuleViolationsException;
import org.markproof.service.intake.Sequenced;

/**
 * Hands a signed entry to the intake and answers as every submission endpoint does (issue 3,
 * "Answers"): {@code 202} with the leaf hash and a receipt, or with {@code ?wait=true} and once the
 * entry is in the log within {@code markproof.submissions.max-wait}, {@code 201} with its index,
 * its inclusion proof (RFC 9162 §2.1.3) and the checkpoint that covers it. Both carry {@code
 * Location: /v1/submissions/{id}}. A retry with the same {@code Idempotency-Key} gets the same
 * answer: the intake returns the first acceptance.
 */
@ApplicationScoped
public class SubmissionAnswers {
  private static final Base64.Encoder BASE64 = Base64.getEncoder();

  private final EntryIntake intake;
  private final Duration maxWait;

  SubmissionAnswers(
      EntryIntake intake,
      @ConfigProperty(name = "markproof.submissions.max-wait", defaultValue = "PT5S")
          Duration maxWait) {
    this.intake = intake;
    this.maxWait = maxWait;
  }

  private static final JsonFactory JSON = new JsonFactory();

  /**
   * The answer a waiting client receives once the entry is in the log.
   *
   * @param inclusionProof base64 hashes, leaf to root, of the entry's RFC 9162 §2.1.3 inclusion
   *     proof in the tree of {@code checkpoint}
   * @param checkpoint the C2SP signed note of a checkpoint covering the entry
   */
  public record SequencedAnswer(
      UUID submission,
      long index,
      String leafHash,
      List<String> inclusionProof,
      String checkpoint) {}

  /**
   * Submits {@code entry} and answers.
   *
   * @param relativeToStatement whether violation pointers are given relative to the statement (a
   *     custodial request's body) rather than the signed entry
   */
  public Uni<Response> submit(
      SignedEntry entry, String idempotencyKey, boolean wait, boolean relativeToStatement) {
    return intake
        .submit(entry, idempotencyKey)
        .flatMap(accepted -> wait ? awaitLog(accepted) : Uni.createFrom().item(accepted(accepted)))
        .onFailure()
        .transform(failure -> refusal(failure, relativeToStatement));
  }

  /**
   * The intake's refusals as problems: broken rules (at acceptance, or found by the sequencer while
   * the client waited) 422; an Idempotency-Key reused for another entry, or a statement another
   * participant's pending submission already makes, 409.
   */
  private static Throwable refusal(Throwable failure, boolean relativeToStatement) {
    if (failure instanceof RuleViolationsException e) {
      return EntryRefusals.violations(e.violations(), relativeToStatement);
    }
    if (failure instanceof IdempotencyConflictException
        || failure instanceof NaturalKeyConflictException) {
      return new SubmissionProblem(ProblemCode.CONFLICT, failure.getMessage());
    }
    return failure;
  }

  private Uni<Response> awaitLog(Accepted accepted) {
    return intake
        .awaitSequenced(accepted.submission(), maxWait)
        .map(sequenced -> sequenced == null ? accepted(accepted) : sequenced(sequenced));
  }

  private static Response accepted(Accepted a) {
    return Response.accepted(acceptedBody(a))
        .type(MediaType.APPLICATION_JSON_TYPE)
        .location(location(a.submission()))
        .build();
  }

  /**
   * The {@code 202} body: {@code submission} (the id), {@code leafHash} (base64 of the RFC 9162
   * leaf hash the entry will have in the log), {@code receipt} (the intake's signed receipt) and
   * {@code acceptedAt} (RFC 3339). Written here with Jackson's streaming writer rather than by the
   * REST layer's entity serialisation, which found and ran a serialiser for the record on every
   * answer: 6.6 % of the service's CPU under custodial appends (perf, 2026-11-27), for four
   * strings.
   */
  static byte[] acceptedBody(Accepted a) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256 + a.receipt().length());
    try (JsonGenerator json = JSON.createGenerator(out)) {
      json.writeStartObject();
      json.writeStringField("submission", a.submission().toString());
      json.writeStringField("leafHash", BASE64.encodeToString(a.leafHash()));
      json.writeStringField("receipt", a.receipt());
      json.writeStringField("acceptedAt", a.acceptedAt().toString());
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory failed", e);
    }
    return out.toByteArray();
  }

  private static Response sequenced(Sequenced s) {
    return Response.created(location(s.submission()))
        .entity(
            new SequencedAnswer(
                s.submission(),
                s.index(),
                BASE64.encodeToString(s.leafHash()),
                s.inclusionProof().stream().map(BASE64::encodeToString).toList(),
                s.checkpoint()))
        .build();
  }

  static URI location(UUID submission) {
    return URI.create("/v1/submissions/" + submission);
  }
}
