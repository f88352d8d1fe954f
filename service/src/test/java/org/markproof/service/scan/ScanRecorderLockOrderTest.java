package org.markproof.service.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.markproof.contracts.crypto.Sha256;

/**
 * Two recorder batches in flight that write the same new evidence never deadlock: the recorder's
 * statement inserts its evidence in id order whatever order the batch gives it. Before, batches
 * wrote it in the order their scans came, and on the 10^6-entry ledger's load PostgreSQL ended a
 * batch as a deadlock several times a minute (each after a second's wait, then retried), until the
 * backlog made the service refuse scans with {@code 503}.
 *
 * <p>The case, on two connections running {@link ScanRecorder#INSERT} as the pool does: A writes
 * evidence X and keeps its transaction open; B writes [Y, X] (Y first, as a batch might give them)
 * and waits for A on X; then A writes Y. Inserted in the given order, B would hold Y and A would
 * wait for it: a deadlock. In id order (X below Y), B waits on X before touching Y, and A goes on.
 */
@QuarkusTest
class ScanRecorderLockOrderTest {
  private static final String TYPES =
      "text[], text[], text[], float8[], float8[], timestamptz[], timestamptz[], boolean[],"
          + " text[], text[], text[], text[], text[], text[], bytea[], bytea[], text[], bytea[],"
          + " bytea[], bytea[]";

  @Inject AgroalDataSource dataSource;

  @Test
  void batchesWritingTheSameNewEvidenceInOppositeOrdersBothGoThrough() throws Exception {
    String run = UUID.randomUUID().toString();
    String[] texts = {"[\"lock order " + run + " a\"]", "[\"lock order " + run + " b\"]"};
    // X is the evidence with the lower id.
    Arrays.sort(texts, (a, b) -> Arrays.compareUnsigned(id(a), id(b)));
    String x = texts[0];
    String y = texts[1];
    try (Connection a = dataSource.getConnection();
        Connection b = dataSource.getConnection();
        // The pool lends two; a third, to watch B from outside both transactions.
        Connection observer =
            java.sql.DriverManager.getConnection(
                a.getMetaData().getURL(), a.getMetaData().getUserName(), null)) {
      prepare(a);
      prepare(b);
      a.setAutoCommit(false);
      b.setAutoCommit(false);
      try {
        int waiting = pid(b); // asked before B's statement holds the connection
        record(a, x);
        CompletableFuture<Integer> second =
            CompletableFuture.supplyAsync(
                () -> {
                  try {
                    record(b, y, x);
                    return stored(b, x, y); // what B wrote, seen inside its transaction
                  } catch (SQLException e) {
                    throw new IllegalStateException(e);
                  }
                });
        awaitLockWait(observer, waiting);
        record(a, y); // had B taken Y first, this would wait for B, and B waits for A: deadlock
        a.rollback(); // nothing of the case stays: B now goes on, writing both
        assertEquals(2, second.get(30, TimeUnit.SECONDS));
      } finally {
        a.rollback();
        b.rollback();
        deallocate(a);
        deallocate(b);
      }
    }
  }

  private static byte[] id(String evidence) {
    return Sha256.hash(evidence.getBytes(StandardCharsets.UTF_8));
  }

  private static void prepare(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("PREPARE record(" + TYPES + ") AS " + ScanRecorder.INSERT);
    }
  }

  private static void deallocate(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("DEALLOCATE record");
    }
  }

  /** Runs the recorder's statement for a batch of no scans and {@code evidence}, in this order. */
  private static void record(Connection c, String... evidence) throws SQLException {
    StringBuilder ids = new StringBuilder("ARRAY[");
    StringBuilder values = new StringBuilder("ARRAY[");
    for (int i = 0; i < evidence.length; i++) {
      String sep = i == 0 ? "" : ", ";
      ids.append(sep).append("'\\x").append(HexFormat.of().formatHex(id(evidence[i]))).append("'");
      values.append(sep).append("convert_to('").append(evidence[i]).append("', 'UTF8')");
    }
    String empty = "'{}', ".repeat(18);
    try (Statement s = c.createStatement()) {
      s.execute("EXECUTE record(" + empty + ids + "]::bytea[], " + values + "]::bytea[])");
    }
  }

  private static int pid(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT pg_backend_pid()")) {
      r.next();
      return r.getInt(1);
    }
  }

  /**
   * Returns once backend {@code pid} waits for a lock (B, behind A). PostgreSQL offers no way to
   * block until another backend waits, so its state is polled (every 10 ms, up to 30 s).
   */
  private static void awaitLockWait(Connection observer, int pid) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    try (PreparedStatement q =
        observer.prepareStatement(
            "SELECT wait_event_type = 'Lock' FROM pg_stat_activity WHERE pid = ?")) {
      q.setInt(1, pid);
      while (System.nanoTime() < deadline) {
        try (ResultSet r = q.executeQuery()) {
          if (r.next() && r.getBoolean(1)) {
            return;
          }
        }
        Thread.sleep(10);
      }
    }
    throw new AssertionError("the second batch never waited for the first");
  }

  private static int stored(Connection c, String... evidence) throws SQLException {
    int n = 0;
    try (PreparedStatement q =
        c.prepareStatement("SELECT count(*) FROM verdict_evidence WHERE id = ?")) {
      for (String e : evidence) {
        q.setBytes(1, id(e));
        try (ResultSet r = q.executeQuery()) {
          r.next();
          n += r.getInt(1);
        }
      }
    }
    assertTrue(n <= evidence.length);
    return n;
  }
}
