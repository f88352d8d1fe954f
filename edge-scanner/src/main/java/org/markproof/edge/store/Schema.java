package org.markproof.edge.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The tables of an edge store (docs/edge.md "What the cache holds"), versioned with {@code PRAGMA
 * user_version}: a new file gets {@link #VERSION}; an older one is migrated in one transaction
 * (version 1 lacks the {@code setting} table); a newer one is refused, since this edge-scanner
 * cannot know what the newer one keeps.
 */
final class Schema {
  /** The schema this code reads and writes. */
  static final int VERSION = 3;

  /** What version 2 adds to a version 1 file. */
  private static final List<String> VERSION_2 =
      List.of(
          // The post's settings: its id, position and territory, and the clock's high-water mark
          // (the newest wall time any command saw, epoch milliseconds), as name/value text.
          "CREATE TABLE setting (name TEXT PRIMARY KEY, value TEXT NOT NULL)");

  /** What version 3 adds to a version 2 file. */
  private static final List<String> VERSION_3 =
      List.of(
          // A queued verdict's evidence member (its value, canonical JSON), named by its SHA-256:
          // every scan of one batch against one checkpoint carries the same ~5 kB, written once.
          "CREATE TABLE queued_evidence (id BLOB PRIMARY KEY CHECK (length(id) = 32),"
              + " evidence TEXT NOT NULL)",
          // A queued scan whose evidence is shared: its body lacks the member '"evidence":<value>,'
          // that stood at UTF-16 offset evidence_at. Rows of version 2 keep their whole body.
          "ALTER TABLE scan_queue ADD COLUMN evidence_id BLOB REFERENCES queued_evidence (id)",
          "ALTER TABLE scan_queue ADD COLUMN evidence_at INTEGER"
              + " CHECK ((evidence_id IS NULL) = (evidence_at IS NULL) AND evidence_at >= 0)",
          "CREATE INDEX scan_queue_evidence ON scan_queue (evidence_id)"
              + " WHERE evidence_id IS NOT NULL",
          // The upload's order: a page of the queue is a range of this index, not a sort of the
          // whole queue (1.55 s a page of 1,000 against 6 ms, for 878,000 queued scans).
          "CREATE INDEX scan_queue_order ON scan_queue (queued_at, scan_id)");

  private static final List<String> TABLES =
      List.of(
          // One row: the adopted checkpoint. Times are epoch milliseconds; checkpoint_time is the
          // log's signed timestamp in epoch seconds, NULL when the sync had no timestamp key.
          "CREATE TABLE checkpoint (id INTEGER PRIMARY KEY CHECK (id = 1), note TEXT NOT NULL,"
              + " size INTEGER NOT NULL CHECK (size >= 0), root BLOB NOT NULL,"
              + " adopted_at INTEGER NOT NULL, checkpoint_time INTEGER,"
              + " last_sync_at INTEGER NOT NULL)",
          // The exact leaf input of every entry below the adopted size.
          "CREATE TABLE entry (idx INTEGER PRIMARY KEY CHECK (idx >= 0), leaf BLOB NOT NULL)",
          // Every complete subtree hash (RFC 9162 §2.1.1), leaves included: level 0 is the leaf
          // hash of entry idx.
          "CREATE TABLE node (level INTEGER NOT NULL, idx INTEGER NOT NULL, hash BLOB NOT NULL,"
              + " PRIMARY KEY (level, idx)) WITHOUT ROWID",
          // A checkpoint that is not consistent with the adopted one, kept until uploaded.
          // proof: the proof hashes that failed, base64, one per line.
          "CREATE TABLE evidence (id INTEGER PRIMARY KEY, kind TEXT NOT NULL, old_note TEXT,"
              + " new_note TEXT NOT NULL, proof TEXT NOT NULL, detail TEXT NOT NULL,"
              + " detected_at INTEGER NOT NULL, uploaded INTEGER NOT NULL DEFAULT 0)",
          // Store-and-forward: scans judged offline, waiting for POST /v1/edge/scans.
          "CREATE TABLE scan_queue (scan_id TEXT PRIMARY KEY, body TEXT NOT NULL,"
              + " queued_at INTEGER NOT NULL)",
          // The post's own sightings, for clone detection while offline.
          "CREATE TABLE sighting (scan_id TEXT PRIMARY KEY, gtin TEXT NOT NULL,"
              + " batch TEXT NOT NULL, serial TEXT NOT NULL, post TEXT NOT NULL,"
              + " lat REAL NOT NULL, lon REAL NOT NULL, scanned_at INTEGER NOT NULL)",
          "CREATE INDEX sighting_item ON sighting (gtin, batch, serial, scanned_at)");

  private Schema() {}

  /**
   * Creates the tables in a new file, or checks the version of an existing one.
   *
   * @throws EdgeStoreException if the file holds a newer schema or tables of something else
   */
  static void prepare(Connection db, Path file) throws SQLException, EdgeStoreException {
    int version = userVersion(db);
    if (version > VERSION) {
      throw new EdgeStoreException(
          file
              + ": edge store schema version "
              + version
              + ", this edge-scanner knows up to "
              + VERSION
              + "; use a newer edge-scanner (a downgrade would lose what the newer one keeps)");
    }
    if (version == VERSION) {
      return;
    }
    if (version == 1 || version == 2) {
      List<String> ddl = new java.util.ArrayList<>(version == 1 ? VERSION_2 : List.of());
      ddl.addAll(VERSION_3);
      migrate(db, ddl);
      return;
    }
    if (hasTables(db)) {
      throw new EdgeStoreException(
          file
              + ": an SQLite file that is not a markproof edge store (user_version 0, has tables)");
    }
    List<String> all = new java.util.ArrayList<>(TABLES);
    all.addAll(VERSION_2);
    all.addAll(VERSION_3);
    migrate(db, all);
  }

  /** Runs {@code ddl} and sets the version to {@link #VERSION}, in one transaction. */
  private static void migrate(Connection db, List<String> ddl) throws SQLException {
    db.setAutoCommit(false);
    try (Statement s = db.createStatement()) {
      for (String statement : ddl) {
        s.execute(statement);
      }
      s.execute("PRAGMA user_version = " + VERSION);
      db.commit();
    } catch (SQLException e) {
      db.rollback();
      throw e;
    } finally {
      db.setAutoCommit(true);
    }
  }

  static int userVersion(Connection db) throws SQLException {
    try (Statement s = db.createStatement();
        ResultSet r = s.executeQuery("PRAGMA user_version")) {
      return r.next() ? r.getInt(1) : 0;
    }
  }

  private static boolean hasTables(Connection db) throws SQLException {
    try (Statement s = db.createStatement();
        ResultSet r = s.executeQuery("SELECT count(*) FROM sqlite_master")) {
      return r.next() && r.getInt(1) > 0;
    }
  }
}
