package org.markproof.service.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.markproof.service.testing.PostgresTestResource;

/** The embedded PostgreSQL a fresh machine runs on: a real server, and data that stays. */
class EmbeddedDatabaseTest {
  static final Path BINARIES =
      PostgresTestResource.workDirectory().resolve("embedded-postgres").resolve("binaries");

  @TempDir Path dataDir;

  @Test
  void keepsCommittedRowsAcrossARestart() throws Exception {
    Path cluster = dataDir.resolve("postgres");
    try (EmbeddedDatabase first = EmbeddedDatabase.start(cluster, BINARIES)) {
      execute(first, "CREATE TABLE note (id int PRIMARY KEY, text text NOT NULL)");
      execute(first, "INSERT INTO note VALUES (1, 'kept')");
    }
    try (EmbeddedDatabase second = EmbeddedDatabase.start(cluster, BINARIES)) {
      assertEquals("kept", queryOne(second, "SELECT text FROM note WHERE id = 1"));
      assertEquals(cluster, second.directory());
    }
  }

  @Test
  void flushesCommitsToDiskBeforeAcknowledgingThem() throws Exception {
    try (EmbeddedDatabase database = EmbeddedDatabase.start(dataDir.resolve("pg"), BINARIES)) {
      assertEquals("on", queryOne(database, "SHOW fsync"));
      assertEquals("on", queryOne(database, "SHOW synchronous_commit"));
      assertEquals("localhost", queryOne(database, "SHOW listen_addresses"));
    }
  }

  @Test
  void refusesASecondServerOnADirectoryInUse() throws Exception {
    Path cluster = dataDir.resolve("postgres");
    try (EmbeddedDatabase running = EmbeddedDatabase.start(cluster, BINARIES)) {
      IOException refused =
          assertThrows(IOException.class, () -> EmbeddedDatabase.start(cluster, BINARIES));
      assertTrue(refused.getMessage().contains("another markproof service"), refused.getMessage());
      assertEquals("1", queryOne(running, "SELECT 1"), "the running server must be left alone");
    }
  }

  @Test
  void throwawayClusterStartsEmpty() throws Exception {
    Path cluster = dataDir.resolve("scratch");
    try (EmbeddedDatabase first = EmbeddedDatabase.startThrowaway(cluster, BINARIES)) {
      execute(first, "CREATE TABLE leftover (id int)");
      assertEquals("off", queryOne(first, "SHOW fsync"));
    }
    try (EmbeddedDatabase second = EmbeddedDatabase.startThrowaway(cluster, BINARIES)) {
      assertEquals(
          "0", queryOne(second, "SELECT count(*) FROM pg_tables WHERE tablename = 'leftover'"));
    }
  }

  @Test
  void answersOnTheUrlsItAdvertises() throws Exception {
    try (EmbeddedDatabase database = EmbeddedDatabase.start(dataDir.resolve("pg"), BINARIES)) {
      assertEquals(
          "jdbc:postgresql://localhost:" + database.port() + "/markproof", database.jdbcUrl());
      assertEquals(
          "postgresql://localhost:" + database.port() + "/markproof", database.reactiveUrl());
      assertEquals("markproof", queryOne(database, "SELECT current_database()"));
      assertFalse(database.port() == 5432, "a free port, not the default a local server may hold");
    }
  }

  static void execute(EmbeddedDatabase database, String sql) throws SQLException {
    try (Connection c = connect(database);
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  static String queryOne(EmbeddedDatabase database, String sql) throws SQLException {
    try (Connection c = connect(database);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      assertTrue(rs.next(), sql + " returned no row");
      return rs.getString(1);
    }
  }

  private static Connection connect(EmbeddedDatabase database) throws SQLException {
    return DriverManager.getConnection(database.jdbcUrl(), EmbeddedDatabase.USER, "");
  }
}
