package org.markproof.service.log.store;

import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.markproof.contracts.MalformedDataException;
import org.markproof.contracts.entry.LogEntry;
import org.markproof.contracts.entry.Statement;
import org.markproof.contracts.merkle.CompactRange;
import org.markproof.contracts.merkle.NodeId;

/**
 * The log's storage: the tables of {@code V1__log.sql} through the reactive PostgreSQL client. It
 * looks hashes up by node id and appends whole batches; it knows no proof algebra (the contracts'
 * {@code ProofPlanner} says which node ids a proof needs).
 *
 * <p>Level-0 nodes are the leaf hashes of {@code log_entry}; {@code tree_node} holds levels 1 and
 * up.
 */
@ApplicationScoped
public class LogStore {
  /** Entries read per query at most; callers page longer ranges. */
  public static final int MAX_ENTRIES_PER_READ = 10_000;

  private final Pool pool;

  public LogStore(Pool pool) {
    this.pool = pool;
  }

  /** The durable head. */
  public Uni<LogHead> head() {
    return head(pool);
  }

  private static Uni<LogHead> head(SqlClient client) {
    return client
        .query("SELECT size, root, version FROM log_head")
        .execute()
        .map(rows -> toHead(rows.iterator().next()));
  }

  /**
   * Appends {@code entries} at {@code expected.size()} in ONE transaction: moves the head from
   * {@code expected} (compare-and-swap on its version), inserts the entries and the tree hashes
   * they complete. The new root is computed from the frontier read back from storage, after
   * checking that frontier against the stored root, never from memory alone.
   *
   * @return the new head, durable once the returned {@code Uni} completes
   * @throws HeadMovedException (as the failure) if another writer moved the head; nothing written
   * @throws StoredDataException (as the failure) if the stored frontier does not hash to the root
   */
  public Uni<LogHead> append(LogHead expected, List<LogEntry> entries) {
    if (entries.isEmpty()) {
      return Uni.createFrom().item(expected);
    }
    List<byte[]> leafHashes = new ArrayList<>(entries.size());
    for (LogEntry entry : entries) {
      leafHashes.add(entry.leafHash());
    }
    return pool.withTransaction(
        connection ->
            frontier(connection, expected)
                .flatMap(
                    frontier -> {
                      NodeColumns nodes = new NodeColumns(entries.size());
                      CompactRange extended =
                          frontier.appendAll(
                              leafHashes,
                              (id, hash) -> {
                                if (id.level() > 0) {
                                  nodes.add(id, hash);
                                }
                              });
                      LogHead next =
                          new LogHead(extended.size(), extended.root(), expected.version() + 1);
                      return moveHead(connection, expected, next)
                          .flatMap(ignored -> insertEntries(connection, expected.size(), entries))
                          .flatMap(ignored -> insertNodes(connection, nodes))
                          .map(ignored -> next);
                    }));
  }

  private static Uni<CompactRange> frontier(SqlClient client, LogHead expected) {
    List<NodeId> ids = CompactRange.frontierIds(expected.size());
    return hashes(client, ids)
        .map(
            hashes -> {
              CompactRange range;
              try {
                range = CompactRange.restore(expected.size(), hashes);
              } catch (MalformedDataException e) {
                throw new StoredDataException("stored frontier unusable: " + e.getMessage());
              }
              if (!Arrays.equals(range.root(), expected.root())) {
                throw new StoredDataException(
                    "the stored frontier of size "
                        + expected.size()
                        + " does not hash to the head's root; audit the log before appending");
              }
              return range;
            });
  }

  private static Uni<Void> moveHead(SqlClient client, LogHead expected, LogHead next) {
    return client
        .preparedQuery("UPDATE log_head SET size = $1, root = $2, version = $3 WHERE version = $4")
        .execute(
            Tuple.of(next.size(), Buffer.buffer(next.root()), next.version(), expected.version()))
        .map(
            rows -> {
              if (rows.rowCount() != 1) {
                throw new HeadMovedException(expected);
              }
              return null;
            });
  }

  /**
   * The batch's entries in ONE statement over column arrays: PostgreSQL plans and starts the insert
   * once for the batch instead of once per row (the row triggers of V1 still run for every row).
   */
  private static Uni<Void> insertEntries(SqlClient client, long first, List<LogEntry> entries) {
    int n = entries.size();
    Long[] indices = new Long[n];
    Buffer[] leaves = new Buffer[n];
    Buffer[] leafHashes = new Buffer[n];
    OffsetDateTime[] sequencedAt = new OffsetDateTime[n];
    String[] kinds = new String[n];
    String[] submitters = new String[n];
    for (int i = 0; i < n; i++) {
      LogEntry entry = entries.get(i);
      Statement statement = entry.entry().statement();
      indices[i] = first + i;
      leaves[i] = Buffer.buffer(entry.encoded());
      leafHashes[i] = Buffer.buffer(entry.leafHash());
      sequencedAt[i] = entry.sequencedAt().atOffset(ZoneOffset.UTC);
      kinds[i] = statement.kind().wireName();
      submitters[i] = statement.submitter();
    }
    return client
        .preparedQuery(
            "INSERT INTO log_entry (index, leaf, leaf_hash, sequenced_at, kind, submitter)"
                + " SELECT * FROM unnest($1::bigint[], $2::bytea[], $3::bytea[],"
                + " $4::timestamptz[], $5::text[], $6::text[]) ORDER BY 1")
        .execute(Tuple.of(indices, leaves, leafHashes, sequencedAt, kinds, submitters))
        .replaceWithVoid();
  }

  private static Uni<Void> insertNodes(SqlClient client, NodeColumns nodes) {
    if (nodes.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    return client
        .preparedQuery(
            "INSERT INTO tree_node (level, index, hash)"
                + " SELECT * FROM unnest($1::smallint[], $2::bigint[], $3::bytea[])")
        .execute(Tuple.of(nodes.levels(), nodes.indices(), nodes.hashes()))
        .replaceWithVoid();
  }

  /** The tree hashes a batch completes, as the column arrays of one insert. */
  private static final class NodeColumns {
    private final List<Short> levels;
    private final List<Long> indices;
    private final List<Buffer> hashes;

    NodeColumns(int expected) {
      // A batch of k leaves completes at most k nodes above level 0 (plus the frontier's carries).
      levels = new ArrayList<>(expected + 64);
      indices = new ArrayList<>(expected + 64);
      hashes = new ArrayList<>(expected + 64);
    }

    void add(NodeId id, byte[] hash) {
      levels.add((short) id.level());
      indices.add(id.index());
      hashes.add(Buffer.buffer(hash));
    }

    boolean isEmpty() {
      return levels.isEmpty();
    }

    Short[] levels() {
      return levels.toArray(Short[]::new);
    }

    Long[] indices() {
      return indices.toArray(Long[]::new);
    }

    Buffer[] hashes() {
      return hashes.toArray(Buffer[]::new);
    }
  }

  /**
   * The stored entries with indices in {@code [start, end)}, in index order; fewer if the log is
   * shorter.
   *
   * @throws IllegalArgumentException unless {@code 0 <= start <= end} and the range holds at most
   *     {@link #MAX_ENTRIES_PER_READ} entries
   */
  public Uni<List<StoredEntry>> entries(long start, long end) {
    if (start < 0 || end < start || end - start > MAX_ENTRIES_PER_READ) {
      throw new IllegalArgumentException(
          "entry range ["
              + start
              + ", "
              + end
              + ") refused: need 0 <= start <= end and at most "
              + MAX_ENTRIES_PER_READ
              + " entries");
    }
    return pool.preparedQuery(
            "SELECT index, leaf, leaf_hash, sequenced_at FROM log_entry"
                + " WHERE index >= $1 AND index < $2 ORDER BY index")
        .execute(Tuple.of(start, end))
        .map(
            rows -> {
              List<StoredEntry> entries = new ArrayList<>(rows.size());
              for (Row row : rows) {
                entries.add(
                    new StoredEntry(
                        row.getLong("index"),
                        bytes(row, "leaf"),
                        bytes(row, "leaf_hash"),
                        row.getOffsetDateTime("sequenced_at").toInstant()));
              }
              return entries;
            });
  }

  /**
   * The stored hashes of {@code ids}, in the same order.
   *
   * @throws StoredDataException (as the failure) if one is not stored: the caller asked outside the
   *     durable tree, or storage lost a node
   */
  public Uni<List<byte[]>> hashes(List<NodeId> ids) {
    return hashes(pool, ids);
  }

  private static Uni<List<byte[]>> hashes(SqlClient client, List<NodeId> ids) {
    if (ids.isEmpty()) {
      return Uni.createFrom().item(List.of());
    }
    return storedNodes(client, ids, true)
        .map(
            found -> {
              List<byte[]> ordered = new ArrayList<>(ids.size());
              for (NodeId id : ids) {
                byte[] hash = found.get(id);
                if (hash == null) {
                  throw new StoredDataException("tree node " + id + " is not stored");
                }
                ordered.add(hash);
              }
              return ordered;
            });
  }

  /**
   * The stored hashes among {@code ids}, by id; those not stored are left out. Level 0 is read from
   * {@code log_entry}'s leaf hashes when {@code leavesFromEntries}, else from {@code tree_node}
   * like every other level (the audit compares what {@code tree_node} itself holds).
   *
   * <p>One query, with the ids written into its text (numbers only) and sent by the simple query
   * protocol, so that PostgreSQL plans it for these ids and the tables' present size on every call.
   * A prepared statement's generic plan is made once and kept: one made while {@code tree_node} was
   * small hashed the whole table for every later call (pg_stat_statements: 23 ms per append at
   * 250,000 nodes, growing with the log).
   */
  public static Uni<Map<NodeId, byte[]>> storedNodes(
      SqlClient client, List<NodeId> ids, boolean leavesFromEntries) {
    if (ids.isEmpty()) {
      return Uni.createFrom().item(Map.of());
    }
    StringBuilder leaves = new StringBuilder();
    StringBuilder nodes = new StringBuilder();
    for (NodeId id : ids) {
      if (id.level() == 0 && leavesFromEntries) {
        leaves.append(leaves.isEmpty() ? "" : ",").append(id.index());
      } else {
        nodes
            .append(nodes.isEmpty() ? "" : ",")
            .append("(")
            .append(id.level())
            .append("::smallint,")
            .append(id.index())
            .append("::bigint)");
      }
    }
    StringBuilder sql = new StringBuilder();
    if (!leaves.isEmpty()) {
      sql.append("SELECT 0::smallint AS level, index, leaf_hash AS hash FROM log_entry")
          .append(" WHERE index IN (")
          .append(leaves)
          .append(")");
    }
    if (!nodes.isEmpty()) {
      sql.append(sql.isEmpty() ? "" : " UNION ALL ")
          .append("SELECT n.level, n.index, n.hash FROM tree_node n JOIN (VALUES ")
          .append(nodes)
          .append(") AS wanted(level, index) ON n.level = wanted.level AND n.index = wanted.index");
    }
    return client
        .query(sql.toString())
        .execute()
        .map(
            rows -> {
              Map<NodeId, byte[]> found = new HashMap<>();
              for (Row row : rows) {
                found.put(
                    new NodeId(row.getInteger("level"), row.getLong("index")), bytes(row, "hash"));
              }
              return found;
            });
  }

  /**
   * Stores a signed checkpoint. The schema refuses one over entries that are not durable, one whose
   * root is not the head's at the head's size, and a second root for a size already signed; signing
   * the same size and root again replaces the note.
   */
  public Uni<Void> storeCheckpoint(StoredCheckpoint checkpoint) {
    return pool.preparedQuery(
            "INSERT INTO checkpoint (size, root, note, signed_at) VALUES ($1, $2, $3, $4)"
                + " ON CONFLICT (size) DO UPDATE SET root = EXCLUDED.root, note = EXCLUDED.note,"
                + " signed_at = EXCLUDED.signed_at")
        .execute(
            Tuple.of(
                checkpoint.size(),
                Buffer.buffer(checkpoint.root()),
                checkpoint.note(),
                checkpoint.signedAt().atOffset(ZoneOffset.UTC)))
        .replaceWithVoid();
  }

  /** The checkpoint over the largest size, or a null item before the first is signed. */
  public Uni<StoredCheckpoint> latestCheckpoint() {
    return pool.query(
            "SELECT size, root, note, signed_at FROM checkpoint ORDER BY size DESC LIMIT 1")
        .execute()
        .map(LogStore::firstCheckpoint);
  }

  /** The checkpoint signed at {@code size}, or a null item if none was. */
  public Uni<StoredCheckpoint> checkpoint(long size) {
    return pool.preparedQuery("SELECT size, root, note, signed_at FROM checkpoint WHERE size = $1")
        .execute(Tuple.of(size))
        .map(LogStore::firstCheckpoint);
  }

  /** Every stored checkpoint with a size in {@code [from, to]}, smallest first. */
  public Uni<List<StoredCheckpoint>> checkpoints(long from, long to) {
    return pool.preparedQuery(
            "SELECT size, root, note, signed_at FROM checkpoint"
                + " WHERE size >= $1 AND size <= $2 ORDER BY size")
        .execute(Tuple.of(from, to))
        .map(
            rows -> {
              List<StoredCheckpoint> checkpoints = new ArrayList<>(rows.size());
              for (Row row : rows) {
                checkpoints.add(toCheckpoint(row));
              }
              return checkpoints;
            });
  }

  private static StoredCheckpoint firstCheckpoint(RowSet<Row> rows) {
    return rows.size() == 0 ? null : toCheckpoint(rows.iterator().next());
  }

  private static StoredCheckpoint toCheckpoint(Row row) {
    Instant signedAt = row.getOffsetDateTime("signed_at").toInstant();
    return new StoredCheckpoint(
        row.getLong("size"), bytes(row, "root"), row.getString("note"), signedAt);
  }

  private static LogHead toHead(Row row) {
    return new LogHead(row.getLong("size"), bytes(row, "root"), row.getLong("version"));
  }

  private static byte[] bytes(Row row, String column) {
    return row.getBuffer(column).getBytes();
  }
}
