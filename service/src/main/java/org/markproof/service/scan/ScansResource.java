package org.markproof.service.scan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.common.annotation.NonBlocking;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.jboss.resteasy.reactive.server.multipart.FormValue;
import org.jboss.resteasy.reactive.server.multipart.MultipartFormDataInput;
import org.markproof.contracts.MalformedDataException;
import org.markproof.contracts.barcode.BarcodeDecoder;
import org.markproof.contracts.barcode.DecodedBarcode;
import org.markproof.contracts.barcode.ImageDecoder;
import org.markproof.contracts.barcode.NoCodeFoundException;
import org.markproof.contracts.label.ScannedCode;
import org.markproof.contracts.problem.ProblemCode;
import org.markproof.contracts.verdict.ScanFacts;
import org.markproof.contracts.verdict.VerdictParts;
import org.markproof.contracts.verdict.VerdictSignature;
import org.markproof.service.auth.Groups;
import org.markproof.service.problem.Problem;
import org.markproof.service.problem.ProblemResponses;
import org.markproof.service.submission.SubmissionProblem;

/**
 * The customs scan API (docs/verdicts.md): {@code POST /v1/scans} as JSON or with a photo, the
 * post's history, one scan's signed verdict, and the verdict key.
 *
 * <p>A scan's verdict is answered from memory; its record is written in the next batch. The {@code
 * Markproof-Record} header says {@code pending} or {@code durable}; {@code ?durable=true} waits for
 * the write. A retry with the same {@code scanId} gets the same signed verdict ({@code
 * Markproof-Replayed: true}); a different scan reusing the id gets 409.
 */
@Path("/v1/scans")
@SecurityRequirement(name = "bearer")
public class ScansResource {
  /** The header that says whether the scan's record is written yet. */
  public static final String RECORD_HEADER = "Markproof-Record";

  public static final String REPLAYED_HEADER = "Markproof-Replayed";

  private static final int MAX_LIST = 1000;

  private static final List<String> PHOTO_FIELDS =
      List.of("symbology", "postId", "lat", "lon", "scannedAt", "scanId");

  @Inject Scanner scanner;
  @Inject ScanRecorder recorder;
  @Inject ScanLimits limits;
  @Inject JsonWebToken token;
  @Inject ObjectMapper mapper;
  @Inject ProblemResponses problems;
  @Inject Clock clock;
  @Inject Pool pool;
  @Inject ScanSettings settings;
  @Inject CustomsPosts posts;

  private final ImageDecoder images = new ImageDecoder(BarcodeDecoder.withDefaultBudget());

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed(Groups.CUSTOMS)
  @NonBlocking
  public Uni<Response> scan(byte[] body, @QueryParam("durable") String durable) {
    boolean waiting = flag(durable);
    Optional<Response> limited = limits.scans(token.getSubject());
    if (limited.isPresent()) {
      return Uni.createFrom().item(limited.get());
    }
    if (body == null || body.length == 0) {
      throw new SubmissionProblem(ProblemCode.MALFORMED_JSON, "the body is empty; send a scan");
    }
    if (body.length > ScanRequests.MAX_JSON_BYTES) {
      throw new SubmissionProblem(
          ProblemCode.BODY_TOO_LARGE,
          "the body has "
              + body.length
              + " bytes; a scan has at most "
              + ScanRequests.MAX_JSON_BYTES);
    }
    JsonNode json;
    try {
      json = mapper.readTree(body);
    } catch (IOException e) {
      throw new SubmissionProblem(
          ProblemCode.MALFORMED_JSON, "the body is not one JSON object: " + brief(e));
    }
    if (json == null || !json.isObject()) {
      throw new SubmissionProblem(ProblemCode.MALFORMED_JSON, "the body is not a JSON object");
    }
    ScanFacts facts = ScanRequests.facts(ScanRequests.json(json), Optional.empty(), clock);
    return judge(facts, ScannedCode.parse(facts.code()), waiting);
  }

  @POST
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed(Groups.CUSTOMS)
  @Blocking
  public Uni<Response> scanPhoto(
      MultipartFormDataInput input,
      @RestForm(FileUpload.ALL) List<FileUpload> files,
      @QueryParam("durable") String durable) {
    boolean waiting = flag(durable);
    Optional<Response> limited = limits.scans(token.getSubject());
    if (limited.isPresent()) {
      return Uni.createFrom().item(limited.get());
    }
    Map<String, String> form = new LinkedHashMap<>();
    FormValue photo = null;
    for (Map.Entry<String, java.util.Collection<FormValue>> part : input.getValues().entrySet()) {
      String name = part.getKey();
      if (part.getValue().size() != 1) {
        throw new SubmissionProblem(
            ProblemCode.INVALID_FIELD,
            "the form part " + echo(name) + " is sent " + part.getValue().size() + " times",
            List.of(new Problem.Violation("duplicate-field", "/" + echo(name), "send it once")),
            null);
      }
      FormValue value = part.getValue().iterator().next();
      if (name.equals("photo")) {
        photo = value;
      } else if (PHOTO_FIELDS.contains(name) && !value.isFileItem()) {
        form.put(name, value.getValue());
      } else {
        throw new SubmissionProblem(
            ProblemCode.UNKNOWN_FIELD,
            "unknown form part " + echo(name) + " (a photo scan has no code part)",
            List.of(new Problem.Violation("unknown-field", "/" + echo(name), "not a scan field")),
            null);
      }
    }
    for (FileUpload file : files) {
      if (!file.name().equals("photo")) {
        throw new SubmissionProblem(
            ProblemCode.UNKNOWN_FIELD,
            "unknown file part " + echo(file.name()) + "; the image goes in the photo part",
            List.of(
                new Problem.Violation(
                    "unknown-field", "/" + echo(file.name()), "not a scan field")),
            null);
      }
    }
    FileUpload upload =
        files.stream().filter(f -> f.name().equals("photo")).findFirst().orElse(null);
    if (photo == null && upload == null) {
      throw new SubmissionProblem(
          ProblemCode.INVALID_FIELD,
          "missing the photo part (a PNG or JPEG image); parts received: "
              + input.getValues().keySet(),
          List.of(new Problem.Violation("missing-field", "/photo", "a PNG or JPEG image")),
          null);
    }
    byte[] image;
    try {
      if (upload != null) {
        if (upload.size() > settings.maxPhotoBytes()) {
          throw new SubmissionProblem(
              ProblemCode.BODY_TOO_LARGE,
              "the photo has " + upload.size() + " bytes; at most " + settings.maxPhotoBytes());
        }
        image = java.nio.file.Files.readAllBytes(upload.uploadedFile());
      } else if (photo.isFileItem()) {
        long size = photo.getFileItem().getFileSize();
        if (size > settings.maxPhotoBytes()) {
          throw new SubmissionProblem(
              ProblemCode.BODY_TOO_LARGE,
              "the photo has " + size + " bytes; at most " + settings.maxPhotoBytes());
        }
        try (var in = photo.getFileItem().getInputStream()) {
          image = in.readNBytes(settings.maxPhotoBytes() + 1);
        }
      } else {
        image = photo.getValue().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
      }
    } catch (IOException e) {
      throw new SubmissionProblem(ProblemCode.BAD_REQUEST, "the photo could not be read");
    }
    if (image.length > settings.maxPhotoBytes()) {
      throw new SubmissionProblem(
          ProblemCode.BODY_TOO_LARGE,
          "the photo has " + image.length + " bytes; at most " + settings.maxPhotoBytes());
    }
    String lat = form.remove("lat");
    String lon = form.remove("lon");
    ScanRequests.Fields fields = formFields(form, lat, lon);
    ScannedCode code0;
    String text;
    Optional<String> found = Optional.empty();
    try {
      DecodedBarcode decoded = images.decode(image, System::nanoTime);
      text = decoded.symbologyIdentifier() + decoded.text();
      code0 = decoded.code();
      found = Optional.of(decoded.symbology().name().toLowerCase(java.util.Locale.ROOT));
    } catch (NoCodeFoundException e) {
      text = "";
      code0 = new ScannedCode.Malformed("no barcode found in the photo: " + e.getMessage());
    } catch (MalformedDataException e) {
      throw new SubmissionProblem(
          ProblemCode.INVALID_FIELD,
          "the photo is not a readable PNG or JPEG image: " + e.getMessage(),
          List.of(new Problem.Violation("invalid-image", "/photo", e.getMessage())),
          null);
    }
    ScanFacts facts = ScanRequests.facts(fields, Optional.of(text), clock);
    if (facts.symbology().isEmpty() && found.isPresent()) {
      facts =
          new ScanFacts(
              facts.scanId(),
              facts.postId(),
              facts.lat(),
              facts.lon(),
              facts.scannedAt(),
              facts.code(),
              found);
    }
    return judge(facts, code0, waiting);
  }

  private Uni<Response> judge(ScanFacts facts, ScannedCode code, boolean waiting) {
    String subject = token.getSubject();
    posts.requirePost(subject, facts.postId());
    byte[] fingerprint = Scanner.fingerprint(facts, subject);
    Optional<WrittenScans.Written> written = recorder.written(facts.scanId());
    if (written.isPresent()) {
      // Written lately: the answer is the stored verdict, unless the id was reused.
      if (!written.get().sameFingerprint(fingerprint)) {
        throw reused(facts.scanId());
      }
      return replayStored(facts.scanId(), fingerprint);
    }
    Scanner.Scanned scanned = scanner.scan(facts, code, subject, false, fingerprint);
    ScanRecord record = scanned.record();
    if (scanned.replayed() && !Arrays.equals(record.fingerprint(), fingerprint)) {
      throw reused(facts.scanId());
    }
    if (!waiting) {
      return Uni.createFrom().item(answer(record, scanned.replayed(), record.durable().isDone()));
    }
    return Uni.createFrom()
        .completionStage(record.durable())
        .onItem()
        .transformToUni(
            inserted ->
                inserted || scanned.replayed()
                    ? Uni.createFrom().item(answer(record, scanned.replayed(), true))
                    : replayStored(facts.scanId(), fingerprint));
  }

  /**
   * The stored verdict of {@code scanId} as a replay, if it was scanned with {@code fingerprint}.
   */
  private Uni<Response> replayStored(String scanId, byte[] fingerprint) {
    return stored(scanId)
        .map(
            row -> {
              if (row == null
                  || !Arrays.equals(row.getBuffer("fingerprint").getBytes(), fingerprint)) {
                throw reused(scanId);
              }
              return Response.ok(storedDocument(row, scanId))
                  .type(MediaType.APPLICATION_JSON)
                  .header(RECORD_HEADER, "durable")
                  .header(REPLAYED_HEADER, "true")
                  .header("Location", "/v1/scans/" + scanId)
                  .build();
            });
  }

  private static SubmissionProblem reused(String scanId) {
    return new SubmissionProblem(
        ProblemCode.CONFLICT,
        "scan id " + scanId + " was used for another scan; choose a new id (a random UUID)",
        List.of(new Problem.Violation("scan-id-reused", "/scanId", "used for another scan")),
        null);
  }

  private static Response answer(ScanRecord record, boolean replayed, boolean durable) {
    Response.ResponseBuilder out =
        Response.ok(record.signed().text())
            .type(MediaType.APPLICATION_JSON)
            .header(RECORD_HEADER, durable ? "durable" : "pending")
            .header("Location", "/v1/scans/" + record.scanId());
    if (replayed) {
      out.header(REPLAYED_HEADER, "true");
    }
    return out.build();
  }

  @GET
  @Path("/{id}")
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed({Groups.CUSTOMS, Groups.OPERATOR})
  public Uni<Response> one(@PathParam("id") String scanId) {
    if (!ScanRequests.SCAN_ID.matcher(scanId).matches()) {
      throw new SubmissionProblem(ProblemCode.BAD_REQUEST, "not a scan id: " + echo(scanId));
    }
    Optional<String> post =
        token.getGroups().contains(Groups.OPERATOR)
            ? Optional.empty()
            : Optional.of(posts.postOf(token.getSubject()));
    Optional<ScanRecord> recent = recorder.recent(scanId);
    if (recent.isPresent()) {
      if (post.isPresent() && !post.get().equals(recent.get().postId())) {
        throw notFound(scanId);
      }
      return Uni.createFrom().item(answer(recent.get(), false, recent.get().durable().isDone()));
    }
    return stored(scanId)
        .map(
            row -> {
              if (row == null
                  || (post.isPresent() && !post.get().equals(row.getString("post_id")))) {
                throw notFound(scanId);
              }
              return Response.ok(storedDocument(row, scanId))
                  .type(MediaType.APPLICATION_JSON)
                  .header(RECORD_HEADER, "durable")
                  .build();
            });
  }

  private static SubmissionProblem notFound(String scanId) {
    return new SubmissionProblem(ProblemCode.NOT_FOUND, "no scan " + scanId + " you may read");
  }

  private Uni<Row> stored(String scanId) {
    return pool.preparedQuery(
            "SELECT s.post_id, s.fingerprint, convert_to(s.document, 'UTF8') AS document,"
                + " convert_to(e.evidence, 'UTF8') AS evidence,"
                // V15: the parts in the order the row names them (a NULL where one were missing).
                + " (SELECT array_agg(p.evidence ORDER BY i)"
                + " FROM generate_series(0, octet_length(s.evidence_parts) / 32 - 1) AS i"
                + " LEFT JOIN verdict_evidence p"
                + " ON p.id = substring(s.evidence_parts FROM 1 + 32 * i FOR 32)) AS parts"
                + " FROM scan s LEFT JOIN verdict_evidence e ON e.id = s.evidence_id"
                + " WHERE s.scan_id = $1")
        .execute(Tuple.of(scanId))
        .map(rows -> rows.iterator().hasNext() ? rows.iterator().next() : null);
  }

  /**
   * A stored row's signed verdict text, as it was answered: a document stored without its evidence
   * (every row since V10) gets it back from {@code verdict_evidence}, whole (V10 to V14) or from
   * its parts (since V15).
   */
  private static byte[] storedDocument(Row row, String scanId) {
    byte[] document = row.getBuffer("document").getBytes();
    io.vertx.mutiny.core.buffer.Buffer whole = row.getBuffer("evidence");
    String[] parts = row.getArrayOfStrings("parts");
    byte[] evidence;
    if (whole != null) {
      evidence = whole.getBytes();
    } else if (parts != null) {
      List<byte[]> texts = new ArrayList<>(parts.length);
      for (String part : parts) {
        if (part == null) {
          throw new IllegalStateException("a part of the evidence of scan " + scanId + " is gone");
        }
        texts.add(part.getBytes(StandardCharsets.UTF_8));
      }
      evidence = StoredEvidence.join(texts);
    } else {
      return document;
    }
    try {
      return new VerdictParts(document, evidence).join();
    } catch (MalformedDataException e) {
      throw new IllegalStateException(
          "the stored verdict of scan " + scanId + " cannot be put together", e);
    }
  }

  /** The scans of a post since a time, oldest first: customs their own post, operators any. */
  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed({Groups.CUSTOMS, Groups.OPERATOR})
  public Uni<Map<String, Object>> list(
      @QueryParam("post") String post,
      @QueryParam("since") String since,
      @QueryParam("limit") String limit) {
    Optional<String> wanted = Optional.ofNullable(post);
    if (wanted.isPresent() && !ScanRequests.POST_ID.matcher(wanted.get()).matches()) {
      throw new SubmissionProblem(ProblemCode.BAD_REQUEST, "not a post id: " + echo(post));
    }
    if (!token.getGroups().contains(Groups.OPERATOR)) {
      String own = posts.postOf(token.getSubject());
      if (wanted.isPresent() && !wanted.get().equals(own)) {
        throw new SubmissionProblem(
            ProblemCode.FORBIDDEN,
            "customs officers read their own post's scans only (" + own + ")");
      }
      wanted = Optional.of(own);
    }
    Instant from = since == null ? Instant.EPOCH : time("since", since);
    int count = limit == null ? 100 : count(limit);
    String sql = listing(wanted.isPresent());
    Tuple args = Tuple.of(from.atOffset(ZoneOffset.UTC), count);
    wanted.ifPresent(args::addString);
    return pool.preparedQuery(sql).execute(args).map(rows -> summaries("scans", rows));
  }

  /**
   * Scans since {@code $1}, at most {@code $2}, of post {@code $3} if {@code onePost}: indexed by
   * {@code scan_post_time} for one post, {@code scan_time} (V14) for all.
   */
  static String listing(boolean onePost) {
    return "SELECT scan_id, post_id, scanned_at, received_at, verdict, gtin, batch, serial, offline"
        + " FROM scan WHERE scanned_at >= $1"
        + (onePost ? " AND post_id = $3" : "")
        + " ORDER BY scanned_at, scan_id LIMIT $2";
  }

  static Map<String, Object> summaries(String member, Iterable<Row> rows) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Row row : rows) {
      Map<String, Object> scan = new LinkedHashMap<>();
      scan.put("scanId", row.getString("scan_id"));
      scan.put("postId", row.getString("post_id"));
      scan.put("scannedAt", row.getOffsetDateTime("scanned_at").toInstant().toString());
      scan.put("receivedAt", row.getOffsetDateTime("received_at").toInstant().toString());
      scan.put("verdict", row.getString("verdict"));
      if (row.getString("gtin") != null) {
        scan.put("gtin", row.getString("gtin"));
      }
      if (row.getString("batch") != null) {
        scan.put("batch", row.getString("batch"));
      }
      if (row.getString("serial") != null) {
        scan.put("serial", row.getString("serial"));
      }
      scan.put("offline", row.getBoolean("offline"));
      out.add(scan);
    }
    return Map.of(member, out);
  }

  /**
   * The verdict key, to check verdicts offline ({@code edge-scanner evidence verify}), and the keys
   * that signed verdicts before a rotation: check a verdict with the key its {@code signature.key}
   * names.
   */
  @GET
  @Path("/key")
  @Produces(MediaType.APPLICATION_JSON)
  @PermitAll
  public Map<String, Object> key() {
    return Map.of(
        "verdictKey",
        scanner.verifierKey(),
        "previousVerdictKeys",
        scanner.previousVerifierKeys(),
        "format",
        VerdictSignature.FORMAT);
  }

  static Instant time(String name, String text) {
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      throw new SubmissionProblem(
          ProblemCode.BAD_REQUEST,
          "the " + name + " parameter is an RFC 3339 time with an offset",
          List.of(new Problem.Violation("invalid-parameter", null, name)),
          null);
    }
  }

  static int count(String limit) {
    try {
      int n = Integer.parseInt(limit);
      if (n >= 1 && n <= MAX_LIST) {
        return n;
      }
    } catch (NumberFormatException e) {
      // refused below
    }
    throw new SubmissionProblem(
        ProblemCode.BAD_REQUEST,
        "the limit parameter is a whole number from 1 to " + MAX_LIST,
        List.of(new Problem.Violation("invalid-parameter", null, "limit")),
        null);
  }

  private static boolean flag(String value) {
    if (value == null || value.equals("false")) {
      return false;
    }
    if (value.equals("true")) {
      return true;
    }
    throw new SubmissionProblem(ProblemCode.BAD_REQUEST, "the durable parameter is true or false");
  }

  private static ScanRequests.Fields formFields(Map<String, String> form, String lat, String lon) {
    return new ScanRequests.Fields() {
      @Override
      public Optional<String> text(String name) {
        return Optional.ofNullable(form.get(name));
      }

      @Override
      public Optional<Double> number(String name) throws ScanRequests.WrongType {
        String value = name.equals("lat") ? lat : name.equals("lon") ? lon : null;
        if (value == null) {
          return Optional.empty();
        }
        try {
          return Optional.of(Double.parseDouble(value));
        } catch (NumberFormatException e) {
          throw new ScanRequests.WrongType("expected a number");
        }
      }
    };
  }

  private static String brief(IOException e) {
    String message = String.valueOf(e.getMessage());
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }

  private static String echo(String text) {
    return text.length() <= 64 ? text : text.substring(0, 64) + "…";
  }
}
