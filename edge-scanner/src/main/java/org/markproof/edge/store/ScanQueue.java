package org.markproof.edge.store;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.markproof.contracts.crypto.Sha256;

/**
 * The store-and-forward queue (docs/edge.md "Uploads"): scans are added when judged offline and
 * removed once the service answered {@code recorded} or {@code duplicate}.
 */
public final class ScanQueue {
  /** The columns {@link #row} reads, from {@code scan_queue q}. */
  private static final String ROW =
      "SELECT q.scan_id, q.body, q.queued_at, q.evidence_id, q.evidence_at, e.evidence"
          + " FROM scan_queue q LEFT JOIN queued_evidence e ON e.id = q.evidence_id";

  /** The first page of the queue, in upload order: {@code LIMIT ?}. */
  static final String LIST = ROW + " ORDER BY q.queued_at, q.scan_id LIMIT ?";

  /** The page after a scan {@code (queued_at, scan_id)}: a range of the index in that order. */
  static final String LIST_AFTER =
      ROW + " WHERE (q.queued_at, q.scan_id) > (?, ?) ORDER BY q.queued_at, q.scan_id LIMIT ?";

  private final EdgeStore store;
  private final Connection db;
  private final Path file;

  ScanQueue(EdgeStore store, Connection db, Path file) {
    this.store = store;
    this.db = db;
    this.file = file;
  }

  /**
   * Queues a scan; queuing the same id again with the same body is a no-op.
   *
   * @throws EdgeStoreException if the id is queued with another body, or SQLite fails
   */
  public void enqueue(String scanId, String body, Instant at) throws EdgeStoreException {
    enqueue(scanId, body.getBytes(StandardCharsets.UTF_8), at);
  }

  /**
   * Queues a scan whose body is UTF-8 text, as {@link #enqueue(String, String, Instant)} does,
   * without turning it into a Java string first (SQLite stores text as UTF-8: the bytes are bound
   * as they are and cast to text).
   */
  public void enqueue(String scanId, byte[] body, Instant at) throws EdgeStoreException {
    enqueueAll(List.of(new RecordedScan(scanId, body, at, java.util.Optional.empty())));
  }

  /**
   * Queues each scan as {@link #enqueue(String, byte[], Instant)} does, with one prepared statement
   * for all of them (a group commit's scans). A scan that says where its verdict's evidence stands
   * is stored without it, and the evidence once under its SHA-256 for every scan that carries it
   * (about 5 kB of a 6.7 kB queued verdict; a post scans many items of one batch against one
   * checkpoint): a group writes a quarter of the bytes, and its commit syncs less.
   *
   * @throws EdgeStoreException if an id is queued with another body, or SQLite fails
   */
  public void enqueueAll(List<RecordedScan> scans) throws EdgeStoreException {
    boolean alone;
    try {
      alone = db.getAutoCommit();
    } catch (SQLException e) {
      throw failure("begin a transaction", e);
    }
    if (alone) { // not in a caller's transaction: in one of its own, evidence and rows together
      store.<Void, EdgeStoreException>transaction(
          () -> {
            insert(scans);
            return null;
          });
    } else {
      insert(scans);
    }
  }

  private void insert(List<RecordedScan> scans) throws EdgeStoreException {
    String scanId = null;
    try (PreparedStatement q =
            db.prepareStatement(
                "INSERT INTO scan_queue (scan_id, body, queued_at, evidence_id, evidence_at)"
                    + " VALUES (?, CAST(? AS TEXT), ?, ?, ?) ON CONFLICT (scan_id) DO NOTHING");
        PreparedStatement e =
            db.prepareStatement(
                "INSERT INTO queued_evidence (id, evidence) VALUES (?, CAST(? AS TEXT))"
                    + " ON CONFLICT (id) DO NOTHING")) {
      for (RecordedScan scan : scans) {
        scanId = scan.scanId();
        byte[] body = scan.body();
        q.setString(1, scanId);
        q.setLong(3, scan.queuedAt().toEpochMilli());
        byte[] evidence = null;
        byte[] evidenceId = null;
        if (scan.evidence().isPresent()) {
          RecordedScan.EvidenceSpan span = scan.evidence().get();
          evidence = Arrays.copyOfRange(body, span.valueStart(), span.end());
          evidenceId = Sha256.hash(evidence);
          byte[] rest = new byte[body.length - (span.end() + 1 - span.start())];
          System.arraycopy(body, 0, rest, 0, span.start());
          System.arraycopy(body, span.end() + 1, rest, span.start(), body.length - span.end() - 1);
          q.setBytes(2, rest);
          q.setBytes(4, evidenceId);
          q.setInt(5, utf16Length(body, span.start()));
        } else {
          q.setBytes(2, body);
          q.setNull(4, Types.BLOB);
          q.setNull(5, Types.INTEGER);
        }
        if (evidenceId != null) { // first: the row refers to it
          e.setBytes(1, evidenceId);
          e.setBytes(2, evidence);
          e.executeUpdate();
        }
        if (q.executeUpdate() == 0
            && !find(scanId)
                .map(s -> s.body().equals(new String(body, StandardCharsets.UTF_8)))
                .orElse(false)) {
          throw new EdgeStoreException(
              file + ": scan " + scanId + " is already queued with another body");
        }
      }
    } catch (SQLException e) {
      throw failure("queue scan " + scanId, e);
    }
  }

  /** How many UTF-16 code units the UTF-8 text {@code utf8[0, end)} decodes to. */
  private static int utf16Length(byte[] utf8, int end) {
    int units = 0;
    for (int i = 0; i < end; i++) {
      int b = utf8[i] & 0xff;
      if (b < 0x80 || b >= 0xc0) {
        units += b >= 0xf0 ? 2 : 1; // a lead byte; four-byte sequences are surrogate pairs
      }
    }
    return units;
  }

  /** The queued scan at {@code r}'s row, its evidence put back where it was cut out. */
  private QueuedScan row(ResultSet r) throws SQLException, EdgeStoreException {
    String scanId = r.getString(1);
    String body = r.getString(2);
    if (r.getBytes(4) != null) {
      String evidence = r.getString(6);
      int at = r.getInt(5);
      if (evidence == null || at > body.length()) {
        throw new EdgeStoreException(
            file + ": queued scan " + scanId + " names evidence the store does not hold");
      }
      body = body.substring(0, at) + "\"evidence\":" + evidence + "," + body.substring(at);
    }
    return new QueuedScan(scanId, body, Instant.ofEpochMilli(r.getLong(3)));
  }

  /** The oldest {@code limit} queued scans, oldest first. */
  public List<QueuedScan> list(int limit) throws EdgeStoreException {
    List<QueuedScan> out = new ArrayList<>();
    try (PreparedStatement q = db.prepareStatement(LIST)) {
      q.setInt(1, limit);
      try (ResultSet r = q.executeQuery()) {
        while (r.next()) {
          out.add(row(r));
        }
      }
      return out;
    } catch (SQLException e) {
      throw failure("list queued scans", e);
    }
  }

  /**
   * The oldest {@code limit} queued scans after {@code after} in queue order (all of them from the
   * start when empty), oldest first: pages through the queue while some scans stay in it.
   */
  public List<QueuedScan> listAfter(java.util.Optional<QueuedScan> after, int limit)
      throws EdgeStoreException {
    if (after.isEmpty()) {
      return list(limit);
    }
    List<QueuedScan> out = new ArrayList<>();
    try (PreparedStatement q = db.prepareStatement(LIST_AFTER)) {
      q.setLong(1, after.get().queuedAt().toEpochMilli());
      q.setString(2, after.get().scanId());
      q.setInt(3, limit);
      try (ResultSet r = q.executeQuery()) {
        while (r.next()) {
          out.add(row(r));
        }
      }
      return out;
    } catch (SQLException e) {
      throw failure("list queued scans", e);
    }
  }

  /** The queued scan {@code scanId}, if it is queued. */
  public java.util.Optional<QueuedScan> find(String scanId) throws EdgeStoreException {
    try (PreparedStatement q = db.prepareStatement(ROW + " WHERE q.scan_id = ?")) {
      q.setString(1, scanId);
      try (ResultSet r = q.executeQuery()) {
        return r.next() ? java.util.Optional.of(row(r)) : java.util.Optional.empty();
      }
    } catch (SQLException e) {
      throw failure("look up scan " + scanId, e);
    }
  }

  /** Whether scan {@code scanId} is queued. */
  public boolean contains(String scanId) throws EdgeStoreException {
    try (PreparedStatement q = db.prepareStatement("SELECT 1 FROM scan_queue WHERE scan_id = ?")) {
      q.setString(1, scanId);
      try (ResultSet r = q.executeQuery()) {
        return r.next();
      }
    } catch (SQLException e) {
      throw failure("look up scan " + scanId, e);
    }
  }

  /**
   * Removes a scan the service acknowledged, and its evidence when no other queued scan carries it;
   * returns whether it was queued.
   */
  public boolean remove(String scanId) throws EdgeStoreException {
    try (PreparedStatement q =
            db.prepareStatement("DELETE FROM scan_queue WHERE scan_id = ? RETURNING evidence_id");
        PreparedStatement e =
            db.prepareStatement(
                "DELETE FROM queued_evidence WHERE id = ?1"
                    + " AND NOT EXISTS (SELECT 1 FROM scan_queue WHERE evidence_id = ?1)")) {
      q.setString(1, scanId);
      byte[] evidenceId;
      try (ResultSet r = q.executeQuery()) {
        if (!r.next()) {
          return false;
        }
        evidenceId = r.getBytes(1);
      }
      if (evidenceId != null) {
        e.setBytes(1, evidenceId);
        e.executeUpdate();
      }
      return true;
    } catch (SQLException e) {
      throw failure("remove scan " + scanId, e);
    }
  }

  /** How many scans wait for upload. */
  public long size() throws EdgeStoreException {
    try (PreparedStatement q = db.prepareStatement("SELECT count(*) FROM scan_queue");
        ResultSet r = q.executeQuery()) {
      return r.next() ? r.getLong(1) : 0;
    } catch (SQLException e) {
      throw failure("count queued scans", e);
    }
  }

  private EdgeStoreException failure(String what, SQLException e) {
    return new EdgeStoreException(file + ": cannot " + what + ": " + e.getMessage(), e);
  }
}
