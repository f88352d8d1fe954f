package org.markproof.edge.store;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The store-and-forward queue (docs/edge.md "Uploads"): scans are added when judged offline and
 * removed once the service answered {@code recorded} or {@code duplicate}.
 */
public final class ScanQueue {
  private final Connection db;
  private final Path file;

  ScanQueue(Connection db, Path file) {
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
   * for all of them (a group commit's scans).
   *
   * @throws EdgeStoreException if an id is queued with another body, or SQLite fails
   */
  public void enqueueAll(List<RecordedScan> scans) throws EdgeStoreException {
    String scanId = null;
    try (PreparedStatement q =
        db.prepareStatement(
            "INSERT INTO scan_queue (scan_id, body, queued_at) VALUES (?, CAST(? AS TEXT), ?)"
                + " ON CONFLICT (scan_id) DO NOTHING")) {
      for (RecordedScan scan : scans) {
        scanId = scan.scanId();
        byte[] body = scan.body();
        q.setString(1, scanId);
        q.setBytes(2, body);
        q.setLong(3, scan.queuedAt().toEpochMilli());
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

  /** The oldest {@code limit} queued scans, oldest first. */
  public List<QueuedScan> list(int limit) throws EdgeStoreException {
    List<QueuedScan> out = new ArrayList<>();
    try (PreparedStatement q =
        db.prepareStatement(
            "SELECT scan_id, body, queued_at FROM scan_queue ORDER BY queued_at, scan_id LIMIT ?")) {
      q.setInt(1, limit);
      try (ResultSet r = q.executeQuery()) {
        while (r.next()) {
          out.add(
              new QueuedScan(r.getString(1), r.getString(2), Instant.ofEpochMilli(r.getLong(3))));
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
    try (PreparedStatement q =
        db.prepareStatement(
            "SELECT scan_id, body, queued_at FROM scan_queue"
                + " WHERE queued_at > ? OR (queued_at = ? AND scan_id > ?)"
                + " ORDER BY queued_at, scan_id LIMIT ?")) {
      long at = after.get().queuedAt().toEpochMilli();
      q.setLong(1, at);
      q.setLong(2, at);
      q.setString(3, after.get().scanId());
      q.setInt(4, limit);
      try (ResultSet r = q.executeQuery()) {
        while (r.next()) {
          out.add(
              new QueuedScan(r.getString(1), r.getString(2), Instant.ofEpochMilli(r.getLong(3))));
        }
      }
      return out;
    } catch (SQLException e) {
      throw failure("list queued scans", e);
    }
  }

  /** The queued scan {@code scanId}, if it is queued. */
  public java.util.Optional<QueuedScan> find(String scanId) throws EdgeStoreException {
    try (PreparedStatement q =
        db.prepareStatement("SELECT scan_id, body, queued_at FROM scan_queue WHERE scan_id = ?")) {
      q.setString(1, scanId);
      try (ResultSet r = q.executeQuery()) {
        return r.next()
            ? java.util.Optional.of(
                new QueuedScan(r.getString(1), r.getString(2), Instant.ofEpochMilli(r.getLong(3))))
            : java.util.Optional.empty();
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

  /** Removes a scan the service acknowledged; returns whether it was queued. */
  public boolean remove(String scanId) throws EdgeStoreException {
    try (PreparedStatement q = db.prepareStatement("DELETE FROM scan_queue WHERE scan_id = ?")) {
      q.setString(1, scanId);
      return q.executeUpdate() > 0;
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
