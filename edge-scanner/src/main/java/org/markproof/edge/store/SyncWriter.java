package org.markproof.edge.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.markproof.contracts.merkle.NodeId;

/**
 * The one transaction of a sync: new entries, new subtree hashes, then the adopted checkpoint.
 * Nothing is visible to a later open before {@link #commit()}; {@link #close()} without it rolls
 * back, and so does a killed process (SQLite discards an uncommitted WAL transaction).
 */
public final class SyncWriter implements AutoCloseable {
  private final Connection db;
  private final Path file;

  /** Rows sent to SQLite per statement batch. */
  private static final int BATCH = 4096;

  private final PreparedStatement entries;
  private final PreparedStatement nodes;
  private int pendingEntries;
  private int pendingNodes;
  private boolean done;

  SyncWriter(Connection db, Path file) throws SQLException {
    this.db = db;
    this.file = file;
    this.entries = db.prepareStatement("INSERT INTO entry (idx, leaf) VALUES (?, ?)");
    this.nodes = db.prepareStatement("INSERT INTO node (level, idx, hash) VALUES (?, ?, ?)");
  }

  /** Stores the exact leaf bytes of entry {@code index} (sent to SQLite in batches). */
  public void putEntry(long index, byte[] leaf) throws EdgeStoreException {
    try {
      entries.setLong(1, index);
      entries.setBytes(2, leaf);
      entries.addBatch();
      if (++pendingEntries == BATCH) {
        flushEntries();
      }
    } catch (SQLException e) {
      throw failure("store entry " + index, e);
    }
  }

  /**
   * Stores the hash of a complete subtree; each is stored once, when it completes (sent to SQLite
   * in batches).
   */
  public void putNode(NodeId id, byte[] hash) throws EdgeStoreException {
    try {
      nodes.setInt(1, id.level());
      nodes.setLong(2, id.index());
      nodes.setBytes(3, hash);
      nodes.addBatch();
      if (++pendingNodes == BATCH) {
        flushNodes();
      }
    } catch (SQLException e) {
      throw failure("store " + id, e);
    }
  }

  private void flushEntries() throws SQLException {
    if (pendingEntries > 0) {
      entries.executeBatch();
      pendingEntries = 0;
    }
  }

  private void flushNodes() throws SQLException {
    if (pendingNodes > 0) {
      nodes.executeBatch();
      pendingNodes = 0;
    }
  }

  /**
   * Makes {@code note} the adopted checkpoint. The adoption time stays that of the first adoption
   * at the same size; the checkpoint time never moves back.
   */
  public void adopt(
      String note, long size, byte[] root, Instant now, Optional<Instant> checkpointTime)
      throws EdgeStoreException {
    try (PreparedStatement q =
        db.prepareStatement(
            "INSERT INTO checkpoint (id, note, size, root, adopted_at, checkpoint_time,"
                + " last_sync_at) VALUES (1, ?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT (id) DO UPDATE SET note = excluded.note, size = excluded.size,"
                + " root = excluded.root,"
                + " adopted_at = CASE WHEN size = excluded.size THEN adopted_at"
                + " ELSE excluded.adopted_at END,"
                + " checkpoint_time = max(coalesce(checkpoint_time, excluded.checkpoint_time),"
                + " coalesce(excluded.checkpoint_time, checkpoint_time)),"
                + " last_sync_at = excluded.last_sync_at")) {
      q.setString(1, note);
      q.setLong(2, size);
      q.setBytes(3, root);
      q.setLong(4, now.toEpochMilli());
      if (checkpointTime.isPresent()) {
        q.setLong(5, checkpointTime.get().getEpochSecond());
      } else {
        q.setNull(5, java.sql.Types.INTEGER);
      }
      q.setLong(6, now.toEpochMilli());
      q.executeUpdate();
    } catch (SQLException e) {
      throw failure("adopt the checkpoint", e);
    }
  }

  /**
   * Makes {@code filter} the store's territory filter (docs/edge.md "Territory filter"), with the
   * first entries it filters: a sync that fails leaves the store without it.
   */
  public void keepTerritories(TerritoryFilter filter) throws EdgeStoreException {
    new SettingTable(db, file).put(SettingTable.SYNC_TERRITORIES, filter.text());
  }

  /** Commits everything written, durably ({@code synchronous=FULL}). */
  public void commit() throws EdgeStoreException {
    try {
      flushEntries();
      flushNodes();
      db.commit();
      done = true;
    } catch (SQLException e) {
      throw failure("commit the sync", e);
    }
  }

  /** Rolls back unless committed. */
  @Override
  public void close() throws EdgeStoreException {
    try {
      entries.close();
      nodes.close();
      if (!done) {
        db.rollback();
      }
      db.setAutoCommit(true);
    } catch (SQLException e) {
      throw failure("end the sync", e);
    }
  }

  private EdgeStoreException failure(String what, SQLException e) {
    return new EdgeStoreException(file + ": cannot " + what + ": " + e.getMessage(), e);
  }
}
