package org.markproof.edge.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** The {@code setting} table: the post's profile and the clock's high-water mark, by name. */
final class SettingTable {
  static final String POST_ID = "post.id";
  static final String POST_LAT = "post.lat";
  static final String POST_LON = "post.lon";
  static final String POST_TERRITORY = "post.territory";
  static final String CLOCK_HIGH_WATER = "clock.high-water-ms";

  private final Connection db;
  private final Path file;

  SettingTable(Connection db, Path file) {
    this.db = db;
    this.file = file;
  }

  Optional<String> get(String name) throws EdgeStoreException {
    try (PreparedStatement q = db.prepareStatement("SELECT value FROM setting WHERE name = ?")) {
      q.setString(1, name);
      try (ResultSet r = q.executeQuery()) {
        return r.next() ? Optional.of(r.getString(1)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new EdgeStoreException(
          file + ": cannot read setting " + name + ": " + e.getMessage(), e);
    }
  }

  void put(String name, String value) throws EdgeStoreException {
    try (PreparedStatement q =
        db.prepareStatement(
            "INSERT INTO setting (name, value) VALUES (?, ?)"
                + " ON CONFLICT (name) DO UPDATE SET value = excluded.value")) {
      q.setString(1, name);
      q.setString(2, value);
      q.executeUpdate();
    } catch (SQLException e) {
      throw new EdgeStoreException(
          file + ": cannot write setting " + name + ": " + e.getMessage(), e);
    }
  }

  void remove(String name) throws EdgeStoreException {
    try (PreparedStatement q = db.prepareStatement("DELETE FROM setting WHERE name = ?")) {
      q.setString(1, name);
      q.executeUpdate();
    } catch (SQLException e) {
      throw new EdgeStoreException(
          file + ": cannot remove setting " + name + ": " + e.getMessage(), e);
    }
  }
}
