package org.markproof.service.log.api;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import org.markproof.contracts.MalformedDataException;
import org.markproof.contracts.merkle.NodeId;
import org.markproof.contracts.tiles.EntryBundle;
import org.markproof.contracts.tiles.EntryBundleId;
import org.markproof.contracts.tiles.TileHashes;
import org.markproof.contracts.tiles.TileId;
import org.markproof.contracts.tiles.TileResource;
import org.markproof.service.log.store.LogStore;
import org.markproof.service.log.store.StoredEntry;

/**
 * The tiles of c2sp.org/tlog-tiles, served from storage: {@code GET /tile/<L>/<N>[.p/<W>]} (hash
 * tiles: the 32-byte hashes of the perfect subtrees {@code NodeId(8·L, 256·N + i)}, {@code i < W})
 * and {@code GET /tile/entries/<N>[.p/<W>]} (entry bundles: each leaf, {@code LogEntry.encoded()},
 * behind a big-endian uint16 length). Paths are parsed by contracts' {@link TileResource#parse},
 * which accepts only the canonical spelling ({@code x001/x234/067}).
 *
 * <p>A tile whose hashes all exist in the current tree never changes, partial or full (the hashes
 * of perfect subtrees are fixed once the tree holds them), so every tile served is cacheable
 * forever; one beyond the tree is a 404 that must not be cached.
 */
@Path("/tile")
public class TileResourceEndpoint {
  /** A year, and never revalidate: the spec's immutability made explicit to HTTP caches. */
  static final String IMMUTABLE = "public, max-age=31536000, immutable";

  private final LogStore store;

  TileResourceEndpoint(LogStore store) {
    this.store = store;
  }

  @GET
  @Path("{path: .+}")
  @Produces(MediaType.APPLICATION_OCTET_STREAM)
  public Uni<Response> tile(@PathParam("path") String path) {
    TileResource resource;
    try {
      resource = TileResource.parse("tile/" + path);
    } catch (MalformedDataException e) {
      throw LogApiException.badParameter("path", e.getMessage());
    }
    return store
        .head()
        .flatMap(
            head -> {
              long available = completeHashes(resource, head.size());
              long end = resource.index() * TileResource.FULL_WIDTH + resource.width();
              if (end > available) {
                throw LogApiException.notFound(
                    resource.path() + " is beyond the tree of " + head.size() + " entries",
                    "fetch /checkpoint and ask only for the tiles of its size");
              }
              return resource instanceof TileId tile
                  ? hashTile(tile)
                  : bundle((EntryBundleId) resource);
            })
        .map(
            bytes ->
                Response.ok(bytes)
                    .type(MediaType.APPLICATION_OCTET_STREAM)
                    .header(HttpHeaders.CACHE_CONTROL, IMMUTABLE)
                    .build());
  }

  /** The number of complete hashes on the resource's tree level: {@code floor(size / 256^L)}. */
  private static long completeHashes(TileResource resource, long size) {
    int level = resource instanceof TileId tile ? tile.nodeLevel() : 0;
    return level >= Long.SIZE ? 0 : size >>> level;
  }

  private Uni<byte[]> hashTile(TileId tile) {
    List<NodeId> ids = tile.nodeIds();
    return store.hashes(ids).map(hashes -> TileHashes.encode(tile, new FetchedHashes(ids, hashes)));
  }

  private Uni<byte[]> bundle(EntryBundleId id) {
    return store
        .entries(id.firstEntry(), id.endEntry())
        .map(
            stored -> {
              List<byte[]> leaves = new ArrayList<>(stored.size());
              for (StoredEntry entry : stored) {
                leaves.add(entry.leaf());
              }
              return new EntryBundle(leaves).encode();
            });
  }
}
