package org.markproof.service.log.api;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.markproof.contracts.checkpoint.TlogProof;
import org.markproof.service.log.index.LedgerView;
import org.markproof.service.log.store.LogHead;
import org.markproof.service.log.store.LogStore;
import org.markproof.service.log.store.StoredCheckpoint;

/**
 * RFC 9162 proofs from the stored tree: {@code GET /v1/log/proof/inclusion?index=N|leafHash=B64
 * [&size=S]} and {@code GET /v1/log/proof/consistency?from=A&to=B}. Public, no token.
 *
 * <p>Without {@code size} an inclusion proof is for the latest checkpoint's size (or the head's,
 * before the first checkpoint). With {@code Accept: text/x-tlog-proof} or {@code format=tlog-proof}
 * it is answered as a c2sp.org/tlog-proof against the latest checkpoint, ready for offline
 * verification ({@code edge-scanner log verify-proof}).
 */
@Path("/v1/log/proof")
public class LogProofsResource {
  /** The media type of a c2sp.org/tlog-proof answer. */
  public static final String TLOG_PROOF = "text/x-tlog-proof";

  private final LogStore store;
  private final LogProofs proofs;
  private final LeafIndex leafIndex;

  private final LedgerView ledger;

  LogProofsResource(LogStore store, LogProofs proofs, LeafIndex leafIndex, LedgerView ledger) {
    this.store = store;
    this.proofs = proofs;
    this.leafIndex = leafIndex;
    this.ledger = ledger;
  }

  /** The tree size and newest checkpoint: from the in-memory index once it has caught up. */
  private Uni<Long> headSize() {
    return ledger.isCaughtUp()
        ? Uni.createFrom().item(ledger.snapshot().size())
        : store.head().map(LogHead::size);
  }

  private Uni<StoredCheckpoint> latestCheckpoint() {
    if (!ledger.isCaughtUp()) {
      return store.latestCheckpoint();
    }
    return Uni.createFrom()
        .item(
            ledger
                .snapshot()
                .checkpoint()
                .map(c -> new StoredCheckpoint(c.size(), c.root(), c.note(), c.signedAt()))
                .orElse(null));
  }

  @GET
  @Path("inclusion")
  @Produces({MediaType.APPLICATION_JSON, TLOG_PROOF})
  public Uni<Response> inclusion(
      @QueryParam("index") String indexText,
      @QueryParam("leafHash") String leafHashText,
      @QueryParam("size") String treeSizeText,
      @QueryParam("format") String format,
      @HeaderParam(HttpHeaders.ACCEPT) String accept) {
    Long index = QueryParameters.optionalNumber("index", indexText, 0);
    byte[] leafHash = QueryParameters.optionalHash("leafHash", leafHashText);
    if ((index == null) == (leafHash == null)) {
      throw LogApiException.badParameter(
          index == null ? "index" : "leafHash", "give exactly one of index and leafHash");
    }
    Long treeSize = QueryParameters.optionalNumber("size", treeSizeText, 1);
    boolean tlogProof = wantsTlogProof(format, accept);
    Uni<Long> resolvedIndex =
        index != null
            ? Uni.createFrom().item(index)
            : leafIndex
                .firstIndexOf(leafHash)
                .map(
                    found -> {
                      if (found == null) {
                        throw LogApiException.notFound(
                            "no entry has leaf hash " + leafHashText, null);
                      }
                      return found;
                    });
    return Uni.combine()
        .all()
        .unis(headSize(), latestCheckpoint(), resolvedIndex)
        .asTuple()
        .flatMap(
            t -> {
              long headSize = t.getItem1();
              StoredCheckpoint latest = t.getItem2();
              long size = treeSize(treeSize, latest, headSize, tlogProof);
              long at = t.getItem3();
              if (at >= size) {
                throw LogApiException.badParameter(
                    index != null ? "index" : "leafHash",
                    "entry " + at + " is not in the tree of size " + size);
              }
              Uni<StoredCheckpoint> checkpoint =
                  latest != null && latest.size() == size
                      ? Uni.createFrom().item(latest)
                      : store.checkpoint(size);
              return Uni.combine()
                  .all()
                  .unis(proofs.inclusion(at, size), checkpoint)
                  .asTuple()
                  .map(p -> answer(p.getItem1(), p.getItem2(), tlogProof));
            });
  }

  @GET
  @Path("consistency")
  @Produces(MediaType.APPLICATION_JSON)
  public Uni<ConsistencyProofView> consistency(
      @QueryParam("from") String fromText, @QueryParam("to") String toText) {
    long from = QueryParameters.requiredNumber("from", fromText, 1);
    long to = QueryParameters.requiredNumber("to", toText, 1);
    if (to < from) {
      throw LogApiException.badParameter("to", "to " + to + " is smaller than from " + from);
    }
    return store
        .head()
        .flatMap(
            head -> {
              if (to > head.size()) {
                throw LogApiException.badParameter(
                    "to", "to " + to + " is beyond the log's " + head.size() + " entries");
              }
              return Uni.combine()
                  .all()
                  .unis(proofs.consistency(from, to), store.checkpoint(from), store.checkpoint(to))
                  .asTuple()
                  .map(
                      t ->
                          new ConsistencyProofView(
                              from,
                              to,
                              base64(t.getItem1().fromRoot()),
                              base64(t.getItem1().toRoot()),
                              base64(t.getItem1().proof()),
                              t.getItem2() == null ? null : t.getItem2().note(),
                              t.getItem3() == null ? null : t.getItem3().note()));
            });
  }

  private static long treeSize(
      Long requested, StoredCheckpoint latest, long headSize, boolean tlogProof) {
    if (tlogProof) {
      if (latest == null) {
        throw LogApiException.notFound(
            "the log has not signed a checkpoint yet, so no tlog-proof can be made", null);
      }
      if (requested != null && requested != latest.size()) {
        throw LogApiException.badParameter(
            "size",
            "a tlog-proof is against the latest checkpoint, of size "
                + latest.size()
                + "; leave size out or ask for JSON");
      }
      return latest.size();
    }
    if (requested == null) {
      if (latest != null) {
        return latest.size();
      }
      if (headSize == 0) {
        throw LogApiException.notFound("the log is empty", null);
      }
      return headSize;
    }
    if (requested > headSize) {
      throw LogApiException.badParameter(
          "size", "size " + requested + " is beyond the log's " + headSize + " entries");
    }
    return requested;
  }

  private static Response answer(
      LogProofs.Inclusion proof, StoredCheckpoint checkpoint, boolean tlogProof) {
    if (tlogProof) {
      TlogProof text =
          new TlogProof(
              proof.index(),
              proof.proof(),
              Optional.empty(),
              checkpoint.note().getBytes(StandardCharsets.UTF_8));
      return Response.ok(text.toBytes()).type(TLOG_PROOF).build();
    }
    return Response.ok(
            new InclusionProofView(
                proof.index(),
                proof.treeSize(),
                base64(proof.leafHash()),
                base64(proof.root()),
                base64(proof.proof()),
                checkpoint == null ? null : checkpoint.note()))
        .type(MediaType.APPLICATION_JSON)
        .build();
  }

  private static boolean wantsTlogProof(String format, String accept) {
    if (format != null) {
      return switch (format) {
        case "tlog-proof" -> true;
        case "json" -> false;
        default ->
            throw LogApiException.badParameter(
                "format", "format must be json or tlog-proof, got " + format);
      };
    }
    return accept != null && accept.toLowerCase(java.util.Locale.ROOT).contains(TLOG_PROOF);
  }

  private static String base64(byte[] hash) {
    return Base64.getEncoder().encodeToString(hash);
  }

  private static List<String> base64(List<byte[]> hashes) {
    return hashes.stream().map(LogProofsResource::base64).toList();
  }
}
