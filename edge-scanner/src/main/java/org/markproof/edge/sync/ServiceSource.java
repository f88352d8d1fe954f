package org.markproof.edge.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import org.markproof.contracts.MalformedDataException;
import org.markproof.contracts.VerificationException;
import org.markproof.contracts.note.SignedNote;
import org.markproof.contracts.tiles.EntryBundle;
import org.markproof.contracts.tiles.EntryBundleId;
import org.markproof.contracts.tiles.TileResource;
import org.markproof.edge.audit.LogFetcher;

/**
 * A markproof service as a {@link SyncSource} (docs/edge.md "Sync from a service"): {@code GET
 * /checkpoint}, {@code GET /v1/log/proof/consistency?from=&to=} and the c2sp.org/tlog-tiles entry
 * bundles {@code GET /tile/entries/<N>[.p/<W>]}, all through a {@link LogFetcher}.
 */
public final class ServiceSource implements SyncSource {
  /** Bound for the consistency proof JSON: 64 base64 hashes and two notes fit many times. */
  private static final int MAX_PROOF_BYTES = 256 * 1024;

  private static final ObjectMapper JSON = new ObjectMapper();

  private final LogFetcher fetcher;
  private final String description;

  public ServiceSource(LogFetcher fetcher, String description) {
    this.fetcher = fetcher;
    this.description = description;
  }

  @Override
  public String describe() {
    return description;
  }

  @Override
  public byte[] checkpoint() throws IOException {
    return fetcher.fetch("checkpoint", SignedNote.MAX_NOTE_BYTES);
  }

  @Override
  public long proofStart(long adoptedSize) {
    return adoptedSize;
  }

  @Override
  public List<byte[]> consistencyProof(long from, long to)
      throws IOException, MalformedDataException {
    String path = "v1/log/proof/consistency?from=" + from + "&to=" + to;
    JsonNode answer;
    try {
      answer = JSON.readTree(fetcher.fetch(path, MAX_PROOF_BYTES));
    } catch (com.fasterxml.jackson.core.JacksonException e) {
      throw new MalformedDataException(path + ": not JSON: " + e.getOriginalMessage());
    }
    if (answer == null
        || !answer.path("from").isIntegralNumber()
        || answer.path("from").asLong() != from
        || answer.path("to").asLong() != to) {
      throw new MalformedDataException(
          path + ": the answer is not the proof from " + from + " to " + to);
    }
    return BundleHeader.hashes(answer.get("proof"), path + " proof");
  }

  @Override
  public long entriesStart(long adoptedSize) {
    return adoptedSize - adoptedSize % TileResource.FULL_WIDTH;
  }

  @Override
  public void entries(long from, long to, EntrySink sink)
      throws IOException, MalformedDataException, VerificationException {
    if (from % TileResource.FULL_WIDTH != 0) {
      throw new IllegalArgumentException("entry bundles start at multiples of 256, not " + from);
    }
    for (long first = from; first < to; first += TileResource.FULL_WIDTH) {
      int width = (int) Math.min(TileResource.FULL_WIDTH, to - first);
      EntryBundleId id = new EntryBundleId(first / TileResource.FULL_WIDTH, width);
      EntryBundle bundle =
          EntryBundle.decode(id, fetcher.fetch(id.path(), EntryBundle.MAX_ENCODED_LENGTH));
      long index = first;
      for (byte[] leaf : bundle.entries()) {
        sink.accept(index++, leaf);
      }
    }
  }
}
