package org.markproof.service.edge;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.markproof.contracts.MalformedDataException;
import org.markproof.contracts.edge.EdgeBundle;
import org.markproof.contracts.merkle.MerkleHashes;
import org.markproof.contracts.note.CanonicalBase64;
import org.markproof.contracts.problem.ProblemCode;
import org.markproof.service.problem.Problem;
import org.markproof.service.submission.SubmissionProblem;

/**
 * A post's report that this log misbehaved (docs/edge.md "Evidence"): the checkpoint it had
 * adopted, the one it was offered that cannot follow it (a {@code fork}: not consistent; a {@code
 * rollback}: smaller), and the consistency proof that failed, if one was served.
 *
 * @param adopted the adopted checkpoint's signed note, as the post holds it
 * @param offered the offered checkpoint's signed note
 * @param proof the consistency proof's hashes, each 32 bytes
 */
record EvidenceReport(
    String postId,
    String kind,
    String adopted,
    String offered,
    List<byte[]> proof,
    Instant detectedAt) {
  /** Largest body of a report. */
  static final int MAX_BODY_BYTES = 64 * 1024;

  /** Longest note accepted: a checkpoint with a few dozen cosignatures. */
  static final int MAX_NOTE_CHARS = 16 * 1024;

  static final Set<String> KINDS = Set.of("fork", "rollback");

  private static final Set<String> MEMBERS =
      Set.of("postId", "kind", "adopted", "offered", "proof", "detectedAt");
  private static final Pattern POST_ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
  private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

  EvidenceReport {
    proof = List.copyOf(proof);
  }

  /**
   * Reads a report, strictly: the six members and no other, each of its type and bounds.
   *
   * @throws SubmissionProblem 400 naming every bad member
   */
  static EvidenceReport read(JsonNode body, Clock clock) {
    if (body == null || !body.isObject()) {
      throw new SubmissionProblem(ProblemCode.MALFORMED_JSON, "the body is not a JSON object");
    }
    List<Problem.Violation> violations = new ArrayList<>();
    body.fieldNames()
        .forEachRemaining(
            name -> {
              if (!MEMBERS.contains(name)) {
                violations.add(
                    new Problem.Violation("unknown-field", "/" + name, "not an evidence field"));
              }
            });
    if (!violations.isEmpty()) {
      throw new SubmissionProblem(
          ProblemCode.UNKNOWN_FIELD, "unknown field " + violations.get(0).path(), violations, null);
    }
    String postId = text(body, "postId", violations, 64);
    if (postId != null && !POST_ID.matcher(postId).matches()) {
      violations.add(new Problem.Violation("invalid-field", "/postId", "expected a post id"));
    }
    String kind = text(body, "kind", violations, 16);
    if (kind != null && !KINDS.contains(kind)) {
      violations.add(new Problem.Violation("invalid-field", "/kind", "fork or rollback"));
    }
    String adopted = text(body, "adopted", violations, MAX_NOTE_CHARS);
    String offered = text(body, "offered", violations, MAX_NOTE_CHARS);
    List<byte[]> proof = proof(body.get("proof"), violations);
    Instant detectedAt = time(text(body, "detectedAt", violations, 64), clock, violations);
    if (!violations.isEmpty()) {
      throw new SubmissionProblem(
          ProblemCode.INVALID_FIELD,
          violations.size() == 1
              ? "invalid value at " + violations.get(0).path() + ": " + violations.get(0).message()
              : violations.size() + " invalid fields",
          violations,
          null);
    }
    return new EvidenceReport(postId, kind, adopted, offered, proof, detectedAt);
  }

  private static String text(JsonNode body, String name, List<Problem.Violation> out, int max) {
    JsonNode value = body.get(name);
    if (value == null || !value.isTextual()) {
      out.add(
          new Problem.Violation(
              value == null ? "missing-field" : "invalid-field", "/" + name, "expected a string"));
      return null;
    }
    if (value.textValue().length() > max) {
      out.add(new Problem.Violation("too-long", "/" + name, "at most " + max + " characters"));
      return null;
    }
    return value.textValue();
  }

  private static List<byte[]> proof(JsonNode value, List<Problem.Violation> out) {
    if (value == null) {
      return List.of();
    }
    if (!value.isArray() || value.size() > EdgeBundle.MAX_PROOF_HASHES) {
      out.add(
          new Problem.Violation(
              "invalid-field",
              "/proof",
              "expected at most " + EdgeBundle.MAX_PROOF_HASHES + " base64 hashes"));
      return List.of();
    }
    List<byte[]> hashes = new ArrayList<>(value.size());
    for (JsonNode hash : value) {
      String path = "/proof/" + hashes.size();
      try {
        byte[] bytes =
            hash.isTextual() ? CanonicalBase64.decode(hash.textValue(), path) : new byte[0];
        if (bytes.length != MerkleHashes.HASH_LENGTH) {
          out.add(new Problem.Violation("invalid-field", path, "expected a base64 SHA-256 hash"));
        }
        hashes.add(bytes);
      } catch (MalformedDataException e) {
        out.add(new Problem.Violation("invalid-field", path, e.getMessage()));
        hashes.add(new byte[0]);
      }
    }
    return hashes;
  }

  private static Instant time(String text, Clock clock, List<Problem.Violation> out) {
    if (text == null) {
      return null;
    }
    try {
      Instant at = OffsetDateTime.parse(text).toInstant();
      if (at.isAfter(clock.instant().plus(CLOCK_SKEW))) {
        out.add(
            new Problem.Violation(
                "in-future", "/detectedAt", "more than 5 minutes after the service's clock"));
      }
      return at;
    } catch (DateTimeParseException e) {
      out.add(
          new Problem.Violation(
              "invalid-field", "/detectedAt", "expected an RFC 3339 time with an offset"));
      return null;
    }
  }
}
