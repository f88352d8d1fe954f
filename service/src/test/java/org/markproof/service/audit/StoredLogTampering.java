package org.markproof.service.audit;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.markproof.contracts.merkle.MerkleHashes;
import org.markproof.contracts.note.Ed25519NoteSigner;
import org.markproof.contracts.note.SignedNote;

/**
 * Corrupts the stored log behind the database's back, as bit rot or an attacker with superuser
 * access to PostgreSQL would, so that the audit can be shown to catch it. The append-only triggers
 * of V1__log.sql are bypassed with {@code SET session_replication_role = replica} (superuser only)
 * and, for a leaf that no longer matches its hash, the CHECK constraint is dropped. Each method
 * returns an {@link Undo} that restores the exact previous state, constraint included.
 */
@ApplicationScoped
public class StoredLogTampering {
  private static final String LEAF_CHECK =
      "ALTER TABLE log_entry ADD CONSTRAINT log_entry_leaf_hash_matches"
          + " CHECK (leaf_hash = sha256('\\x00'::bytea || leaf))";

  private final AgroalDataSource dataSource;

  StoredLogTampering(AgroalDataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Puts the stored state back. */
  @FunctionalInterface
  public interface Undo extends AutoCloseable {
    @Override
    void close() throws SQLException;
  }

  /** A stored tree_node. */
  public record Node(int level, long index) {}

  /** Flips one bit of entry {@code index}'s leaf, leaving its stored leaf hash as it was. */
  public Undo flipLeafByte(long index) throws SQLException {
    byte[] original = bytes("SELECT leaf FROM log_entry WHERE index = ?", index);
    byte[] corrupted = original.clone();
    corrupted[corrupted.length / 2] ^= 0x01;
    run("ALTER TABLE log_entry DROP CONSTRAINT log_entry_leaf_hash_matches");
    updateAsReplica("UPDATE log_entry SET leaf = ? WHERE index = ?", corrupted, index);
    return () -> {
      updateAsReplica("UPDATE log_entry SET leaf = ? WHERE index = ?", original, index);
      run(LEAF_CHECK);
    };
  }

  /** Replaces entry {@code index} by {@code leaf}, with its matching leaf hash. */
  public Undo rewriteEntry(long index, byte[] leaf) throws SQLException {
    byte[] originalLeaf = bytes("SELECT leaf FROM log_entry WHERE index = ?", index);
    byte[] originalHash = bytes("SELECT leaf_hash FROM log_entry WHERE index = ?", index);
    String update = "UPDATE log_entry SET leaf = ?, leaf_hash = ? WHERE index = ?";
    updateAsReplica(update, leaf, MerkleHashes.leafHash(leaf), index);
    return () -> updateAsReplica(update, originalLeaf, originalHash, index);
  }

  /** Returns a stored interior node over entries from {@code firstIndex} on, or any stored one. */
  public Node someStoredNodeAbove(long firstIndex) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT level, index FROM tree_node"
                    + " ORDER BY (level > 0 AND index * (1::bigint << level) >= ?) DESC,"
                    + " level DESC, index DESC LIMIT 1")) {
      s.setLong(1, firstIndex);
      try (ResultSet rs = s.executeQuery()) {
        if (!rs.next()) {
          throw new IllegalStateException("tree_node holds no hash: nothing to corrupt");
        }
        return new Node(rs.getInt(1), rs.getLong(2));
      }
    }
  }

  /** Flips one bit of the stored hash of {@code node}. */
  public Undo flipNodeByte(Node node) throws SQLException {
    String select = "SELECT hash FROM tree_node WHERE level = " + node.level() + " AND index = ?";
    byte[] original = bytes(select, node.index());
    byte[] corrupted = original.clone();
    corrupted[0] ^= 0x01;
    String update =
        "UPDATE tree_node SET hash = ? WHERE level = " + node.level() + " AND index = ?";
    updateAsReplica(update, corrupted, node.index());
    return () -> updateAsReplica(update, original, node.index());
  }

  /**
   * Replaces the note of checkpoint {@code size} by the same text signed by another key of the same
   * name: well-formed, but not signed by the log.
   */
  public Undo breakCheckpointSignature(long size) throws Exception {
    String original = text("SELECT note FROM checkpoint WHERE size = ?", size);
    SignedNote note = SignedNote.parse(original.getBytes(StandardCharsets.UTF_8));
    String name = note.signatures().get(0).name();
    String forged =
        SignedNote.sign(note.text(), List.of(Ed25519NoteSigner.generate(name, new SecureRandom())))
            .format();
    String update = "UPDATE checkpoint SET note = ? WHERE size = ?";
    updateAsReplica(update, forged, size);
    return () -> updateAsReplica(update, original, size);
  }

  private byte[] bytes(String query, long key) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(query)) {
      s.setLong(1, key);
      try (ResultSet rs = s.executeQuery()) {
        if (!rs.next()) {
          throw new IllegalStateException("no row for " + key + ": " + query);
        }
        return rs.getBytes(1);
      }
    }
  }

  private String text(String query, long key) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(query)) {
      s.setLong(1, key);
      try (ResultSet rs = s.executeQuery()) {
        if (!rs.next()) {
          throw new IllegalStateException("no row for " + key + ": " + query);
        }
        return rs.getString(1);
      }
    }
  }

  private void run(String sql) throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  /** Runs one UPDATE with the append-only triggers off for this session only, and commits it. */
  private void updateAsReplica(String sql, Object... parameters) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      boolean autoCommit = c.getAutoCommit();
      c.setAutoCommit(false);
      try (Statement s = c.createStatement();
          PreparedStatement update = c.prepareStatement(sql)) {
        s.execute("SET LOCAL session_replication_role = replica");
        for (int i = 0; i < parameters.length; i++) {
          update.setObject(i + 1, parameters[i]);
        }
        if (update.executeUpdate() != 1) {
          throw new IllegalStateException("expected one row: " + sql);
        }
        c.commit();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(autoCommit);
      }
    }
  }
}
