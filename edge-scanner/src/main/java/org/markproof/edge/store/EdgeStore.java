package org.markproof.edge.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.markproof.contracts.MalformedDataException;
import org.markproof.contracts.merkle.CompactRange;
import org.markproof.contracts.merkle.NodeHashSource;
import org.markproof.contracts.merkle.ProofPlanner;
import org.markproof.contracts.rules.LedgerState;
import org.markproof.contracts.rules.RuleViolationException;
import org.sqlite.SQLiteConfig;

/**
 * The border post's verified copy of the ledger in one SQLite file (docs/edge.md "What the cache
 * holds"): the adopted checkpoint, every entry below it (or, kept for some territories, the entries
 * their posts need: {@link TerritoryFilter}) and every complete subtree hash, which proves every
 * entry whether stored or not. Proofs come from the stored hashes through {@link ProofPlanner}; the
 * store never learns proof algebra.
 *
 * <p>Only {@link SyncWriter} changes the checkpoint, entries and hashes, in one transaction with
 * {@code synchronous=FULL} in WAL mode: killed at any moment, the file keeps the previous verified
 * state. Not thread-safe; one store per process and file.
 */
public final class EdgeStore implements AutoCloseable {
  private final Path file;
  private final Connection db;
  private final StoredNodes nodes;

  private EdgeStore(Path file, Connection db) {
    this.file = file;
    this.db = db;
    this.nodes = new StoredNodes(db);
  }

  /**
   * Opens (or creates) the store in {@code file}, creating its parent directory.
   *
   * @throws EdgeStoreException if the file is not an edge store, has a newer schema, or SQLite
   *     fails
   */
  public static EdgeStore open(Path file) throws EdgeStoreException {
    Path absolute = file.toAbsolutePath();
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
    // A sync takes the write lock when it begins, so two syncs never interleave.
    config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
    config.setBusyTimeout(10_000);
    config.enforceForeignKeys(true);
    Connection db = null;
    try {
      Path parent = absolute.getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      db = DriverManager.getConnection("jdbc:sqlite:" + absolute, config.toProperties());
      Schema.prepare(db, absolute);
      return new EdgeStore(absolute, db);
    } catch (SQLException | java.io.IOException e) {
      closeQuietly(db);
      if (e instanceof EdgeStoreException s) {
        throw s;
      }
      throw new EdgeStoreException(absolute + ": cannot open the edge store: " + e.getMessage(), e);
    }
  }

  /** The store's file. */
  public Path file() {
    return file;
  }

  /** The schema version of the file ({@code PRAGMA user_version}). */
  public int schemaVersion() throws EdgeStoreException {
    try {
      return Schema.userVersion(db);
    } catch (SQLException e) {
      throw failure("read the schema version", e);
    }
  }

  /** The adopted checkpoint row (id 1): what {@link #readCheckpoint} maps. */
  static final String CHECKPOINT_QUERY =
      "SELECT note, size, root, adopted_at, checkpoint_time, last_sync_at"
          + " FROM checkpoint WHERE id = 1";

  /** The adopted checkpoint; empty before the first sync. */
  public Optional<AdoptedCheckpoint> checkpoint() throws EdgeStoreException {
    try (PreparedStatement q = db.prepareStatement(CHECKPOINT_QUERY);
        ResultSet r = q.executeQuery()) {
      return readCheckpoint(r);
    } catch (SQLException e) {
      throw failure("read the adopted checkpoint", e);
    }
  }

  /** The checkpoint of a {@link #CHECKPOINT_QUERY} result; empty if it has no row. */
  static Optional<AdoptedCheckpoint> readCheckpoint(ResultSet r) throws SQLException {
    if (!r.next()) {
      return Optional.empty();
    }
    long time = r.getLong(5);
    Optional<Instant> checkpointTime =
        r.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochSecond(time));
    return Optional.of(
        new AdoptedCheckpoint(
            r.getString(1),
            r.getLong(2),
            r.getBytes(3),
            Instant.ofEpochMilli(r.getLong(4)),
            checkpointTime,
            Instant.ofEpochMilli(r.getLong(6))));
  }

  /** The adopted tree size: how many entries the store holds; 0 before the first sync. */
  public long size() throws EdgeStoreException {
    return checkpoint().map(AdoptedCheckpoint::size).orElse(0L);
  }

  /**
   * The exact leaf bytes of entry {@code index}.
   *
   * @throws IllegalArgumentException unless {@code 0 <= index < size()}
   */
  public byte[] entry(long index) throws EdgeStoreException {
    requireBelowSize("entry index", index, size());
    try (PreparedStatement q = db.prepareStatement("SELECT leaf FROM entry WHERE idx = ?")) {
      q.setLong(1, index);
      try (ResultSet r = q.executeQuery()) {
        if (!r.next()) {
          throw missing(index);
        }
        return r.getBytes(1);
      }
    } catch (SQLException e) {
      throw failure("read entry " + index, e);
    }
  }

  /**
   * Calls {@code consumer} with entries {@code [from, to)} in index order.
   *
   * @throws IllegalArgumentException unless {@code 0 <= from <= to <= size()}
   */
  public void forEachEntry(long from, long to, EntryConsumer consumer)
      throws EdgeStoreException, MalformedDataException, RuleViolationException {
    forEachStored(from, to, false, consumer);
  }

  /**
   * Calls {@code consumer} with the stored entries of {@code [from, to)} in index order; with
   * {@code gapsAllowed} (a store kept for some territories) the entries not kept are passed over,
   * else a missing one fails.
   */
  private void forEachStored(long from, long to, boolean gapsAllowed, EntryConsumer consumer)
      throws EdgeStoreException, MalformedDataException, RuleViolationException {
    long size = size();
    if (from < 0 || from > to || to > size) {
      throw new IllegalArgumentException(
          "entries [" + from + ", " + to + ") are outside the store's " + size);
    }
    try (PreparedStatement q =
        db.prepareStatement(
            "SELECT idx, leaf FROM entry WHERE idx >= ? AND idx < ? ORDER BY idx")) {
      q.setLong(1, from);
      q.setLong(2, to);
      long expected = from;
      try (ResultSet r = q.executeQuery()) {
        while (r.next()) {
          long index = r.getLong(1);
          if (index != expected && !gapsAllowed) {
            throw missing(expected);
          }
          consumer.accept(index, r.getBytes(2));
          expected = index + 1;
        }
      }
      if (expected != to && !gapsAllowed) {
        throw missing(expected);
      }
    } catch (SQLException e) {
      throw failure("read entries", e);
    }
  }

  private EdgeStoreException missing(long index) throws EdgeStoreException {
    Optional<TerritoryFilter> filter = territoryFilter();
    return new EdgeStoreException(
        file
            + ": entry "
            + index
            + (filter.isPresent()
                ? " is not kept: this store keeps only the entries for " + filter.get().text()
                : " is missing"));
  }

  /** Receives stored entries in index order. */
  @FunctionalInterface
  public interface EntryConsumer {
    void accept(long index, byte[] leaf)
        throws EdgeStoreException, MalformedDataException, RuleViolationException;
  }

  /**
   * The RFC 9162 §2.1.3.1 audit path of entry {@code index} in the tree of {@code treeSize}
   * entries, from the stored subtree hashes.
   *
   * @throws IllegalArgumentException unless {@code 0 <= index < treeSize <= size()}
   */
  public List<byte[]> inclusionProof(long index, long treeSize) throws EdgeStoreException {
    requireAtMostSize("tree size", treeSize, size());
    return nodes.assemble(ProofPlanner.inclusion(index, treeSize));
  }

  /**
   * The RFC 9162 §2.1.4.1 consistency proof from {@code size1} to {@code size2} from the stored
   * subtree hashes; empty when {@code size1} is 0 or equals {@code size2} (as docs/edge.md "The
   * bundle" wants it).
   *
   * @throws IllegalArgumentException unless {@code 0 <= size1 <= size2 <= size()}
   */
  public List<byte[]> consistencyProof(long size1, long size2) throws EdgeStoreException {
    requireAtMostSize("size2", size2, size());
    if (size1 < 0 || size1 > size2) {
      throw new IllegalArgumentException("sizes " + size1 + " and " + size2 + " are out of order");
    }
    if (size1 == 0) {
      return List.of();
    }
    return nodes.assemble(ProofPlanner.consistency(size1, size2));
  }

  /**
   * The compact range of the first {@code size} entries, from the stored hashes: what a sync
   * appends new leaves to.
   *
   * @throws IllegalArgumentException unless {@code 0 <= size <= size()}
   */
  public CompactRange rangeAt(long size) throws EdgeStoreException {
    requireAtMostSize("size", size, size());
    try {
      return nodes.call(() -> CompactRange.fromStored(size, nodes));
    } catch (MalformedDataException e) {
      throw new EdgeStoreException(file + ": stored hashes are malformed: " + e.getMessage(), e);
    }
  }

  /** The stored subtree hashes; a missing node is an unchecked {@link StoredNodes.Missing}. */
  public NodeHashSource nodes() {
    return nodes;
  }

  /**
   * Replays every stored entry through the rules, as the service's index does: the ledger state the
   * adopted checkpoint commits to. In a store kept for some territories the entries not kept are
   * skipped ({@link LedgerState#skip}): every kept fact is the same, at its true log index.
   *
   * @throws EdgeStoreException if a stored entry is malformed or breaks the rules, which a verified
   *     sync never stores: the file was changed behind the edge's back
   */
  public LedgerState replayState() throws EdgeStoreException {
    return replayState(size());
  }

  /**
   * Replays the first {@code size} stored entries through the rules: the state a checkpoint of that
   * size commits to, whatever a sync adopted since.
   *
   * @throws IllegalArgumentException unless {@code 0 <= size <= size()}
   */
  public LedgerState replayState(long size) throws EdgeStoreException {
    RuleReplay replay = new RuleReplay(LedgerState.empty(), 2, Optional.empty());
    boolean filtered = territoryFilter().isPresent();
    String violation;
    try {
      forEachStored(0, size, filtered, replay::add);
      violation = replay.finish();
    } catch (MalformedDataException | RuleViolationException e) {
      replay.abandon();
      throw new IllegalStateException("handing an entry over parses and checks nothing", e);
    } catch (EdgeStoreException | RuntimeException e) {
      replay.abandon();
      throw e;
    }
    if (violation != null) {
      throw new EdgeStoreException(file + ": stored " + violation, null);
    }
    // Entries not kept after the last stored one: the state is the checkpoint's all the same.
    return replay.state().skip(size - replay.state().size());
  }

  /**
   * How many entries are stored: {@link #size()}, unless the store keeps only some territories'
   * entries ({@link #territoryFilter()}) or the file was tampered with.
   */
  public long entryCount() throws EdgeStoreException {
    return count("SELECT count(*) FROM entry");
  }

  /** How many of the entries {@code [from, to)} are stored. */
  public long entryCount(long from, long to) throws EdgeStoreException {
    try (PreparedStatement q =
        db.prepareStatement("SELECT count(*) FROM entry WHERE idx >= ? AND idx < ?")) {
      q.setLong(1, from);
      q.setLong(2, to);
      try (ResultSet r = q.executeQuery()) {
        return r.next() ? r.getLong(1) : 0;
      }
    } catch (SQLException e) {
      throw failure("count entries", e);
    }
  }

  /**
   * The territories this store keeps entries for (docs/edge.md "Territory filter"), set by the
   * first sync with {@code --territory}; empty when it keeps every entry.
   */
  public Optional<TerritoryFilter> territoryFilter() throws EdgeStoreException {
    return new SettingTable(db, file).territoryFilter();
  }

  /**
   * Begins the transaction of one sync. Nothing it writes is visible to a later open until {@link
   * SyncWriter#commit}; closing it uncommitted rolls everything back.
   */
  public SyncWriter beginSync() throws EdgeStoreException {
    try {
      db.setAutoCommit(false);
      return new SyncWriter(db, file);
    } catch (SQLException e) {
      throw failure("begin a sync", e);
    }
  }

  /** Work done in one transaction by {@link #transaction}. */
  @FunctionalInterface
  public interface Work<T, E extends Exception> {
    T run() throws E, EdgeStoreException;
  }

  /**
   * Runs {@code work} in one SQLite transaction, taking the write lock first ({@code BEGIN
   * IMMEDIATE}, so two processes never interleave), and commits it durably ({@code
   * synchronous=FULL}): when this returns, what {@code work} wrote survives a crash or a killed
   * process; when it throws, nothing of it was written.
   */
  public <T, E extends Exception> T transaction(Work<T, E> work) throws E, EdgeStoreException {
    try {
      db.setAutoCommit(false);
    } catch (SQLException e) {
      throw failure("begin a transaction", e);
    }
    boolean committed = false;
    try {
      T result = work.run();
      db.commit();
      committed = true;
      return result;
    } catch (SQLException e) {
      throw failure("commit", e);
    } finally {
      try {
        if (!committed) {
          db.rollback();
        }
        db.setAutoCommit(true);
      } catch (SQLException e) {
        if (committed) {
          throw failure("end a transaction", e);
        }
      }
    }
  }

  /**
   * Writes {@code scans} (queue rows and sightings) and raises the clock's high-water mark to
   * {@code wallClock}, in one durable transaction: one commit, one disk sync, for a group of scans.
   *
   * @return the connection's {@code PRAGMA data_version} read under the write lock: it changes when
   *     another connection (another process) committed since the last call
   * @throws EdgeStoreException if a scan id is queued with another body, or SQLite fails; then
   *     nothing of the group is written
   */
  public long recordScans(List<RecordedScan> scans, Instant wallClock) throws EdgeStoreException {
    return this.<Long, EdgeStoreException>transaction(
        () -> {
          long version;
          try (PreparedStatement v = db.prepareStatement("PRAGMA data_version");
              ResultSet r = v.executeQuery()) {
            version = r.next() ? r.getLong(1) : 0;
          } catch (SQLException e) {
            throw failure("read the data version", e);
          }
          List<Sighting> seen = new ArrayList<>();
          for (RecordedScan scan : scans) {
            scan.sighting().ifPresent(seen::add);
          }
          sightings().recordAll(seen);
          scanQueue().enqueueAll(scans);
          new SettingTable(db, file).raiseClock(wallClock);
          return version;
        });
  }

  /**
   * Turns this connection's own log checkpoints off and copies the log back on a thread of its own
   * instead ({@link WalCheckpointer}), until the checkpointer is closed or fails. {@code writes} is
   * the lock this process's frequent commits (the scans') take: the checkpointer holds it for one
   * short copy each time the log has grown by {@link WalCheckpointer#RESTART_FRAMES} pages, so that
   * the log starts over.
   */
  public WalCheckpointer checkpointInBackground(java.util.concurrent.locks.Lock writes)
      throws EdgeStoreException {
    return checkpointInBackground(
        writes, WalCheckpointer.POLL_MILLIS, WalCheckpointer.RESTART_FRAMES);
  }

  /** {@link #checkpointInBackground(java.util.concurrent.locks.Lock)} with other intervals. */
  WalCheckpointer checkpointInBackground(
      java.util.concurrent.locks.Lock writes, long pollMillis, long restartFrames)
      throws EdgeStoreException {
    synchronized (this) {
      setAutoCheckpoint(0);
    }
    try {
      return WalCheckpointer.start(this, writes, pollMillis, restartFrames);
    } catch (EdgeStoreException e) {
      autoCheckpoint();
      throw e;
    }
  }

  /**
   * Turns SQLite's own checkpoints in this connection's commits back on (every 1,000 pages of log,
   * its default). A failure is not reported: the log then grows until the next connection to open
   * or close checkpoints it, which loses nothing.
   */
  void autoCheckpoint() {
    synchronized (this) {
      try {
        setAutoCheckpoint(1000);
      } catch (EdgeStoreException e) {
        // Nothing committed depends on it.
      }
    }
  }

  /** This connection's {@code wal_autocheckpoint}: pages of log past which a commit checkpoints. */
  int autoCheckpointPages() throws EdgeStoreException {
    synchronized (this) {
      try (java.sql.Statement s = db.createStatement();
          ResultSet r = s.executeQuery("PRAGMA wal_autocheckpoint")) {
        return r.next() ? r.getInt(1) : -1;
      } catch (SQLException e) {
        throw failure("read wal_autocheckpoint", e);
      }
    }
  }

  private void setAutoCheckpoint(int pages) throws EdgeStoreException {
    try (java.sql.Statement s = db.createStatement()) {
      s.execute("PRAGMA wal_autocheckpoint = " + pages);
    } catch (SQLException e) {
      throw failure("set wal_autocheckpoint", e);
    }
  }

  /** The post this store belongs to; empty until a scan names it. */
  public Optional<PostProfile> post() throws EdgeStoreException {
    return new SettingTable(db, file).post();
  }

  /** Makes {@code post} the store's post. */
  public void setPost(PostProfile post) throws EdgeStoreException {
    new SettingTable(db, file).setPost(post);
  }

  /**
   * A setting another part of the edge keeps in the store ({@code serve.token-keys}, ...); empty
   * when it was never set. Names are dotted, prefixed by what owns them; the post's own settings
   * and the clock's mark have their own methods.
   */
  public Optional<String> setting(String name) throws EdgeStoreException {
    return new SettingTable(db, file).get(SettingTable.requireOwnName(name));
  }

  /** Sets {@link #setting} {@code name} to {@code value}, durably. */
  public void putSetting(String name, String value) throws EdgeStoreException {
    new SettingTable(db, file).put(SettingTable.requireOwnName(name), value);
  }

  /**
   * Reads the clock's high-water mark and raises it to {@code wallClock} if that is newer: the mark
   * never moves back, so a clock set back cannot make the cache look younger. The adopted
   * checkpoint's adoption and last sync times count as seen too.
   */
  public ClockReading observeClock(Instant wallClock) throws EdgeStoreException {
    return new SettingTable(db, file).observeClock(wallClock, checkpoint());
  }

  /**
   * Opens a read-only connection to this store for one thread: what concurrent verdicts read while
   * this store's connection writes.
   */
  public StoreReader openReader() throws EdgeStoreException {
    return StoreReader.open(file);
  }

  /** The evidence of misbehaviour this post detected. */
  public EvidenceTable evidence() {
    return new EvidenceTable(db, file);
  }

  /** The scans waiting for upload. */
  public ScanQueue scanQueue() {
    return new ScanQueue(this, db, file);
  }

  /** The post's own sightings. */
  public SightingTable sightings() {
    return new SightingTable(db, file);
  }

  long count(String sql) throws EdgeStoreException {
    try (PreparedStatement q = db.prepareStatement(sql);
        ResultSet r = q.executeQuery()) {
      return r.next() ? r.getLong(1) : 0;
    } catch (SQLException e) {
      throw failure("count rows", e);
    }
  }

  private EdgeStoreException failure(String what, SQLException e) {
    return new EdgeStoreException(file + ": cannot " + what + ": " + e.getMessage(), e);
  }

  private static void requireBelowSize(String what, long value, long size) {
    if (value < 0 || value >= size) {
      throw new IllegalArgumentException(
          what + " " + value + " is outside the store's " + size + " entries");
    }
  }

  private static void requireAtMostSize(String what, long value, long size) {
    if (value < 0 || value > size) {
      throw new IllegalArgumentException(
          what + " " + value + " is beyond the store's " + size + " entries");
    }
  }

  @Override
  public void close() throws EdgeStoreException {
    try {
      db.close();
    } catch (SQLException e) {
      throw failure("close", e);
    }
  }

  private static void closeQuietly(Connection db) {
    if (db != null) {
      try {
        db.close();
      } catch (SQLException ignored) {
        // Already failing; the first error is the one to report.
      }
    }
  }
}
