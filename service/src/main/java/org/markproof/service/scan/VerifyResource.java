package org.markproof.service.scan;

import io.smallrye.common.annotation.NonBlocking;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.markproof.contracts.entry.MarkRepresentation;
import org.markproof.contracts.label.ScannedCode;
import org.markproof.contracts.problem.ProblemCode;
import org.markproof.contracts.verdict.Judge;
import org.markproof.contracts.verdict.Judgement;
import org.markproof.contracts.verdict.ScanContext;
import org.markproof.service.log.index.LedgerSnapshot;
import org.markproof.service.log.index.LedgerView;
import org.markproof.service.problem.Problem;
import org.markproof.service.submission.SubmissionProblem;

/**
 * The consumer check a GS1 resolver links to as {@code gs1:verificationService}: {@code GET
 * /v1/verify?code=…}, no token, rate-limited per client address. It says whether the code is a
 * genuine markproof label and of which product and mark — no evidence, no scan history, and the
 * check is not a sighting (customs clone detection counts officers' scans only).
 */
@Path("/v1/verify")
public class VerifyResource {
  @Inject LedgerView ledger;
  @Inject ScanLimits limits;

  @GET
  @PermitAll
  @NonBlocking
  @Produces(MediaType.APPLICATION_JSON)
  public Response verify(@QueryParam("code") String code, @Context HttpServerRequest request) {
    String client =
        request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
    Optional<Response> limited = limits.checks(client);
    if (limited.isPresent()) {
      return limited.get();
    }
    if (code == null || code.isEmpty()) {
      throw new SubmissionProblem(
          ProblemCode.BAD_REQUEST,
          "the code parameter is missing: the scanned text or Digital Link URI",
          List.of(new Problem.Violation("missing-parameter", null, "code")),
          null);
    }
    if (code.length() > ScannedCode.MAX_TEXT_LENGTH) {
      throw new SubmissionProblem(
          ProblemCode.BAD_REQUEST,
          "the code has " + code.length() + " characters; at most " + ScannedCode.MAX_TEXT_LENGTH);
    }
    LedgerSnapshot snapshot = ledger.snapshot();
    Judgement j =
        Judge.judge(
            snapshot.checkpointState().orElse(snapshot.state()),
            ScannedCode.parse(code),
            ScanContext.anywhere());
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("verdict", j.verdict().name());
    out.put("genuine", j.verdict() == org.markproof.contracts.verdict.VerdictCode.GENUINE);
    out.put(
        "message",
        Map.of("key", j.decisiveReason().messageKey(), "text", j.decisiveReason().sentence()));
    j.product()
        .ifPresent(
            p ->
                out.put(
                    "product",
                    Map.of(
                        "gtin", p.registration().gtin().digits(),
                        "description", p.registration().description())));
    j.mark()
        .ifPresent(
            m -> {
              Map<String, Object> mark = new LinkedHashMap<>();
              mark.put("office", m.trademark().office().code());
              mark.put("number", m.trademark().number());
              if (m.recorded().mark() instanceof MarkRepresentation.WordMark word) {
                mark.put("text", word.text());
              }
              j.holder().ifPresent(h -> mark.put("holder", h.displayName()));
              out.put("mark", mark);
            });
    return Response.ok(out).header("Cache-Control", "no-store").build();
  }
}
