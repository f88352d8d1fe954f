package org.markproof.service.labels;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.markproof.contracts.problem.ProblemCode;
import org.markproof.service.auth.Groups;
import org.markproof.service.problem.Problem;

/**
 * {@code POST /v1/batches/{gtin}/{batch}/labels} (issue 4, "Labels for brand owners"): the batch's
 * issuer asks for {@code count} labels with random serials, or for a list of serials, and gets them
 * signed with the label key the service holds for the batch, as a CSV of Digital Link URIs, a ZIP
 * of PNG or SVG QR Codes, or printable A4 sheets (PDF). The body is {@link LabelRequest}; the
 * format is the body's {@code format} or the Accept header's ({@link LabelFormat#choose}).
 *
 * <p>Only a {@code brand-owner} token whose subject issued the batch gets labels; for anyone else,
 * and for a batch not (yet) in the log, the answer is 404 alike. An issuer holding its own label
 * key gets 409 {@code label-key-self-held} and signs with contracts' {@code LabelSigner}.
 */
@Path("/v1/batches/{gtin}/{batch}/labels")
@RolesAllowed(Groups.BRAND_OWNER)
@SecurityRequirement(name = "bearer")
public class LabelsResource {
  /** Largest body read: 10,000 serials of 20 characters fit with room to spare. */
  static final int MAX_BODY_BYTES = 512 * 1024;

  private final LabelService labels;
  private final ObjectMapper mapper;
  private final JsonWebToken token;

  LabelsResource(LabelService labels, ObjectMapper mapper, JsonWebToken token) {
    this.labels = labels;
    this.mapper = mapper;
    this.token = token;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces({"text/csv", "application/zip", "application/pdf"})
  public Uni<Response> labels(
      @PathParam("gtin") String gtin,
      @PathParam("batch") String batch,
      byte[] body,
      @Context HttpHeaders headers) {
    LabelRequest request = LabelRequest.read(object(body), labels.defaultResolver());
    LabelFormat format = LabelFormat.choose(request.format(), headers.getAcceptableMediaTypes());
    if (request.size() > format.maxLabels()) {
      throw LabelProblem.invalid(
          List.of(
              new Problem.Violation(
                  "invalid-field",
                  request.sizeField(),
                  request.size()
                      + " labels; a "
                      + format.wireName()
                      + " answer holds at most "
                      + format.maxLabels()
                      + " per request")));
    }
    return labels
        .batchOf(token.getSubject(), gtin, batch)
        .emitOn(Infrastructure.getDefaultWorkerPool())
        .map(
            issued -> {
              LabelSet signed = labels.sign(issued, request);
              byte[] file = LabelFiles.write(signed, format, request.columns(), request.rows());
              return Response.ok(file, format.mediaType())
                  .header(
                      "Content-Disposition",
                      "attachment; filename=\"labels-"
                          + signed.gtin().digits()
                          + "-"
                          + LabelFiles.fileSafe(batch)
                          + "."
                          + (format == LabelFormat.PNG || format == LabelFormat.SVG
                              ? "zip"
                              : format.wireName())
                          + "\"")
                  .build();
            });
  }

  private ObjectNode object(byte[] body) {
    if (body == null || body.length == 0) {
      throw new LabelProblem(
          ProblemCode.MALFORMED_JSON,
          "the body is empty; send one JSON object such as {\"count\": 100}",
          List.of(),
          null);
    }
    if (body.length > MAX_BODY_BYTES) {
      throw new LabelProblem(
          ProblemCode.BODY_TOO_LARGE,
          "the body has "
              + body.length
              + " bytes; a labels request holds at most "
              + MAX_BODY_BYTES,
          List.of(),
          null);
    }
    JsonNode node;
    try {
      node = mapper.readTree(body);
    } catch (JsonProcessingException e) {
      // ProblemMappers explains Jackson's failures (malformed JSON, duplicate keys …).
      throw new WebApplicationException(e, 400);
    } catch (IOException e) {
      throw new LabelProblem(
          ProblemCode.MALFORMED_JSON, "the body cannot be read as JSON", List.of(), null);
    }
    if (node == null || !node.isObject()) {
      throw new LabelProblem(
          ProblemCode.MALFORMED_JSON, "the body must be one JSON object", List.of(), null);
    }
    return (ObjectNode) node;
  }
}
