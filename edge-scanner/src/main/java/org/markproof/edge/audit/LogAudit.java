package org.markproof.edge.audit;

import java.io.IOException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import org.markproof.contracts.MalformedDataException;
import org.markproof.contracts.VerificationException;
import org.markproof.contracts.checkpoint.Checkpoint;
import org.markproof.contracts.checkpoint.CheckpointVerifier;
import org.markproof.contracts.entry.LogEntry;
import org.markproof.contracts.merkle.CompactRange;
import org.markproof.contracts.note.SignedNote;
import org.markproof.contracts.tiles.EntryBundle;
import org.markproof.contracts.tiles.EntryBundleId;
import org.markproof.contracts.tiles.TileHashes;
import org.markproof.contracts.tiles.TileId;
import org.markproof.contracts.tiles.TileLayout;
import org.markproof.contracts.tiles.TileResource;

/**
 * Audits a markproof log from its public resources alone: the latest checkpoint must carry the
 * log's signature; every entry bundle up to its size must hold canonical markproof leaves ({@link
 * LogEntry}) whose RFC 9162 §2.1.1 leaf hashes equal the level-0 tile; every higher tile must equal
 * the hashes recomputed from those leaves; and the root of all the leaves must be the checkpoint's
 * root (RFC 9162 §2.1.1 MTH). Resources are read in log order, one bundle at a time, so memory
 * stays at one bundle plus the higher tiles' hashes (1/256 of the leaf hashes).
 *
 * <p>Stops at the first disagreement with an {@link AuditFailedException} naming the entry, tile or
 * root that is wrong. Resources the log fails to serve are {@link IOException}s.
 */
public final class LogAudit {
  private final LogFetcher fetcher;
  private final CheckpointVerifier verifier;

  /** What an audit that passed looked at. */
  public record Result(Checkpoint checkpoint, long bundles, long tiles) {}

  public LogAudit(LogFetcher fetcher, CheckpointVerifier verifier) {
    this.fetcher = fetcher;
    this.verifier = verifier;
  }

  /**
   * Runs the audit.
   *
   * @throws IOException if a resource cannot be fetched
   * @throws MalformedDataException if the checkpoint is not a signed note of a checkpoint
   * @throws VerificationException if the checkpoint's signature fails ({@link CheckpointVerifier}),
   *     or the entries, tiles and root disagree ({@link AuditFailedException})
   */
  public Result run() throws IOException, MalformedDataException, VerificationException {
    byte[] note = fetcher.fetch("checkpoint", SignedNote.MAX_NOTE_BYTES);
    Checkpoint checkpoint = verifier.open(note).checkpoint();
    long size = checkpoint.size();
    TileNodes recomputed = new TileNodes();
    CompactRange range = CompactRange.empty();
    long bundles = 0;
    for (long first = 0; first < size; first += TileResource.FULL_WIDTH) {
      int width = (int) Math.min(TileResource.FULL_WIDTH, size - first);
      EntryBundleId id = new EntryBundleId(first / TileResource.FULL_WIDTH, width);
      List<byte[]> leafHashes = leafHashes(id);
      requireSameAsTile(id.leafTile(), leafHashes);
      range = range.appendAll(leafHashes, recomputed);
      bundles++;
    }
    long tiles = bundles + checkHigherTiles(size, recomputed);
    byte[] root = range.root();
    if (!MessageDigest.isEqual(root, checkpoint.rootHash())) {
      throw new AuditFailedException(
          "the "
              + size
              + " entries hash to root "
              + base64(root)
              + ", the checkpoint signs "
              + base64(checkpoint.rootHash())
              + " (entries and tiles agree with each other, not with the checkpoint)");
    }
    return new Result(checkpoint, bundles, tiles);
  }

  /** Fetches bundle {@code id}, checks each entry is a canonical leaf, returns the leaf hashes. */
  private List<byte[]> leafHashes(EntryBundleId id) throws IOException, AuditFailedException {
    EntryBundle bundle;
    try {
      bundle = EntryBundle.decode(id, fetcher.fetch(id.path(), EntryBundle.MAX_ENCODED_LENGTH));
    } catch (MalformedDataException e) {
      throw new AuditFailedException(id.firstEntry(), "entry bundle " + e.getMessage());
    }
    List<byte[]> entries = bundle.entries();
    for (int i = 0; i < entries.size(); i++) {
      try {
        LogEntry.parse(entries.get(i));
      } catch (MalformedDataException e) {
        long index = id.firstEntry() + i;
        throw new AuditFailedException(
            index,
            "entry "
                + index
                + " (in "
                + id.path()
                + ") is not a canonical markproof log entry: "
                + e.getMessage());
      }
    }
    return bundle.leafHashes();
  }

  private void requireSameAsTile(TileId tile, List<byte[]> leafHashes)
      throws IOException, AuditFailedException {
    List<byte[]> served = tileHashes(tile);
    for (int slot = 0; slot < leafHashes.size(); slot++) {
      if (!MessageDigest.isEqual(served.get(slot), leafHashes.get(slot))) {
        long index = tile.firstEntry() + slot;
        throw new AuditFailedException(
            index,
            "entry "
                + index
                + " hashes to leaf hash "
                + base64(leafHashes.get(slot))
                + ", "
                + tile.path()
                + " holds "
                + base64(served.get(slot)));
      }
    }
  }

  /** Compares every tile above level 0 with the recomputed hashes; returns how many it read. */
  private long checkHigherTiles(long size, TileNodes recomputed)
      throws IOException, AuditFailedException {
    long count = 0;
    for (int level = 1; level <= TileId.MAX_LEVEL; level++) {
      long full = TileLayout.fullTileCount(level, size);
      for (long n = 0; n <= full; n++) {
        TileId tile;
        if (n < full) {
          tile = TileId.full(level, n);
        } else if (TileLayout.partialTile(level, size).isPresent()) {
          tile = TileLayout.partialTile(level, size).get();
        } else {
          break;
        }
        List<byte[]> served = tileHashes(tile);
        for (int slot = 0; slot < tile.width(); slot++) {
          byte[] expected = recomputed.hash(tile, slot);
          if (!MessageDigest.isEqual(served.get(slot), expected)) {
            long first = tile.nodeIds().get(slot).firstLeaf();
            long end = tile.nodeIds().get(slot).endLeaf();
            throw new AuditFailedException(
                first,
                tile.path()
                    + " hash "
                    + slot
                    + " (entries "
                    + first
                    + " to "
                    + (end - 1)
                    + ") is "
                    + base64(served.get(slot))
                    + ", the entries hash to "
                    + base64(expected));
          }
        }
        count++;
      }
    }
    return count;
  }

  private List<byte[]> tileHashes(TileId tile) throws IOException, AuditFailedException {
    byte[] data = fetcher.fetch(tile.path(), TileHashes.FULL_TILE_LENGTH);
    try {
      return TileHashes.decode(tile, data);
    } catch (MalformedDataException e) {
      throw new AuditFailedException(tile.firstEntry(), e.getMessage());
    }
  }

  private static String base64(byte[] hash) {
    return Base64.getEncoder().encodeToString(hash);
  }
}
