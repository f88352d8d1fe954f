package org.markproof.service.scan;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.markproof.contracts.label.ScannedCode;
import org.markproof.contracts.problem.ProblemCode;
import org.markproof.contracts.verdict.ScanFacts;
import org.markproof.service.problem.Problem;
import org.markproof.service.submission.SubmissionProblem;

/**
 * Reads the fields of a scan request (JSON members or multipart form fields) into {@link
 * ScanFacts}, refusing every malformed one with a 400 problem listing each violation.
 */
final class ScanRequests {
  /** Largest JSON scan body. */
  static final int MAX_JSON_BYTES = 16 * 1024;

  static final Pattern SCAN_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}");
  static final Pattern POST_ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
  static final Pattern SYMBOLOGY = Pattern.compile("[a-z0-9][a-z0-9_-]{0,31}");

  /** How far in the future a scan time may lie (the handheld's clock runs ahead). */
  static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

  static final List<String> MEMBERS =
      List.of("code", "symbology", "postId", "lat", "lon", "scannedAt", "scanId");

  private ScanRequests() {}

  /** A field as received: a string, a number, or absent. */
  interface Fields {
    Optional<String> text(String name) throws WrongType;

    Optional<Double> number(String name) throws WrongType;
  }

  static final class WrongType extends Exception {
    private static final long serialVersionUID = 1L;

    WrongType(String message) {
      super(message, null, false, false);
    }
  }

  /** The fields of a JSON object. */
  static Fields json(JsonNode body) {
    List<Problem.Violation> unknown = new ArrayList<>();
    body.fieldNames()
        .forEachRemaining(
            name -> {
              if (!MEMBERS.contains(name)) {
                unknown.add(new Problem.Violation("unknown-field", "/" + name, "not a scan field"));
              }
            });
    if (!unknown.isEmpty()) {
      throw new SubmissionProblem(
          ProblemCode.UNKNOWN_FIELD, "unknown field " + unknown.get(0).path(), unknown, null);
    }
    return new Fields() {
      @Override
      public Optional<String> text(String name) throws WrongType {
        JsonNode value = body.get(name);
        if (value == null) {
          return Optional.empty();
        }
        if (!value.isTextual()) {
          throw new WrongType("expected a string");
        }
        return Optional.of(value.textValue());
      }

      @Override
      public Optional<Double> number(String name) throws WrongType {
        JsonNode value = body.get(name);
        if (value == null) {
          return Optional.empty();
        }
        if (!value.isNumber()) {
          throw new WrongType("expected a number");
        }
        return Optional.of(value.doubleValue());
      }
    };
  }

  /**
   * Reads the facts of a scan, with {@code code} given separately when it came from a photo.
   *
   * @throws SubmissionProblem 400 naming every bad field; 413 for a code over {@link
   *     ScannedCode#MAX_TEXT_LENGTH} characters
   */
  static ScanFacts facts(Fields fields, Optional<String> decodedCode, Clock clock) {
    List<Problem.Violation> violations = new ArrayList<>();
    String code = decodedCode.orElse(null);
    if (code == null) {
      code = text(fields, "code", violations, null, "the scanned text");
      if (code != null && code.length() > ScannedCode.MAX_TEXT_LENGTH) {
        throw new SubmissionProblem(
            ProblemCode.BODY_TOO_LARGE,
            "the code has "
                + code.length()
                + " characters; a scanned code has at most "
                + ScannedCode.MAX_TEXT_LENGTH,
            List.of(new Problem.Violation("too-long", "/code", "at most 4096 characters")),
            null);
      }
    }
    String symbology = optionalText(fields, "symbology", violations, SYMBOLOGY);
    String postId = text(fields, "postId", violations, POST_ID, "a post id (a-z, 0-9, . _ -)");
    String scanId =
        text(fields, "scanId", violations, SCAN_ID, "1 to 64 of A-Z a-z 0-9 . _ : - (a UUID)");
    Double lat = number(fields, "lat", violations, 90);
    Double lon = number(fields, "lon", violations, 180);
    String at = text(fields, "scannedAt", violations, null, "an RFC 3339 time");
    Instant scannedAt = null;
    if (at != null) {
      try {
        scannedAt = OffsetDateTime.parse(at).toInstant();
        if (scannedAt.isAfter(clock.instant().plus(CLOCK_SKEW))) {
          violations.add(
              new Problem.Violation(
                  "in-future", "/scannedAt", "more than 5 minutes after the service's clock"));
        }
      } catch (DateTimeParseException e) {
        violations.add(
            new Problem.Violation(
                "invalid-field", "/scannedAt", "expected an RFC 3339 time with an offset"));
      }
    }
    if (!violations.isEmpty()) {
      throw new SubmissionProblem(
          ProblemCode.INVALID_FIELD,
          violations.size() == 1
              ? "invalid value at " + violations.get(0).path() + ": " + violations.get(0).message()
              : violations.size() + " invalid fields",
          violations,
          null);
    }
    return new ScanFacts(scanId, postId, lat, lon, scannedAt, code, Optional.ofNullable(symbology));
  }

  private static String text(
      Fields fields, String name, List<Problem.Violation> out, Pattern syntax, String expected) {
    try {
      Optional<String> value = fields.text(name);
      if (value.isEmpty()) {
        out.add(new Problem.Violation("missing-field", "/" + name, "required: " + expected));
        return null;
      }
      if (syntax != null && !syntax.matcher(value.get()).matches()) {
        out.add(new Problem.Violation("invalid-field", "/" + name, "expected " + expected));
        return null;
      }
      return value.get();
    } catch (WrongType e) {
      out.add(new Problem.Violation("invalid-field", "/" + name, e.getMessage()));
      return null;
    }
  }

  private static String optionalText(
      Fields fields, String name, List<Problem.Violation> out, Pattern syntax) {
    try {
      Optional<String> value = fields.text(name);
      if (value.isPresent() && !syntax.matcher(value.get()).matches()) {
        out.add(
            new Problem.Violation(
                "invalid-field", "/" + name, "expected a symbology name such as qr, datamatrix"));
        return null;
      }
      return value.orElse(null);
    } catch (WrongType e) {
      out.add(new Problem.Violation("invalid-field", "/" + name, e.getMessage()));
      return null;
    }
  }

  private static Double number(
      Fields fields, String name, List<Problem.Violation> out, double bound) {
    try {
      Optional<Double> value = fields.number(name);
      if (value.isEmpty()) {
        out.add(new Problem.Violation("missing-field", "/" + name, "required: degrees"));
        return null;
      }
      double v = value.get();
      if (!(v >= -bound && v <= bound)) {
        out.add(
            new Problem.Violation(
                "out-of-range", "/" + name, "expected degrees from -" + bound + " to " + bound));
        return null;
      }
      return v;
    } catch (WrongType e) {
      out.add(new Problem.Violation("invalid-field", "/" + name, e.getMessage()));
      return null;
    }
  }
}
