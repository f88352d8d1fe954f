package org.markproof.edge.sync;

import java.io.IOException;
import java.io.OutputStream;
import org.markproof.contracts.MalformedDataException;
import org.markproof.contracts.rules.RuleViolationException;
import org.markproof.edge.store.AdoptedCheckpoint;
import org.markproof.edge.store.EdgeStore;
import org.markproof.edge.store.EdgeStoreException;

/**
 * Writes an edge bundle (docs/edge.md "The bundle") from a synced store, the same file {@code GET
 * /v1/edge/bundle?since=SIZE} serves: the adopted checkpoint, the consistency proof from {@code
 * since} computed from the stored hashes, and the entries {@code since … size−1}.
 */
public final class BundleWriter {
  private BundleWriter() {}

  /**
   * Writes the bundle of entries from {@code since} to the adopted size into {@code out}.
   *
   * @return the header written
   * @throws MalformedDataException if the store has adopted nothing, or {@code since} is negative
   *     or beyond the adopted size
   * @throws IOException if writing fails or the store cannot be read
   */
  public static BundleHeader write(EdgeStore store, long since, OutputStream out)
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
    BundleHeader header =
        new BundleHeader(since, size, adopted.note(), store.consistencyProof(since, size));
    out.write(header.format());
    out.write('\n');
    try {
      store.forEachEntry(
          since,
          size,
          (index, leaf) -> {
            try {
              out.write(leaf.length >>> 8);
              out.write(leaf.length & 0xFF);
              out.write(leaf);
            } catch (IOException e) {
              throw new EdgeStoreException(
                  "cannot write entry " + index + ": " + e.getMessage(), e);
            }
          });
    } catch (RuleViolationException e) {
      throw new AssertionError("export does not replay entries", e);
    }
    out.flush();
    return header;
  }
}
