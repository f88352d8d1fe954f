package org.markproof.edge.sync;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Optional;
import org.markproof.contracts.MalformedDataException;
import org.markproof.contracts.edge.EdgeBundle;
import org.markproof.contracts.edge.EdgeBundleWriter;
import org.markproof.contracts.rules.RuleViolationException;
import org.markproof.edge.store.AdoptedCheckpoint;
import org.markproof.edge.store.EdgeStore;
import org.markproof.edge.store.EdgeStoreException;
import org.markproof.edge.store.TerritoryFilter;

/**
 * Exports an edge bundle (docs/edge.md "The bundle") from a synced store with contracts' {@link
 * EdgeBundleWriter}, the same file {@code GET /v1/edge/bundle?since=SIZE} serves: the adopted
 * checkpoint, the consistency proof from {@code since} computed from the stored hashes, and the
 * entries {@code since … size−1}. A store kept for some territories cannot export the entries it
 * did not keep, and refuses.
 */
public final class BundleExport {
  private BundleExport() {}

  /**
   * Writes the bundle of entries from {@code since} to the adopted size into {@code out}.
   *
   * @return the header written
   * @throws MalformedDataException if the store has adopted nothing, or {@code since} is negative
   *     or beyond the adopted size
   * @throws IOException if writing fails or the store cannot be read
   */
  public static EdgeBundle write(EdgeStore store, long since, OutputStream out)
      throws IOException, MalformedDataException {
    AdoptedCheckpoint adopted =
        store
            .checkpoint()
            .orElseThrow(
                () ->
                    new MalformedDataException(
                        store.file() + ": nothing adopted yet, sync the store first"));
    long size = adopted.size();
    if (since < 0 || since > size) {
      throw new MalformedDataException(
          "--since " + since + " is beyond the store's " + size + " entries");
    }
    requireEveryEntry(store, since, size);
    EdgeBundle header =
        new EdgeBundle(since, size, adopted.note(), store.consistencyProof(since, size));
    EdgeBundleWriter writer = new EdgeBundleWriter(out, header);
    try {
      store.forEachEntry(
          since,
          size,
          (index, leaf) -> {
            try {
              writer.entry(leaf);
            } catch (IOException e) {
              throw new EdgeStoreException(
                  "cannot write entry " + index + ": " + e.getMessage(), e);
            }
          });
    } catch (RuleViolationException e) {
      throw new AssertionError("export does not replay entries", e);
    }
    writer.finish();
    return header;
  }

  /**
   * Refuses, before anything is written, a store that lacks some of the entries {@code [since,
   * size)}: a store kept for some territories, unless it kept every one of them. The receiving post
   * hashes every entry, so a bundle cannot leave any out.
   */
  private static void requireEveryEntry(EdgeStore store, long since, long size)
      throws IOException, MalformedDataException {
    long stored = store.entryCount(since, size);
    if (stored == size - since) {
      return;
    }
    Optional<TerritoryFilter> filter = store.territoryFilter();
    throw new MalformedDataException(
        store.file()
            + (filter.isPresent()
                ? " keeps only the entries for " + filter.get().text()
                : " lacks entries")
            + ": it holds "
            + stored
            + " of the "
            + (size - since)
            + " entries from "
            + since
            + ", and a bundle needs every one; export from a store synced without --territory,"
            + " or fetch GET /v1/edge/bundle?since="
            + since
            + " from the service");
  }
}
