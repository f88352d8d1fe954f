package org.markproof.edge.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
import org.markproof.edge.store.EdgeStoreException;

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
  private final int fetchesAhead;

  /** A source fetching one resource at a time. */
  public ServiceSource(LogFetcher fetcher, String description) {
    this(fetcher, description, 0);
  }

  /**
   * A source that fetches and decodes up to {@code fetchesAhead} entry bundles ahead of the one
   * being delivered, concurrently ({@code fetcher} must allow that): the service's latency and the
   * decoding overlap with the caller's work. Entries are still delivered in index order.
   */
  public ServiceSource(LogFetcher fetcher, String description, int fetchesAhead) {
    if (fetchesAhead < 0) {
      throw new IllegalArgumentException("fetchesAhead " + fetchesAhead + " is negative");
    }
    this.fetcher = fetcher;
    this.description = description;
    this.fetchesAhead = fetchesAhead;
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
    List<EntryBundleId> ids = new ArrayList<>();
    for (long first = from; first < to; first += TileResource.FULL_WIDTH) {
      int width = (int) Math.min(TileResource.FULL_WIDTH, to - first);
      ids.add(new EntryBundleId(first / TileResource.FULL_WIDTH, width));
    }
    if (fetchesAhead == 0) {
      for (EntryBundleId id : ids) {
        deliver(id, bundle(id), sink);
      }
      return;
    }
    ExecutorService pool =
        Executors.newFixedThreadPool(
            fetchesAhead,
            task -> {
              Thread t = new Thread(task, "entry-bundle-fetch");
              t.setDaemon(true);
              return t;
            });
    try {
      ArrayDeque<Future<EntryBundle>> ahead = new ArrayDeque<>();
      int submitted = 0;
      for (EntryBundleId id : ids) {
        while (submitted < ids.size() && ahead.size() <= fetchesAhead) {
          EntryBundleId next = ids.get(submitted++);
          ahead.add(pool.submit(() -> bundle(next)));
        }
        deliver(id, await(ahead.poll()), sink);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private EntryBundle bundle(EntryBundleId id) throws IOException, MalformedDataException {
    return EntryBundle.decode(id, fetcher.fetch(id.path(), EntryBundle.MAX_ENCODED_LENGTH));
  }

  private static void deliver(EntryBundleId id, EntryBundle bundle, EntrySink sink)
      throws EdgeStoreException, VerificationException {
    long index = id.firstEntry();
    for (byte[] leaf : bundle.entries()) {
      sink.accept(index++, leaf);
    }
  }

  private static EntryBundle await(Future<EntryBundle> fetch)
      throws IOException, MalformedDataException {
    try {
      return fetch.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while fetching entry bundles", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) {
        throw io;
      }
      if (cause instanceof MalformedDataException m) {
        throw m;
      }
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      throw new IOException("fetching entry bundles: " + cause, cause);
    }
  }
}
