package org.markproof.edge.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.markproof.contracts.MalformedDataException;
import org.markproof.contracts.merkle.NodeHashSource;
import org.markproof.contracts.merkle.NodeId;
import org.markproof.contracts.merkle.ProofPlan;

/**
 * The {@code node} table as a {@link NodeHashSource}: looks subtree hashes up by id and nothing
 * else; which nodes a proof needs is {@link ProofPlan}'s business.
 */
final class StoredNodes implements NodeHashSource {
  private final Connection db;

  StoredNodes(Connection db) {
    this.db = db;
  }

  /** A node a proof needs is not stored, or SQLite failed while reading it. */
  static final class Missing extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Missing(String message, Throwable cause) {
      super(message, cause);
    }
  }

  @Override
  public byte[] hash(NodeId id) {
    try (PreparedStatement q =
        db.prepareStatement("SELECT hash FROM node WHERE level = ? AND idx = ?")) {
      q.setInt(1, id.level());
      q.setLong(2, id.index());
      try (ResultSet r = q.executeQuery()) {
        if (!r.next()) {
          throw new Missing(id + " is not stored", null);
        }
        return r.getBytes(1);
      }
    } catch (SQLException e) {
      throw new Missing("cannot read " + id + ": " + e.getMessage(), e);
    }
  }

  /** Assembles {@code plan} from the stored hashes. */
  List<byte[]> assemble(ProofPlan plan) throws EdgeStoreException {
    try {
      return plan.assemble(this);
    } catch (Missing | IllegalArgumentException e) {
      throw new EdgeStoreException("stored tree hashes: " + e.getMessage(), e);
    }
  }

  /** Something computed from stored hashes. */
  interface Lookup<T> {
    T get() throws MalformedDataException;
  }

  /** Runs {@code lookup}, turning a missing node into an {@link EdgeStoreException}. */
  <T> T call(Lookup<T> lookup) throws EdgeStoreException, MalformedDataException {
    try {
      return lookup.get();
    } catch (Missing e) {
      throw new EdgeStoreException("stored tree hashes: " + e.getMessage(), e);
    }
  }
}
