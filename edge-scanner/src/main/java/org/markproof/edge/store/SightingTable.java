package org.markproof.edge.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The {@code sighting} table: the post's own sightings, by item. */
public final class SightingTable {
  private final Connection db;
  private final Path file;

  SightingTable(Connection db, Path file) {
    this.db = db;
    this.file = file;
  }

  /** Records a sighting; the same scan id twice is kept once. */
  public void record(Sighting s) throws EdgeStoreException {
    recordAll(List.of(s));
  }

  /** Records each sighting as {@link #record} does, with one prepared statement. */
  public void recordAll(List<Sighting> sightings) throws EdgeStoreException {
    if (sightings.isEmpty()) {
      return;
    }
    try (PreparedStatement q =
        db.prepareStatement(
            "INSERT INTO sighting (scan_id, gtin, batch, serial, post, lat, lon, scanned_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (scan_id) DO NOTHING")) {
      for (Sighting s : sightings) {
        q.setString(1, s.scanId());
        q.setString(2, s.gtin());
        q.setString(3, s.batch());
        q.setString(4, s.serial());
        q.setString(5, s.post());
        q.setDouble(6, s.lat());
        q.setDouble(7, s.lon());
        q.setLong(8, s.scannedAt().toEpochMilli());
        q.executeUpdate();
      }
    } catch (SQLException e) {
      throw new EdgeStoreException(file + ": cannot record a sighting: " + e.getMessage(), e);
    }
  }

  /** The sightings of one item, oldest first. */
  public List<Sighting> of(String gtin, String batch, String serial) throws EdgeStoreException {
    return between(gtin, batch, serial, Instant.EPOCH, Instant.ofEpochMilli(Long.MAX_VALUE), -1);
  }

  /**
   * The latest {@code limit} sightings of one item scanned from {@code from} to {@code to}
   * inclusive, oldest first; {@code limit} negative for all of them. Read by the item's index, so a
   * serial scanned very often costs a bounded read.
   */
  public List<Sighting> between(
      String gtin, String batch, String serial, Instant from, Instant to, int limit)
      throws EdgeStoreException {
    try (PreparedStatement q = db.prepareStatement(BETWEEN_QUERY)) {
      return readBetween(q, gtin, batch, serial, from, to, limit);
    } catch (SQLException e) {
      throw new EdgeStoreException(file + ": cannot read sightings: " + e.getMessage(), e);
    }
  }

  /** The latest sightings of one item in a time window, newest first, at most {@code LIMIT}. */
  static final String BETWEEN_QUERY =
      "SELECT scan_id, post, lat, lon, scanned_at FROM sighting"
          + " WHERE gtin = ? AND batch = ? AND serial = ?"
          + " AND scanned_at >= ? AND scanned_at <= ?"
          + " ORDER BY scanned_at DESC LIMIT ?";

  /** Runs {@code q} (a prepared {@link #BETWEEN_QUERY}); the sightings oldest first. */
  static List<Sighting> readBetween(
      PreparedStatement q,
      String gtin,
      String batch,
      String serial,
      Instant from,
      Instant to,
      int limit)
      throws SQLException {
    List<Sighting> out = new ArrayList<>();
    q.setString(1, gtin);
    q.setString(2, batch);
    q.setString(3, serial);
    q.setLong(4, from.toEpochMilli());
    q.setLong(5, to.toEpochMilli());
    q.setInt(6, limit);
    try (ResultSet r = q.executeQuery()) {
      while (r.next()) {
        out.add(
            new Sighting(
                r.getString(1),
                gtin,
                batch,
                serial,
                r.getString(2),
                r.getDouble(3),
                r.getDouble(4),
                Instant.ofEpochMilli(r.getLong(5))));
      }
    }
    java.util.Collections.reverse(out);
    return out;
  }
}
