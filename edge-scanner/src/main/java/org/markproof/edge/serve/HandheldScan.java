package org.markproof.edge.serve;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.markproof.contracts.MalformedDataException;
import org.markproof.contracts.StrictUtf8;
import org.markproof.contracts.barcode.ImageDecoder;
import org.markproof.contracts.label.ScannedCode;
import org.markproof.contracts.problem.ProblemCode;
import org.markproof.edge.scan.ClientFacts;
import org.markproof.edge.scan.ScanInput;
import org.markproof.edge.serve.LanProblem.Violation;

/**
 * A handheld's scan as the service's {@code POST /v1/scans} takes it (docs/edge.md "Serving
 * handhelds on the LAN"), read with the service's bounds and checks: a JSON object of {@code code},
 * {@code symbology}, {@code postId}, {@code lat}, {@code lon}, {@code scannedAt}, {@code scanId};
 * or a {@code multipart/form-data} form with a {@code photo} part and the same fields but {@code
 * code}. Every bad field is named at once, with the service's violation codes. Unlike the service,
 * the post lets the handheld leave out everything but the code or photo: what is missing is the
 * post's ({@link ClientFacts}); {@code lat} and {@code lon} come together.
 *
 * @param input the code and what it is
 * @param postId the post the handheld names, if it names one
 * @param given the scan id, position and time the handheld gave
 */
record HandheldScan(ScanInput input, Optional<String> postId, ClientFacts given) {
  /** Largest JSON scan, as the service's. */
  static final int MAX_JSON_BYTES = 16 * 1024;

  /** Largest photo, as the service's {@code markproof.scan.max-photo-bytes}. */
  static final int MAX_PHOTO_BYTES = 1_000_000;

  /** Largest multipart body, as the service's {@code quarkus.http.limits.max-body-size} (1 MiB). */
  static final int MAX_FORM_BYTES = 1024 * 1024;

  /** Largest form field other than the photo; every field's syntax is far shorter. */
  static final int MAX_FIELD_BYTES = 1024;

  static final Pattern SCAN_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}");
  static final Pattern POST_ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

  /** How far after the post's clock a scan time may lie, as the service allows. */
  static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

  private static final Set<String> MEMBERS =
      Set.of("code", "symbology", "postId", "lat", "lon", "scannedAt", "scanId");
  private static final Set<String> PHOTO_FIELDS =
      Set.of("symbology", "postId", "lat", "lon", "scannedAt", "scanId");
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  /** A field as received: text, a number, or of the wrong type ({@code null} when absent). */
  private interface Fields {
    Object get(String name);
  }

  /**
   * Reads a JSON scan.
   *
   * @throws LanProblem 400 for malformed JSON, unknown members or bad fields (all named), 413 for a
   *     body or code over the service's bounds
   */
  static HandheldScan json(byte[] body, Instant now) throws LanProblem {
    if (body.length == 0) {
      throw new LanProblem(ProblemCode.MALFORMED_JSON, "the body is empty; send a scan");
    }
    JsonNode json;
    try {
      json = JSON.readTree(body);
    } catch (IOException e) {
      throw new LanProblem(
          ProblemCode.MALFORMED_JSON, "the body is not one JSON object: " + brief(e));
    }
    if (json == null || !json.isObject()) {
      throw new LanProblem(ProblemCode.MALFORMED_JSON, "the body is not a JSON object");
    }
    List<Violation> unknown = new ArrayList<>();
    json.fieldNames()
        .forEachRemaining(
            name -> {
              if (!MEMBERS.contains(name)) {
                unknown.add(new Violation("unknown-field", "/" + name, "not a scan field"));
              }
            });
    if (!unknown.isEmpty()) {
      throw new LanProblem(
          ProblemCode.UNKNOWN_FIELD,
          "unknown field " + unknown.get(0).path(),
          unknown,
          Optional.empty());
    }
    Fields fields =
        name -> {
          JsonNode v = json.get(name);
          return v == null
              ? null
              : v.isTextual() ? v.textValue() : v.isNumber() ? v : Boolean.FALSE;
        };
    List<Violation> violations = new ArrayList<>();
    Object code = fields.get("code");
    String text = null;
    if (code == null) {
      violations.add(new Violation("missing-field", "/code", "required: the scanned text"));
    } else if (!(code instanceof String s)) {
      violations.add(new Violation("invalid-field", "/code", "expected a string"));
    } else if (s.length() > ScannedCode.MAX_TEXT_LENGTH) {
      throw new LanProblem(
          ProblemCode.BODY_TOO_LARGE,
          "the code has "
              + s.length()
              + " characters; a scanned code has at most "
              + ScannedCode.MAX_TEXT_LENGTH,
          List.of(new Violation("too-long", "/code", "at most 4096 characters")),
          Optional.empty());
    } else {
      text = s;
    }
    Optional<String> symbology = symbology(fields, violations);
    Read read = read(fields, violations, now);
    String scanned = text;
    return build(violations, () -> ScanInput.text(scanned, symbology), read);
  }

  /**
   * Reads a photo scan from the parts of a multipart form.
   *
   * @throws LanProblem 400 for unknown, repeated or bad parts (all named), a missing photo or one
   *     that is no PNG or JPEG image; 413 for a photo over the service's bound
   */
  static HandheldScan form(List<MultipartForm.Part> parts, ImageDecoder images, Instant now)
      throws LanProblem {
    Map<String, Object> form = new LinkedHashMap<>();
    MultipartForm.Part photo = null;
    Set<String> seen = new java.util.HashSet<>();
    for (MultipartForm.Part part : parts) {
      String name = MultipartForm.echo(part.name());
      if (!seen.add(part.name())) {
        throw new LanProblem(
            ProblemCode.INVALID_FIELD,
            "the form part " + name + " is sent twice",
            List.of(new Violation("duplicate-field", "/" + name, "send it once")),
            Optional.empty());
      }
      if (part.name().equals("photo")) {
        photo = part;
      } else if (PHOTO_FIELDS.contains(part.name()) && part.filename().isEmpty()) {
        byte[] content = part.content();
        if (content.length > MAX_FIELD_BYTES) {
          throw LanProblem.field("too-long", "/" + name, "at most " + MAX_FIELD_BYTES + " bytes");
        }
        try {
          form.put(part.name(), StrictUtf8.decode(content));
        } catch (CharacterCodingException e) {
          throw LanProblem.field("invalid-field", "/" + name, "not UTF-8 text");
        }
      } else {
        throw new LanProblem(
            ProblemCode.UNKNOWN_FIELD,
            "unknown form part " + name + " (a photo scan has no code part)",
            List.of(new Violation("unknown-field", "/" + name, "not a scan field")),
            Optional.empty());
      }
    }
    if (photo == null) {
      throw new LanProblem(
          ProblemCode.INVALID_FIELD,
          "missing the photo part (a PNG or JPEG image); parts received: " + seen,
          List.of(new Violation("missing-field", "/photo", "a PNG or JPEG image")),
          Optional.empty());
    }
    byte[] image = photo.content();
    if (image.length > MAX_PHOTO_BYTES) {
      throw new LanProblem(
          ProblemCode.BODY_TOO_LARGE,
          "the photo has " + image.length + " bytes; at most " + MAX_PHOTO_BYTES);
    }
    Fields fields =
        name -> {
          Object v = form.get(name);
          if (v != null && (name.equals("lat") || name.equals("lon"))) {
            try {
              return Double.parseDouble((String) v);
            } catch (NumberFormatException e) {
              return Boolean.FALSE;
            }
          }
          return v;
        };
    List<Violation> violations = new ArrayList<>();
    Optional<String> symbology = symbology(fields, violations);
    Read read = read(fields, violations, now);
    return build(
        violations,
        () -> {
          ScanInput decoded = photo(images, image);
          return symbology.isPresent()
              ? new ScanInput(decoded.code(), decoded.parsed(), symbology)
              : decoded;
        },
        read);
  }

  /**
   * A photo sent as the whole body ({@code Content-Type: image/png | image/jpeg}): no fields, so
   * everything but the code is the post's.
   */
  static HandheldScan image(byte[] body, ImageDecoder images) throws LanProblem {
    if (body.length > MAX_PHOTO_BYTES) {
      throw new LanProblem(
          ProblemCode.BODY_TOO_LARGE, "the photo has more than " + MAX_PHOTO_BYTES + " bytes");
    }
    return new HandheldScan(photo(images, body), Optional.empty(), ClientFacts.none());
  }

  private static ScanInput photo(ImageDecoder images, byte[] image) throws LanProblem {
    try {
      return ScanInput.photo(images, image);
    } catch (MalformedDataException e) {
      throw new LanProblem(
          ProblemCode.INVALID_FIELD,
          "the photo is not a readable PNG or JPEG image: " + e.getMessage(),
          List.of(new Violation("invalid-image", "/photo", e.getMessage())),
          Optional.empty());
    }
  }

  private record Read(
      Optional<String> postId,
      Optional<String> scanId,
      Optional<Double> lat,
      Optional<Double> lon,
      Optional<Instant> scannedAt) {}

  private interface InputSource {
    ScanInput get() throws MalformedDataException, LanProblem;
  }

  private static HandheldScan build(List<Violation> violations, InputSource input, Read read)
      throws LanProblem {
    if (!violations.isEmpty()) {
      throw new LanProblem(
          ProblemCode.INVALID_FIELD,
          violations.size() == 1
              ? "invalid value at " + violations.get(0).path() + ": " + violations.get(0).message()
              : violations.size() + " invalid fields",
          violations,
          Optional.empty());
    }
    ScanInput scanned;
    try {
      scanned = input.get();
    } catch (MalformedDataException e) {
      throw new IllegalStateException("the fields were checked before: " + e.getMessage(), e);
    }
    return new HandheldScan(
        scanned,
        read.postId(),
        new ClientFacts(read.scanId(), read.lat(), read.lon(), read.scannedAt()));
  }

  private static Optional<String> symbology(Fields fields, List<Violation> out) {
    Object v = fields.get("symbology");
    if (v == null) {
      return Optional.empty();
    }
    if (!(v instanceof String s) || !ScanInput.SYMBOLOGY.matcher(s).matches()) {
      out.add(
          new Violation(
              "invalid-field", "/symbology", "expected a symbology name such as qr, datamatrix"));
      return Optional.empty();
    }
    return Optional.of(s);
  }

  private static Read read(Fields fields, List<Violation> out, Instant now) {
    Optional<String> postId = text(fields, "postId", POST_ID, "a post id (a-z, 0-9, . _ -)", out);
    Optional<String> scanId =
        text(fields, "scanId", SCAN_ID, "1 to 64 of A-Z a-z 0-9 . _ : - (a UUID)", out);
    Optional<Double> lat = degrees(fields, "lat", 90, out);
    Optional<Double> lon = degrees(fields, "lon", 180, out);
    if (fields.get("lat") != null && fields.get("lon") == null) {
      out.add(new Violation("missing-field", "/lon", "required with /lat: degrees"));
    } else if (fields.get("lon") != null && fields.get("lat") == null) {
      out.add(new Violation("missing-field", "/lat", "required with /lon: degrees"));
    }
    Optional<Instant> scannedAt = Optional.empty();
    Optional<String> at = text(fields, "scannedAt", null, "an RFC 3339 time", out);
    if (at.isPresent()) {
      try {
        scannedAt = Optional.of(OffsetDateTime.parse(at.get()).toInstant());
        if (scannedAt.get().isAfter(now.plus(CLOCK_SKEW))) {
          out.add(
              new Violation(
                  "in-future", "/scannedAt", "more than 5 minutes after the post's clock"));
        }
      } catch (DateTimeParseException e) {
        out.add(
            new Violation(
                "invalid-field", "/scannedAt", "expected an RFC 3339 time with an offset"));
      }
    }
    return new Read(postId, scanId, lat, lon, scannedAt);
  }

  private static Optional<String> text(
      Fields fields, String name, Pattern syntax, String expected, List<Violation> out) {
    Object v = fields.get(name);
    if (v == null) {
      return Optional.empty();
    }
    if (!(v instanceof String s)) {
      out.add(new Violation("invalid-field", "/" + name, "expected a string"));
      return Optional.empty();
    }
    if (syntax != null && !syntax.matcher(s).matches()) {
      out.add(new Violation("invalid-field", "/" + name, "expected " + expected));
      return Optional.empty();
    }
    return Optional.of(s);
  }

  private static Optional<Double> degrees(
      Fields fields, String name, double bound, List<Violation> out) {
    Object v = fields.get(name);
    if (v == null) {
      return Optional.empty();
    }
    double d;
    if (v instanceof Double parsed) {
      d = parsed;
    } else if (v instanceof JsonNode n) {
      d = n.doubleValue();
    } else {
      out.add(new Violation("invalid-field", "/" + name, "expected a number"));
      return Optional.empty();
    }
    if (!(d >= -bound && d <= bound)) {
      out.add(
          new Violation(
              "out-of-range", "/" + name, "expected degrees from -" + bound + " to " + bound));
      return Optional.empty();
    }
    return Optional.of(d);
  }

  private static String brief(IOException e) {
    String message = String.valueOf(e.getMessage());
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
