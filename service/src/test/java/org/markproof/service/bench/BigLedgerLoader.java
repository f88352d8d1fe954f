package org.markproof.service.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.markproof.contracts.crypto.Ed25519PrivateKey;
import org.markproof.contracts.entry.EntrySigner;
import org.markproof.contracts.entry.LogEntry;
import org.markproof.contracts.entry.Statement;
import org.markproof.contracts.merkle.CompactRange;
import org.markproof.contracts.rules.LedgerState;
import org.markproof.contracts.rules.Rules;
import org.markproof.service.launch.EmbeddedDatabase;

/**
 * Loads the {@link BigLedgerPlan} into a stopped demo service's log, straight into its embedded
 * PostgreSQL, as the sequencer would have appended it ({@code LogStore.append}): per chunk, one
 * transaction moves {@code log_head} (compare-and-swap on its version) and copies in the chunk's
 * {@code log_entry} rows and the {@code tree_node} hashes they complete. The frontier is read back
 * and checked against the stored root first; the schema's triggers check contiguity and the head at
 * each commit. The entries are signed by the demo holder's own key, one sequencing time for all.
 *
 * <p>The rules are checked here on the first {@code CHECK} new entries only (against the replayed
 * log); the service checks every entry when it replays the log at its next start and refuses a log
 * that breaks a rule or its root.
 *
 * <p>Usage: {@code BigLedgerLoader DATA_DIR BATCHES SEED [CHECK [CHUNK]]}, with the service
 * stopped.
 */
public final class BigLedgerLoader {
  private BigLedgerLoader() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 3) {
      System.err.println("usage: BigLedgerLoader DATA_DIR BATCHES SEED [CHECK [CHUNK]]");
      System.exit(2);
    }
    Path data = Path.of(args[0]);
    BigLedgerPlan plan = new BigLedgerPlan(args[2], Integer.parseInt(args[1]));
    int check = args.length > 3 ? Integer.parseInt(args[3]) : 1000;
    int chunk = args.length > 4 ? Integer.parseInt(args[4]) : 50_000;
    Ed25519PrivateKey issuer =
        Ed25519PrivateKey.fromSeed(
            Base64.getDecoder()
                .decode(
                    Files.readString(
                            data.resolve("demo/keys/participant-" + BigLedgerPlan.ISSUER + ".key"))
                        .strip()));
    long began = System.nanoTime();
    try (EmbeddedDatabase database =
            EmbeddedDatabase.start(data.resolve("postgres"), data.resolve("postgres-binaries"));
        Connection c = DriverManager.getConnection(database.jdbcUrl(), EmbeddedDatabase.USER, "")) {
      c.setAutoCommit(false);
      LogTables tables = new LogTables(c);
      LogTables.Head head = tables.head();
      CompactRange range = tables.frontier(head);
      Instant time =
          latest(Instant.now().truncatedTo(ChronoUnit.MILLIS), tables.lastSequencedAt(head));
      LocalDate issueDate = time.atZone(ZoneOffset.UTC).toLocalDate();
      List<Statement> revocations = plan.revocations();
      int total = plan.batches() + revocations.size();
      System.out.printf(
          "log at %d entries; appending %d (%d batch.issued, %d revocations) at %s%n",
          head.size(), total, plan.batches(), revocations.size(), time);
      if (check > 0) {
        checkRules(tables, head, plan, issuer, time, issueDate, Math.min(check, plan.batches()));
      }
      CompletableFuture<List<LogEntry>> next =
          CompletableFuture.supplyAsync(
              () -> sign(plan, revocations, issuer, time, issueDate, 0, Math.min(chunk, total)));
      for (int from = 0; from < total; from += chunk) {
        List<LogEntry> entries = next.join();
        int to = Math.min(total, from + chunk);
        int nextFrom = to;
        if (nextFrom < total) {
          next =
              CompletableFuture.supplyAsync(
                  () ->
                      sign(
                          plan,
                          revocations,
                          issuer,
                          time,
                          issueDate,
                          nextFrom,
                          Math.min(total, nextFrom + chunk)));
        }
        long written = System.nanoTime();
        LogTables.Appended appended = tables.append(head, range, entries);
        head = appended.head();
        range = appended.range();
        System.out.printf(
            "  %,d entries, head %,d (chunk written in %d ms, %.0f entries/s overall)%n",
            to,
            head.size(),
            (System.nanoTime() - written) / 1_000_000,
            to / ((System.nanoTime() - began) / 1e9));
      }
      System.out.printf(
          "loaded %d entries in %.1f s; head %d, root %s%n",
          total,
          (System.nanoTime() - began) / 1e9,
          head.size(),
          java.util.HexFormat.of().formatHex(head.root()));
    }
  }

  private static Instant latest(Instant a, Instant b) {
    return b != null && b.isAfter(a) ? b : a;
  }

  /** Signs entries {@code [from, to)} of the plan: the batches, then the revocations. */
  private static List<LogEntry> sign(
      BigLedgerPlan plan,
      List<Statement> revocations,
      Ed25519PrivateKey issuer,
      Instant time,
      LocalDate issueDate,
      int from,
      int to) {
    return Arrays.asList(
        IntStream.range(from, to)
            .parallel()
            .mapToObj(
                i ->
                    LogEntry.of(
                        time,
                        EntrySigner.sign(
                            i < plan.batches()
                                ? plan.issue(i, issueDate)
                                : revocations.get(i - plan.batches()),
                            issuer)))
            .toArray(LogEntry[]::new));
  }

  /** Replays the stored log and applies the first {@code count} new entries through the rules. */
  private static void checkRules(
      LogTables tables,
      LogTables.Head head,
      BigLedgerPlan plan,
      Ed25519PrivateKey issuer,
      Instant time,
      LocalDate issueDate,
      int count)
      throws Exception {
    LedgerState state = LedgerState.empty();
    for (LogEntry stored : tables.entries(head.size())) {
      state = Rules.apply(state, stored);
    }
    for (LogEntry entry : sign(plan, List.of(), issuer, time, issueDate, 0, count)) {
      state = Rules.apply(state, entry);
    }
    System.out.printf("the rules accept the first %d new entries%n", count);
  }

  /** The log tables through JDBC, written as {@code LogStore.append} writes them. */
  static final class LogTables {
    record Head(long size, byte[] root, long version) {}

    record Appended(Head head, CompactRange range) {}

    private final Connection c;

    LogTables(Connection c) {
      this.c = c;
    }

    Head head() throws Exception {
      try (PreparedStatement s = c.prepareStatement("SELECT size, root, version FROM log_head");
          ResultSet rs = s.executeQuery()) {
        rs.next();
        Head head = new Head(rs.getLong(1), rs.getBytes(2), rs.getLong(3));
        c.commit();
        return head;
      }
    }

    Instant lastSequencedAt(Head head) throws Exception {
      if (head.size() == 0) {
        return null;
      }
      try (PreparedStatement s =
          c.prepareStatement("SELECT sequenced_at FROM log_entry WHERE index = ?")) {
        s.setLong(1, head.size() - 1);
        try (ResultSet rs = s.executeQuery()) {
          rs.next();
          Instant at = rs.getObject(1, java.time.OffsetDateTime.class).toInstant();
          c.commit();
          return at;
        }
      }
    }

    List<LogEntry> entries(long size) throws Exception {
      List<LogEntry> entries = new ArrayList<>();
      try (PreparedStatement s =
          c.prepareStatement("SELECT leaf FROM log_entry WHERE index < ? ORDER BY index")) {
        s.setLong(1, size);
        try (ResultSet rs = s.executeQuery()) {
          while (rs.next()) {
            entries.add(LogEntry.parse(rs.getBytes(1)));
          }
        }
      }
      c.commit();
      return entries;
    }

    /** The stored frontier of {@code head}, checked against its root. */
    CompactRange frontier(Head head) throws Exception {
      List<byte[]> hashes = new ArrayList<>();
      for (var id : CompactRange.frontierIds(head.size())) {
        String sql =
            id.level() == 0
                ? "SELECT leaf_hash FROM log_entry WHERE index = ?"
                : "SELECT hash FROM tree_node WHERE level = ? AND index = ?";
        try (PreparedStatement s = c.prepareStatement(sql)) {
          int p = 1;
          if (id.level() > 0) {
            s.setShort(p++, (short) id.level());
          }
          s.setLong(p, id.index());
          try (ResultSet rs = s.executeQuery()) {
            if (!rs.next()) {
              throw new IllegalStateException("frontier node " + id + " is not stored");
            }
            hashes.add(rs.getBytes(1));
          }
        }
      }
      c.commit();
      CompactRange range = CompactRange.restore(head.size(), hashes);
      if (!Arrays.equals(range.root(), head.root())) {
        throw new IllegalStateException("the stored frontier does not hash to the head's root");
      }
      return range;
    }

    /** Appends {@code entries} at {@code head} in one transaction. */
    Appended append(Head head, CompactRange range, List<LogEntry> entries) throws Exception {
      List<byte[]> leafHashes = new ArrayList<>(entries.size());
      entries.forEach(e -> leafHashes.add(e.leafHash()));
      CopyRows nodes = new CopyRows();
      CompactRange extended =
          range.appendAll(
              leafHashes,
              (id, hash) -> {
                if (id.level() > 0) {
                  nodes.field(Integer.toString(id.level())).field(Long.toString(id.index()));
                  nodes.bytea(hash).end();
                }
              });
      Head next = new Head(extended.size(), extended.root(), head.version() + 1);
      try (PreparedStatement s =
          c.prepareStatement(
              "UPDATE log_head SET size = ?, root = ?, version = ? WHERE version = ?")) {
        s.setLong(1, next.size());
        s.setBytes(2, next.root());
        s.setLong(3, next.version());
        s.setLong(4, head.version());
        if (s.executeUpdate() != 1) {
          throw new IllegalStateException("the log head moved: is the service still running?");
        }
      }
      CopyRows rows = new CopyRows();
      long index = head.size();
      for (int i = 0; i < entries.size(); i++) {
        LogEntry entry = entries.get(i);
        Statement statement = entry.entry().statement();
        rows.field(Long.toString(index++)).bytea(entry.encoded()).bytea(leafHashes.get(i));
        rows.field(entry.sequencedAt().toString()).field(statement.kind().wireName());
        rows.field(statement.submitter()).end();
      }
      rows.copyInto(c, "log_entry (index, leaf, leaf_hash, sequenced_at, kind, submitter)");
      nodes.copyInto(c, "tree_node (level, index, hash)");
      c.commit();
      return new Appended(next, extended);
    }
  }
}
