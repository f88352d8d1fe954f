package org.markproof.service.scan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.markproof.contracts.problem.ProblemCode;
import org.markproof.contracts.verdict.ScanFacts;
import org.markproof.contracts.verdict.VerdictSignature;
import org.markproof.service.problem.Problem;
import org.markproof.service.submission.SubmissionProblem;

/**
 * Reads the body of {@code POST /v1/edge/scans} (docs/edge.md "Uploads"): {@code {"postId",
 * "scans": [...]}}. A fault of the whole body (not JSON, unknown members, a bad post id, too many
 * scans) refuses it with a 400 problem; a fault of one scan makes that scan {@link Invalid} with a
 * detail naming each field, and the others are still read.
 */
final class EdgeScanRequests {
  /** Most scans in one upload. */
  static final int MAX_SCANS = 1000;

  /** Largest upload body: within the HTTP layer's 5 MiB, room for 1,000 scans of typical size. */
  static final int MAX_BODY_BYTES = 4 * 1024 * 1024;

  /** Longest verdict document of a post kept beside a scan (as the {@code scan} table allows). */
  static final int MAX_EDGE_DOCUMENT_CHARS = 64 * 1024;

  private static final Set<String> BODY_MEMBERS = Set.of("postId", "scans");
  private static final Set<String> SCAN_MEMBERS =
      Set.of("scanId", "code", "symbology", "lat", "lon", "scannedAt", "verdict");

  private EdgeScanRequests() {}

  /** One element of {@code scans}, read. */
  sealed interface Item permits Valid, Invalid {}

  /** A scan whose fields are all valid; {@code edgeDocument} is the post's verdict as JSON text. */
  record Valid(ScanFacts facts, Optional<String> edgeDocument) implements Item {}

  /** A scan refused before judging; {@code scanId} when it could be read. */
  record Invalid(Optional<String> scanId, String detail) implements Item {}

  /** The body, read: the post and each scan in order. */
  record Upload(String postId, List<Item> items) {}

  /**
   * Reads a parsed body.
   *
   * @throws SubmissionProblem 400 if the body is not an upload
   */
  static Upload read(JsonNode body, Clock clock, ObjectMapper mapper) {
    if (body == null || !body.isObject()) {
      throw new SubmissionProblem(ProblemCode.MALFORMED_JSON, "the body is not a JSON object");
    }
    List<Problem.Violation> unknown = new ArrayList<>();
    body.fieldNames()
        .forEachRemaining(
            name -> {
              if (!BODY_MEMBERS.contains(name)) {
                unknown.add(
                    new Problem.Violation(
                        "unknown-field", "/" + name, "an upload has postId and scans"));
              }
            });
    if (!unknown.isEmpty()) {
      throw new SubmissionProblem(
          ProblemCode.UNKNOWN_FIELD, "unknown field " + unknown.get(0).path(), unknown, null);
    }
    JsonNode post = body.get("postId");
    if (post == null
        || !post.isTextual()
        || !ScanRequests.POST_ID.matcher(post.textValue()).matches()) {
      throw field("/postId", "expected a post id (a-z, 0-9, . _ -)");
    }
    JsonNode scans = body.get("scans");
    if (scans == null || !scans.isArray()) {
      throw field("/scans", "expected an array of scans");
    }
    if (scans.size() > MAX_SCANS) {
      throw new SubmissionProblem(
          ProblemCode.INVALID_FIELD,
          "the upload has " + scans.size() + " scans; send at most " + MAX_SCANS + " per request",
          List.of(new Problem.Violation("too-many", "/scans", "at most " + MAX_SCANS)),
          null);
    }
    List<Item> items = new ArrayList<>(scans.size());
    for (JsonNode scan : scans) {
      items.add(item(scan, post.textValue(), clock, mapper));
    }
    return new Upload(post.textValue(), items);
  }

  private static Item item(JsonNode scan, String postId, Clock clock, ObjectMapper mapper) {
    if (!scan.isObject()) {
      return new Invalid(Optional.empty(), "a scan is a JSON object");
    }
    Optional<String> scanId =
        Optional.ofNullable(scan.get("scanId"))
            .filter(JsonNode::isTextual)
            .map(JsonNode::textValue)
            .filter(id -> ScanRequests.SCAN_ID.matcher(id).matches());
    Set<String> unknown = new TreeSet<>();
    scan.fieldNames()
        .forEachRemaining(
            name -> {
              if (!SCAN_MEMBERS.contains(name)) {
                unknown.add(name);
              }
            });
    if (!unknown.isEmpty()) {
      return new Invalid(
          scanId, "unknown fields " + unknown + "; a scan has " + new TreeSet<>(SCAN_MEMBERS));
    }
    ScanFacts facts;
    try {
      facts = ScanRequests.facts(fields(scan, postId), Optional.empty(), clock);
    } catch (SubmissionProblem e) {
      return new Invalid(scanId, detail(e));
    }
    JsonNode verdict = scan.get("verdict");
    if (verdict == null) {
      return new Valid(facts, Optional.empty());
    }
    Optional<String> fault = edgeDocumentFault(verdict, facts);
    if (fault.isPresent()) {
      return new Invalid(scanId, "/verdict: " + fault.get());
    }
    try {
      String text = mapper.writeValueAsString(verdict);
      if (text.length() > MAX_EDGE_DOCUMENT_CHARS) {
        return new Invalid(
            scanId,
            "/verdict: "
                + text.length()
                + " characters; a post's verdict kept here has at most "
                + MAX_EDGE_DOCUMENT_CHARS);
      }
      return new Valid(facts, Optional.of(text));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a parsed JSON tree", e);
    }
  }

  /**
   * Why {@code verdict} is not the post's verdict document of this scan, if it is not. Its
   * signature is not checked: the post's verdict key is the post's own, not one the service knows.
   */
  private static Optional<String> edgeDocumentFault(JsonNode verdict, ScanFacts facts) {
    if (!verdict.isObject()) {
      return Optional.of("the post's verdict document is a JSON object");
    }
    if (!VerdictSignature.FORMATS.contains(verdict.path("format").textValue())) {
      return Optional.of("expected format one of " + VerdictSignature.FORMATS);
    }
    if (!facts.scanId().equals(verdict.at("/scan/scanId").textValue())
        || !facts.postId().equals(verdict.at("/scan/postId").textValue())) {
      return Optional.of("the document's scan.scanId and scan.postId must be this scan's");
    }
    if (!verdict.path("verdict").isTextual() || !verdict.path("signature").isObject()) {
      return Optional.of("a signed verdict document has verdict and signature members");
    }
    return Optional.empty();
  }

  private static ScanRequests.Fields fields(JsonNode scan, String postId) {
    return new ScanRequests.Fields() {
      @Override
      public Optional<String> text(String name) throws ScanRequests.WrongType {
        if (name.equals("postId")) {
          return Optional.of(postId);
        }
        JsonNode value = scan.get(name);
        if (value == null) {
          return Optional.empty();
        }
        if (!value.isTextual()) {
          throw new ScanRequests.WrongType("expected a string");
        }
        return Optional.of(value.textValue());
      }

      @Override
      public Optional<Double> number(String name) throws ScanRequests.WrongType {
        JsonNode value = scan.get(name);
        if (value == null) {
          return Optional.empty();
        }
        if (!value.isNumber()) {
          throw new ScanRequests.WrongType("expected a number");
        }
        return Optional.of(value.doubleValue());
      }
    };
  }

  private static String detail(SubmissionProblem e) {
    List<Problem.Violation> violations = e.problem(null).violations();
    if (violations == null || violations.isEmpty()) {
      return e.getMessage();
    }
    return violations.stream()
        .map(v -> v.path() + ": " + v.message())
        .collect(Collectors.joining("; "));
  }

  private static SubmissionProblem field(String path, String message) {
    return new SubmissionProblem(
        ProblemCode.INVALID_FIELD,
        "invalid value at " + path + ": " + message,
        List.of(new Problem.Violation("invalid-field", path, message)),
        null);
  }
}
