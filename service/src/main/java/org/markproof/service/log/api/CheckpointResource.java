package org.markproof.service.log.api;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.markproof.service.log.store.LogStore;

/**
 * {@code GET /checkpoint}: the log's latest signed checkpoint (c2sp.org/tlog-checkpoint as a
 * c2sp.org/signed-note), at the path c2sp.org/tlog-tiles names. Public, no token.
 */
@Path("/checkpoint")
public class CheckpointResource {
  /** The media type of a signed note. */
  public static final String NOTE_TYPE = "text/plain; charset=utf-8";

  /**
   * Clients poll for new checkpoints and a new one is signed within a second of an append, so
   * shared caches may keep one only briefly.
   */
  static final String CACHE = "public, max-age=1";

  private final LogStore store;

  CheckpointResource(LogStore store) {
    this.store = store;
  }

  @GET
  @Produces(NOTE_TYPE)
  public Uni<Response> latest() {
    return store
        .latestCheckpoint()
        .map(
            checkpoint -> {
              if (checkpoint == null) {
                throw LogApiException.notFound(
                    "the log has not signed a checkpoint yet",
                    "retry after the sequencer's first checkpoint interval");
              }
              return Response.ok(checkpoint.note())
                  .type(NOTE_TYPE)
                  .header(HttpHeaders.CACHE_CONTROL, CACHE)
                  .build();
            });
  }
}
