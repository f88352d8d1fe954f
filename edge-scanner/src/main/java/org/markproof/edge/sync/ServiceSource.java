package org.markproof.edge.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.markproof.contracts.MalformedDataException;
import org.markproof.contracts.VerificationException;
import org.markproof.contracts.edge.EdgeBundle;
import org.markproof.contracts.merkle.MerkleHashes;
import org.markproof.contracts.note.CanonicalBase64;
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
    return hashes(answer.get("proof"), path + " proof");
  }

  /** Reads a JSON array of at most 128 canonical base64 SHA-256 hashes, as the service writes. */
  private static List<byte[]> hashes(JsonNode array, String what) throws MalformedDataException {
    if (array == null || !array.isArray()) {
      throw new MalformedDataException(what + ": expected an array of base64 hashes");
    }
    if (array.size() > EdgeBundle.MAX_PROOF_HASHES) {
      throw new MalformedDataException(
          what + ": " + array.size() + " hashes, at most " + EdgeBundle.MAX_PROOF_HASHES);
    }
    List<byte[]> hashes = new ArrayList<>(array.size());
    for (JsonNode item : array) {
      String where = what + " hash " + hashes.size();
      if (!item.isTextual()) {
        throw new MalformedDataException(where + ": expected a base64 string");
      }
      byte[] hash = CanonicalBase64.decode(item.textValue(), where);
      if (hash.length != MerkleHashes.HASH_LENGTH) {
        throw new MalformedDataException(
            where + ": got " + hash.length + " bytes, expected " + MerkleHashes.HASH_LENGTH);
      }
      hashes.add(hash);
    }
    return hashes;
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
