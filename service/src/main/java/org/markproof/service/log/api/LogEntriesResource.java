package org.markproof.service.log.api;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.markproof.contracts.MalformedDataException;
import org.markproof.contracts.entry.LogEntry;
import org.markproof.service.log.store.LogStore;
import org.markproof.service.log.store.StoredEntry;

/**
 * The log's entries as JSON, in bounded pages: {@code GET /v1/log/entries?start=&end=} (end
 * exclusive, at most {@link #MAX_PAGE} entries, cut at the tree's size) and {@code GET
 * /v1/log/entries/{index}}. Public, no token. The same leaves, in bulk and cacheable, are the entry
 * bundles of {@code /tile/entries/}.
 */
@Path("/v1/log/entries")
@Produces(MediaType.APPLICATION_JSON)
public class LogEntriesResource {
  /** The most entries one page holds: one entry bundle's worth. */
  public static final int MAX_PAGE = 256;

  private final LogStore store;

  LogEntriesResource(LogStore store) {
    this.store = store;
  }

  @GET
  public Uni<EntryPage> page(
      @QueryParam("start") String startText, @QueryParam("end") String endText) {
    long start = QueryParameters.requiredNumber("start", startText, 0);
    Long end = QueryParameters.optionalNumber("end", endText, 0);
    if (end != null && end <= start) {
      throw LogApiException.badParameter(
          "end", "end " + end + " must be greater than start " + start);
    }
    if (end != null && end - start > MAX_PAGE) {
      throw LogApiException.badParameter(
          "end",
          "a page holds at most "
              + MAX_PAGE
              + " entries; end must be at most "
              + (start + MAX_PAGE));
    }
    long requestedEnd = end == null ? start + MAX_PAGE : end;
    return store
        .head()
        .flatMap(
            head -> {
              if (start >= head.size()) {
                throw LogApiException.badParameter(
                    "start", "start " + start + " is beyond the log's " + head.size() + " entries");
              }
              long pageEnd = Math.min(requestedEnd, head.size());
              return store
                  .entries(start, pageEnd)
                  .map(entries -> new EntryPage(head.size(), start, pageEnd, views(entries)));
            });
  }

  @GET
  @Path("{index}")
  public Uni<EntryView> one(@PathParam("index") String indexText) {
    long index = QueryParameters.requiredNumber("index", indexText, 0);
    return store
        .head()
        .flatMap(
            head -> {
              if (index >= head.size()) {
                throw LogApiException.notFound(
                    "no entry " + index + "; the log has " + head.size() + " entries", null);
              }
              return store.entries(index, index + 1).map(entries -> views(entries).get(0));
            });
  }

  static List<EntryView> views(List<StoredEntry> entries) {
    List<EntryView> views = new ArrayList<>(entries.size());
    Base64.Encoder base64 = Base64.getEncoder();
    for (StoredEntry stored : entries) {
      LogEntry entry;
      try {
        entry = LogEntry.parse(stored.leaf());
      } catch (MalformedDataException e) {
        throw new IllegalStateException("stored leaf " + stored.index() + ": " + e.getMessage(), e);
      }
      views.add(
          new EntryView(
              stored.index(),
              base64.encodeToString(stored.leafHash()),
              entry.sequencedAt().toString(),
              new String(entry.entry().encoded(), StandardCharsets.UTF_8),
              base64.encodeToString(stored.leaf())));
    }
    return views;
  }
}
