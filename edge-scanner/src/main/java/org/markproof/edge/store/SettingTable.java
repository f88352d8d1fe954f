package org.markproof.edge.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.markproof.contracts.MalformedDataException;

/**
 * The {@code setting} table: the post's profile, the clock's high-water mark, the store's territory
 * filter and what other parts keep through {@link EdgeStore#setting}, as name/value text.
 */
final class SettingTable {
  static final String POST_ID = "post.id";
  static final String POST_LAT = "post.lat";
  static final String POST_LON = "post.lon";
  static final String POST_TERRITORY = "post.territory";
  static final String CLOCK_HIGH_WATER = "clock.high-water-ms";

  /** The store's territory filter ({@link TerritoryFilter#text()}); absent: it keeps everything. */
  static final String SYNC_TERRITORIES = "sync.territories";

  /**
   * Returns {@code name} if it may be read and written through {@link EdgeStore#setting}: a dotted
   * name outside the {@code post.}, {@code clock.} and {@code sync.} settings, which have their own
   * methods.
   *
   * @throws IllegalArgumentException otherwise
   */
  static String requireOwnName(String name) {
    if (!name.matches("[a-z][a-z0-9-]*(\\.[a-z0-9-]+)+")
        || name.startsWith("post.")
        || name.startsWith("clock.")
        || name.startsWith("sync.")) {
      throw new IllegalArgumentException("not a setting name for EdgeStore.setting: " + name);
    }
    return name;
  }

  private final Connection db;
  private final Path file;

  SettingTable(Connection db, Path file) {
    this.db = db;
    this.file = file;
  }

  /** The store's post; empty until one is set. */
  Optional<PostProfile> post() throws EdgeStoreException {
    Optional<String> id = get(POST_ID);
    if (id.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          new PostProfile(
              id.get(),
              Double.parseDouble(get(POST_LAT).orElseThrow()),
              Double.parseDouble(get(POST_LON).orElseThrow()),
              get(POST_TERRITORY)));
    } catch (RuntimeException e) {
      throw new EdgeStoreException(file + ": the post's settings are damaged: " + e, e);
    }
  }

  void setPost(PostProfile post) throws EdgeStoreException {
    put(POST_ID, post.postId());
    put(POST_LAT, Double.toString(post.lat()));
    put(POST_LON, Double.toString(post.lon()));
    if (post.territory().isPresent()) {
      put(POST_TERRITORY, post.territory().get());
    } else {
      remove(POST_TERRITORY);
    }
  }

  /** The territories the store keeps entries for; empty when it keeps every entry. */
  Optional<TerritoryFilter> territoryFilter() throws EdgeStoreException {
    Optional<String> text = get(SYNC_TERRITORIES);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(TerritoryFilter.parse(text.get()));
    } catch (MalformedDataException e) {
      throw new EdgeStoreException(
          file + ": the territory filter is damaged: " + e.getMessage(), e);
    }
  }

  /** See {@link EdgeStore#observeClock}. */
  ClockReading observeClock(Instant wallClock, Optional<AdoptedCheckpoint> adopted)
      throws EdgeStoreException {
    long mark;
    try {
      mark = get(CLOCK_HIGH_WATER).map(Long::parseLong).orElse(0L);
    } catch (NumberFormatException e) {
      throw new EdgeStoreException(file + ": the clock's high-water mark is damaged", e);
    }
    if (adopted.isPresent()) {
      mark = Math.max(mark, adopted.get().lastSyncAt().toEpochMilli());
      mark = Math.max(mark, adopted.get().adoptedAt().toEpochMilli());
    }
    if (wallClock.toEpochMilli() > mark) {
      put(CLOCK_HIGH_WATER, Long.toString(wallClock.toEpochMilli()));
    }
    return new ClockReading(wallClock, Instant.ofEpochMilli(mark));
  }

  /** Raises the clock's high-water mark to {@code wallClock} if that is newer. */
  void raiseClock(Instant wallClock) throws EdgeStoreException {
    long mark;
    try {
      mark = get(CLOCK_HIGH_WATER).map(Long::parseLong).orElse(0L);
    } catch (NumberFormatException e) {
      throw new EdgeStoreException(file + ": the clock's high-water mark is damaged", e);
    }
    if (wallClock.toEpochMilli() > mark) {
      put(CLOCK_HIGH_WATER, Long.toString(wallClock.toEpochMilli()));
    }
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
