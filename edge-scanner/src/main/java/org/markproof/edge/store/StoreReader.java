package org.markproof.edge.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.markproof.contracts.merkle.NodeHashSource;
import org.markproof.contracts.merkle.NodeId;
import org.sqlite.SQLiteConfig;

/**
 * A read-only connection to an edge store, with its statements prepared once: what a verdict reads
 * per scan (the adopted checkpoint, entries, subtree hashes, the post's sightings of an item).
 * Several readers read while {@link EdgeStore}'s connection writes (WAL); entries and subtree
 * hashes are only ever added, so what a reader sees below the adopted size never changes. Not
 * thread-safe: one reader per thread.
 */
public final class StoreReader implements NodeHashSource, AutoCloseable {
  private final Path file;
  private final Connection db;
  private final PreparedStatement checkpoint;
  private final PreparedStatement entry;
  private final PreparedStatement node;
  private final PreparedStatement sightings;
  private final PreparedStatement setting;

  private StoreReader(Path file, Connection db) throws SQLException {
    this.file = file;
    this.db = db;
    this.checkpoint = db.prepareStatement(EdgeStore.CHECKPOINT_QUERY);
    this.entry = db.prepareStatement("SELECT leaf FROM entry WHERE idx = ?");
    this.node = db.prepareStatement("SELECT hash FROM node WHERE level = ? AND idx = ?");
    this.sightings = db.prepareStatement(SightingTable.BETWEEN_QUERY);
    this.setting = db.prepareStatement("SELECT value FROM setting WHERE name = ?");
  }

  /** Opens a reader of the store in {@code file}, which {@link EdgeStore#open} made. */
  static StoreReader open(Path file) throws EdgeStoreException {
    SQLiteConfig config = new SQLiteConfig();
    config.setReadOnly(true);
    config.setBusyTimeout(10_000);
    Connection db = null;
    try {
      db = DriverManager.getConnection("jdbc:sqlite:" + file, config.toProperties());
      return new StoreReader(file, db);
    } catch (SQLException e) {
      if (db != null) {
        try {
          db.close();
        } catch (SQLException ignored) {
          // Already failing; the first error is the one to report.
        }
      }
      throw new EdgeStoreException(file + ": cannot open a store reader: " + e.getMessage(), e);
    }
  }

  /** The adopted checkpoint; empty before the first sync. */
  public Optional<AdoptedCheckpoint> checkpoint() throws EdgeStoreException {
    try (ResultSet r = checkpoint.executeQuery()) {
      return EdgeStore.readCheckpoint(r);
    } catch (SQLException e) {
      throw failure("read the adopted checkpoint", e);
    }
  }

  /** The exact leaf bytes of stored entry {@code index}; the caller keeps below the size. */
  public byte[] entry(long index) throws EdgeStoreException {
    try {
      entry.setLong(1, index);
      try (ResultSet r = entry.executeQuery()) {
        if (!r.next()) {
          throw new EdgeStoreException(file + ": entry " + index + " is not stored");
        }
        return r.getBytes(1);
      }
    } catch (SQLException e) {
      throw failure("read entry " + index, e);
    }
  }

  /** The stored hash of subtree {@code id}; a missing one is {@link StoredNodes.Missing}. */
  @Override
  public byte[] hash(NodeId id) {
    try {
      node.setInt(1, id.level());
      node.setLong(2, id.index());
      try (ResultSet r = node.executeQuery()) {
        if (!r.next()) {
          throw new StoredNodes.Missing(id + " is not stored", null);
        }
        return r.getBytes(1);
      }
    } catch (SQLException e) {
      throw new StoredNodes.Missing("cannot read " + id + ": " + e.getMessage(), e);
    }
  }

  /** The RFC 9162 §2.1.3.1 audit path of {@code index} in the first {@code treeSize} entries. */
  public List<byte[]> inclusionProof(long index, long treeSize) throws EdgeStoreException {
    return inclusionProof(index, treeSize, this);
  }

  /**
   * As {@link #inclusionProof(long, long)}, with the hashes of subtrees of 2^{@value
   * #KEPT_FROM_LEVEL} leaves or more taken from {@code kept}, and those read added to it. A
   * complete subtree's hash never changes once stored, and every proof in a tree of 10^6 entries
   * needs 12 of its 20 hashes from those levels, which hold ~8,000 nodes in all.
   */
  public List<byte[]> inclusionProof(
      long index, long treeSize, java.util.concurrent.ConcurrentMap<NodeId, byte[]> kept)
      throws EdgeStoreException {
    return inclusionProof(
        index,
        treeSize,
        id -> {
          if (id.level() < KEPT_FROM_LEVEL) {
            return hash(id);
          }
          byte[] known = kept.get(id);
          if (known == null) {
            known = hash(id);
            kept.putIfAbsent(id, known);
          }
          return known;
        });
  }

  private List<byte[]> inclusionProof(long index, long treeSize, NodeHashSource hashes)
      throws EdgeStoreException {
    try {
      return org.markproof.contracts.merkle.ProofPlanner.inclusion(index, treeSize)
          .assemble(hashes);
    } catch (StoredNodes.Missing | IllegalArgumentException e) {
      throw new EdgeStoreException(file + ": stored tree hashes: " + e.getMessage(), e);
    }
  }

  /**
   * The lowest level {@link #inclusionProof(long, long, java.util.concurrent.ConcurrentMap)} keeps.
   */
  public static final int KEPT_FROM_LEVEL = 8;

  /** As {@link SightingTable#between}, on this reader. */
  public List<Sighting> sightings(
      String gtin, String batch, String serial, Instant from, Instant to, int limit)
      throws EdgeStoreException {
    try {
      return SightingTable.readBetween(sightings, gtin, batch, serial, from, to, limit);
    } catch (SQLException e) {
      throw failure("read sightings", e);
    }
  }

  /** The clock's high-water mark as stored (see {@link EdgeStore#observeClock}); 0 if none. */
  public long clockHighWaterMillis() throws EdgeStoreException {
    try {
      setting.setString(1, SettingTable.CLOCK_HIGH_WATER);
      try (ResultSet r = setting.executeQuery()) {
        return r.next() ? Long.parseLong(r.getString(1)) : 0L;
      }
    } catch (SQLException e) {
      throw failure("read the clock's high-water mark", e);
    } catch (NumberFormatException e) {
      throw new EdgeStoreException(file + ": the clock's high-water mark is damaged", e);
    }
  }

  private EdgeStoreException failure(String what, SQLException e) {
    return new EdgeStoreException(file + ": cannot " + what + ": " + e.getMessage(), e);
  }

  @Override
  public void close() throws EdgeStoreException {
    try {
      db.close();
    } catch (SQLException e) {
      throw failure("close a reader", e);
    }
  }
}
