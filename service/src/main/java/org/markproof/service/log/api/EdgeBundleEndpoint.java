package org.markproof.service.log.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.util.List;
import org.markproof.contracts.edge.EdgeBundle;
import org.markproof.contracts.edge.EdgeBundleWriter;
import org.markproof.service.log.index.LedgerSnapshot;
import org.markproof.service.log.index.LedgerView;
import org.markproof.service.log.index.SignedCheckpoint;

/**
 * {@code GET /v1/edge/bundle?since=SIZE}: the edge bundle (docs/edge.md "The bundle") of the
 * entries from {@code SIZE} to the latest signed checkpoint's size, with that checkpoint and the
 * consistency proof from {@code SIZE}, for a border post that syncs from a USB stick. Public like
 * the rest of the log API: everything in it is public log data.
 *
 * <p>Answered from the in-memory index and streamed one entry at a time on a worker thread, so a
 * bundle of millions of entries costs one entry of memory and blocks on the client's pace, not on
 * the heap. Entries below a signed checkpoint never change, so one snapshot's checkpoint fixes the
 * whole answer however long it takes to write.
 */
@Path("/v1/edge/bundle")
public class EdgeBundleEndpoint {
  private static final int BUFFER_BYTES = 64 * 1024;

  private final LedgerView ledger;

  EdgeBundleEndpoint(LedgerView ledger) {
    this.ledger = ledger;
  }

  @GET
  @Produces(EdgeBundle.MEDIA_TYPE)
  public Response bundle(@QueryParam("since") String sinceText) {
    long since = QueryParameters.requiredNumber("since", sinceText, 0);
    LedgerSnapshot snapshot = ledger.snapshot();
    SignedCheckpoint checkpoint =
        snapshot
            .checkpoint()
            .orElseThrow(
                () ->
                    LogApiException.unavailable(
                        "the log has not signed a checkpoint yet, so there is nothing to bundle",
                        "retry after the sequencer's first checkpoint interval"));
    long size = checkpoint.size();
    if (since > size) {
      throw LogApiException.badParameter(
          "since",
          "since "
              + since
              + " is beyond the latest checkpoint's "
              + size
              + " entries; a post cannot have adopted more than the log signed");
    }
    List<byte[]> proof =
        since == 0 || since == size ? List.of() : ledger.consistencyProof(since, size);
    EdgeBundle header = new EdgeBundle(since, size, checkpoint.note(), proof);
    StreamingOutput body = out -> write(header, out);
    return Response.ok(body, EdgeBundle.MEDIA_TYPE)
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .header(
            "Content-Disposition",
            "attachment; filename=\"markproof-" + since + "-" + size + ".edge-bundle\"")
        .build();
  }

  private void write(EdgeBundle header, OutputStream target) throws java.io.IOException {
    OutputStream out = new BufferedOutputStream(target, BUFFER_BYTES);
    EdgeBundleWriter writer = new EdgeBundleWriter(out, header);
    for (long index = header.from(); index < header.to(); index++) {
      writer.entry(ledger.entry(index));
    }
    writer.finish();
  }
}
