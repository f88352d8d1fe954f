package org.markproof.service.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.markproof.contracts.merkle.MerkleHashes;

/**
 * The log's invariants hold in the database itself (V1__log.sql, checked per statement since
 * V12__statement_level_invariants.sql), whatever the code above it does.
 *
 * <p>Every case runs in a transaction that is rolled back, so the shared test database keeps no
 * row; {@code SET CONSTRAINTS ALL IMMEDIATE} runs the checks deferred to commit. As the sequencer
 * does, a case moves the head before it inserts the entries and subtree hashes the head covers.
 */
@QuarkusTest
class LogSchemaTest {
  @Inject AgroalDataSource dataSource;

  @Test
  void migrationsRanToTheLatestVersion() throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT version, success FROM flyway_schema_history"
                    + " WHERE version IS NOT NULL ORDER BY installed_rank DESC LIMIT 1")) {
      assertTrue(rs.next());
      assertEquals(latestMigrationVersion(), rs.getString(1));
      assertTrue(rs.getBoolean(2));
    }
  }

  /** The highest {@code V<n>__} among the migration scripts the module ships. */
  private static String latestMigrationVersion() {
    try (var files = Files.list(Path.of("src/main/resources/db/migration"))) {
      return String.valueOf(
          files
              .map(f -> f.getFileName().toString())
              .filter(n -> n.matches("V\\d+__.+\\.sql"))
              .mapToInt(n -> Integer.parseInt(n.substring(1, n.indexOf("__"))))
              .max()
              .orElseThrow());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void acceptsABatchAppendedTheWayTheSequencerDoes() throws SQLException {
    inRolledBackTransaction(
        c -> {
          Head head = head(c);
          moveHead(c, head, head.size + 5);
          insertEntries(c, head.size, 3); // one statement, as LogStore.append writes a batch
          appendEntries(c, head.size + 3, 2); // and then statement by statement
          if (head.size == 0) {
            insertNode(c, 1, 0); // leaves 0 and 1 form a complete subtree
          }
          checkDeferredConstraints(c);
          assertEquals(head.size + 5, head(c).size);
        });
  }

  @Test
  void refusesAnEntryThatWouldLeaveAGap() throws SQLException {
    inRolledBackTransaction(
        c -> {
          Head head = head(c);
          SQLException e = assertThrows(SQLException.class, () -> insertEntry(c, head.size + 1));
          assertRefused(e, "the next index is " + head.size);
        });
  }

  @Test
  void refusesAStatementWhoseRowsLeaveAGap() throws SQLException {
    inRolledBackTransaction(
        c -> {
          Head head = head(c);
          moveHead(c, head, head.size + 3);
          SQLException e =
              assertThrows(
                  SQLException.class,
                  () ->
                      update(
                          c,
                          "INSERT INTO log_entry (index, leaf, leaf_hash, sequenced_at, kind,"
                              + " submitter) VALUES (?, ?, ?, now(), 'k', 's'),"
                              + " (?, ?, ?, now(), 'k', 's')",
                          head.size,
                          leaf(head.size),
                          MerkleHashes.leafHash(leaf(head.size)),
                          head.size + 2,
                          leaf(head.size + 2),
                          MerkleHashes.leafHash(leaf(head.size + 2))));
          assertRefused(e, "the next index is " + head.size);
        });
  }

  @Test
  void refusesToAppendAfterAnotherTransactionsUncommittedEntry() throws SQLException {
    inRolledBackTransaction(
        first -> {
          Head head = head(first);
          moveHead(first, head, head.size + 1);
          appendEntries(first, head.size, 1);
          inRolledBackTransaction(
              second -> {
                SQLException e =
                    assertThrows(SQLException.class, () -> insertEntry(second, head.size + 1));
                assertRefused(e, "the next index is " + head.size);
              });
        });
  }

  @Test
  void refusesADuplicateIndex() throws SQLException {
    inRolledBackTransaction(
        c -> {
          Head head = head(c);
          moveHead(c, head, head.size + 2);
          appendEntries(c, head.size, 1);
          SQLException e = assertThrows(SQLException.class, () -> insertEntry(c, head.size));
          assertEquals("23505", e.getSQLState(), e.getMessage()); // the primary key
        });
  }

  @Test
  void refusesANegativeIndex() throws SQLException {
    inRolledBackTransaction(
        c ->
            assertEquals(
                "23514", assertThrows(SQLException.class, () -> insertEntry(c, -1)).getSQLState()));
  }

  @Test
  void refusesALeafHashThatIsNotTheLeafsRfc9162Hash() throws SQLException {
    inRolledBackTransaction(
        c -> {
          Head head = head(c);
          byte[] leaf = leaf(head.size);
          byte[] wrong = MerkleHashes.leafHash("another leaf".getBytes(StandardCharsets.UTF_8));
          SQLException e =
              assertThrows(SQLException.class, () -> insertEntry(c, head.size, leaf, wrong));
          assertRefused(e, "log_entry_leaf_hash_matches");
        });
  }

  @Test
  void refusesEntriesTheHeadDoesNotCover() throws SQLException {
    inRolledBackTransaction(
        c -> {
          Head head = head(c);
          SQLException e = assertThrows(SQLException.class, () -> insertEntries(c, head.size, 2));
          assertRefused(e, "the head covers only " + head.size + " entries");
        });
    inRolledBackTransaction(
        c -> {
          Head head = head(c);
          moveHead(c, head, head.size + 1);
          SQLException e = assertThrows(SQLException.class, () -> insertEntries(c, head.size, 2));
          assertRefused(e, "the head covers only " + (head.size + 1) + " entries");
        });
  }

  @Test
  void refusesToCommitAHeadThatCountsMoreEntriesThanStored() throws SQLException {
    inRolledBackTransaction(
        c -> {
          Head head = head(c);
          moveHead(c, head, head.size + 2);
          appendEntries(c, head.size, 1);
          SQLException e = assertThrows(SQLException.class, () -> checkDeferredConstraints(c));
          assertRefused(e, "does not match the " + (head.size + 1) + " stored entries");
        });
  }

  @Test
  void refusesToShrinkTheLog() throws SQLException {
    inRolledBackTransaction(
        c -> {
          Head head = head(c);
          moveHead(c, head, head.size + 1);
          appendEntries(c, head.size, 1);
          Head grown = head(c);
          SQLException e = assertThrows(SQLException.class, () -> moveHead(c, grown, head.size));
          assertRefused(e, "never shrinks");
        });
  }

  @Test
  void refusesASecondRootForTheSameSize() throws SQLException {
    inRolledBackTransaction(
        c -> {
          Head head = head(c);
          SQLException e =
              assertThrows(
                  SQLException.class,
                  () ->
                      update(
                          c,
                          "UPDATE log_head SET root = ?, version = version + 1",
                          MerkleHashes.leafHash(new byte[] {1})));
          assertRefused(e, "size " + head.size + " already has another root");
        });
  }

  @Test
  void refusesAHeadUpdateThatSkipsAVersion() throws SQLException {
    inRolledBackTransaction(
        c -> {
          Head head = head(c);
          SQLException e =
              assertThrows(
                  SQLException.class, () -> update(c, "UPDATE log_head SET version = version + 2"));
          assertRefused(e, "expected " + (head.version + 1));
        });
  }

  @Test
  void aCompareAndSwapOnAStaleVersionChangesNothing() throws SQLException {
    inRolledBackTransaction(
        c -> {
          Head head = head(c);
          int rows =
              update(
                  c,
                  "UPDATE log_head SET version = version + 1 WHERE version = ?",
                  head.version - 1);
          assertEquals(0, rows);
        });
  }

  @Test
  void refusesToChangeOrDeleteAStoredEntry() throws SQLException {
    inRolledBackTransaction(
        c -> {
          Head head = head(c);
          moveHead(c, head, head.size + 1);
          appendEntries(c, head.size, 1);
          assertRefused(
              assertThrows(
                  SQLException.class,
                  () -> update(c, "UPDATE log_entry SET kind = 'x' WHERE index = ?", head.size)),
              "append-only");
        });
    inRolledBackTransaction(
        c -> {
          Head head = head(c);
          moveHead(c, head, head.size + 1);
          appendEntries(c, head.size, 1);
          assertRefused(
              assertThrows(
                  SQLException.class,
                  () -> update(c, "DELETE FROM log_entry WHERE index = ?", head.size)),
              "append-only");
        });
    inRolledBackTransaction(
        c ->
            assertRefused(
                assertThrows(SQLException.class, () -> update(c, "TRUNCATE log_entry CASCADE")),
                "append-only"));
  }

  @Test
  void refusesASubtreeHashBeyondTheHead() throws SQLException {
    inRolledBackTransaction(
        c -> {
          Head head = head(c);
          SQLException e = assertThrows(SQLException.class, () -> insertNode(c, 0, head.size));
          assertRefused(e, "not a complete subtree");
        });
    inRolledBackTransaction(
        c -> {
          Head head = head(c);
          moveHead(c, head, head.size + 1);
          appendEntries(c, head.size, 1);
          // A level-1 node covers two leaves: the one at size / 2 is not complete yet.
          long size = head.size + 1;
          SQLException e = assertThrows(SQLException.class, () -> insertNode(c, 1, size >> 1));
          assertRefused(e, "not a complete subtree");
        });
  }

  @Test
  void refusesASequencedSubmissionNamingNoStoredEntry() throws SQLException {
    inRolledBackTransaction(
        c -> {
          Head head = head(c);
          SQLException e =
              assertThrows(
                  SQLException.class,
                  () ->
                      update(
                          c,
                          "INSERT INTO submission (id, kind, submitter, entry, status, log_index)"
                              + " VALUES (gen_random_uuid(), 'k', 's', '\\x01', 'sequenced', ?)",
                          head.size + 10));
          assertEquals("23503", e.getSQLState(), e.getMessage());
          assertTrue(e.getMessage().contains("the log holds"), e.getMessage());
        });
    inRolledBackTransaction(
        c -> {
          Head head = head(c);
          moveHead(c, head, head.size + 1);
          appendEntries(c, head.size, 1);
          update(
              c,
              "INSERT INTO submission (id, kind, submitter, entry, status)"
                  + " VALUES ('00000000-0000-4000-8000-00000000beef', 'k', 's', '\\x01',"
                  + " 'pending')");
          String sequence =
              "UPDATE submission SET status = 'sequenced', log_index = ?"
                  + " WHERE id = '00000000-0000-4000-8000-00000000beef'";
          var beforeRefusal = c.setSavepoint();
          SQLException e =
              assertThrows(SQLException.class, () -> update(c, sequence, head.size + 1));
          assertEquals("23503", e.getSQLState(), e.getMessage());
          c.rollback(beforeRefusal);
          // The sequencer settles a batch in one statement: one index past the head refuses it.
          update(
              c,
              "INSERT INTO submission (id, kind, submitter, entry, status)"
                  + " VALUES ('00000000-0000-4000-8000-0000000beef2', 'k', 's', '\\x02',"
                  + " 'pending')");
          SQLException batch =
              assertThrows(
                  SQLException.class,
                  () ->
                      update(
                          c,
                          "UPDATE submission AS s SET status = 'sequenced', log_index = v.idx"
                              + " FROM (VALUES ('00000000-0000-4000-8000-00000000beef'::uuid, ?),"
                              + " ('00000000-0000-4000-8000-0000000beef2'::uuid, ? + 1))"
                              + " AS v(id, idx) WHERE s.id = v.id",
                          head.size,
                          head.size));
          assertEquals("23503", batch.getSQLState(), batch.getMessage());
          c.rollback(beforeRefusal);
          assertEquals(1, update(c, sequence, head.size));
        });
  }

  @Test
  void refusesACheckpointOverMoreThanTheDurableHead() throws SQLException {
    inRolledBackTransaction(
        c -> {
          Head head = head(c);
          SQLException e =
              assertThrows(SQLException.class, () -> insertCheckpoint(c, head.size + 1, head.root));
          assertRefused(e, "only " + head.size + " entries are durable");
        });
  }

  @Test
  void refusesACheckpointOfTheHeadsSizeWithAnotherRoot() throws SQLException {
    inRolledBackTransaction(
        c -> {
          Head head = head(c);
          SQLException e =
              assertThrows(
                  SQLException.class,
                  () -> insertCheckpoint(c, head.size, MerkleHashes.leafHash(new byte[] {2})));
          assertRefused(e, "not the head's root");
        });
  }

  @Test
  void letsACheckpointBeResignedButNeverRerooted() throws SQLException {
    inRolledBackTransaction(
        c -> {
          Head head = head(c);
          // The shared log may hold a checkpoint at the head already (the sequencer, other tests).
          update(
              c,
              "INSERT INTO checkpoint (size, root, note, signed_at) VALUES (?, ?, 'note', now())"
                  + " ON CONFLICT (size) DO NOTHING",
              head.size,
              head.root);
          assertEquals(
              1, update(c, "UPDATE checkpoint SET note = 're-signed' WHERE size = ?", head.size));
          SQLException e =
              assertThrows(
                  SQLException.class,
                  () ->
                      update(
                          c,
                          "UPDATE checkpoint SET root = ? WHERE size = ?",
                          MerkleHashes.leafHash(new byte[] {3}),
                          head.size));
          assertRefused(e, "never change");
        });
  }

  // --- helpers -----------------------------------------------------------------------------

  private record Head(long size, byte[] root, long version) {}

  private interface SqlWork {
    void run(Connection c) throws SQLException;
  }

  private void inRolledBackTransaction(SqlWork work) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        work.run(c);
      } finally {
        c.rollback();
      }
    }
  }

  /** Runs the checks deferred to commit now, as COMMIT would. */
  private static void checkDeferredConstraints(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("SET CONSTRAINTS ALL IMMEDIATE");
    }
  }

  private static Head head(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT size, root, version FROM log_head")) {
      assertTrue(rs.next());
      return new Head(rs.getLong(1), rs.getBytes(2), rs.getLong(3));
    }
  }

  private static void moveHead(Connection c, Head from, long size) throws SQLException {
    int rows =
        update(
            c,
            "UPDATE log_head SET size = ?, root = ?, version = version + 1 WHERE version = ?",
            size,
            MerkleHashes.leafHash(("root of " + size).getBytes(StandardCharsets.UTF_8)),
            from.version);
    assertEquals(1, rows);
  }

  private static void appendEntries(Connection c, long from, int count) throws SQLException {
    for (long index = from; index < from + count; index++) {
      insertEntry(c, index);
    }
  }

  private static byte[] leaf(long index) {
    return ("{\"test-leaf\":" + index + "}").getBytes(StandardCharsets.UTF_8);
  }

  /** {@code count} entries from {@code from} in one statement. */
  private static void insertEntries(Connection c, long from, int count) throws SQLException {
    Long[] indices = new Long[count];
    byte[][] leaves = new byte[count][];
    byte[][] hashes = new byte[count][];
    for (int i = 0; i < count; i++) {
      indices[i] = from + i;
      leaves[i] = leaf(from + i);
      hashes[i] = MerkleHashes.leafHash(leaves[i]);
    }
    try (PreparedStatement p =
        c.prepareStatement(
            "INSERT INTO log_entry (index, leaf, leaf_hash, sequenced_at, kind, submitter)"
                + " SELECT i, l, h, now(), 'test.kind', 'test-submitter'"
                + " FROM unnest(?::bigint[], ?::bytea[], ?::bytea[]) AS r(i, l, h)")) {
      p.setArray(1, c.createArrayOf("bigint", indices));
      p.setArray(2, c.createArrayOf("bytea", leaves));
      p.setArray(3, c.createArrayOf("bytea", hashes));
      p.executeUpdate();
    }
  }

  private static void insertEntry(Connection c, long index) throws SQLException {
    byte[] leaf = leaf(index);
    insertEntry(c, index, leaf, MerkleHashes.leafHash(leaf));
  }

  private static void insertEntry(Connection c, long index, byte[] leaf, byte[] leafHash)
      throws SQLException {
    update(
        c,
        "INSERT INTO log_entry (index, leaf, leaf_hash, sequenced_at, kind, submitter)"
            + " VALUES (?, ?, ?, ?, 'test.kind', 'test-submitter')",
        index,
        leaf,
        leafHash,
        OffsetDateTime.now(ZoneOffset.UTC));
  }

  private static void insertNode(Connection c, int level, long index) throws SQLException {
    update(
        c,
        "INSERT INTO tree_node (level, index, hash) VALUES (?, ?, ?)",
        (short) level,
        index,
        MerkleHashes.leafHash(new byte[] {(byte) level}));
  }

  private static void insertCheckpoint(Connection c, long size, byte[] root) throws SQLException {
    update(
        c,
        "INSERT INTO checkpoint (size, root, note, signed_at) VALUES (?, ?, 'note', now())",
        size,
        root);
  }

  private static int update(Connection c, String sql, Object... parameters) throws SQLException {
    try (PreparedStatement p = c.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        p.setObject(i + 1, parameters[i]);
      }
      return p.executeUpdate();
    }
  }

  private static void assertRefused(SQLException e, String reason) {
    assertEquals("23514", e.getSQLState(), e.getMessage());
    assertTrue(e.getMessage().contains(reason), e.getMessage());
  }
}
