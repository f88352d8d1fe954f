package org.markproof.service.launch;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server run from the service's own jar (zonky's bundled binaries), for a machine
 * that has no database configured.
 *
 * <p>The cluster lives in a caller-chosen directory and is kept across restarts: it is initialised
 * only when the directory holds no cluster yet, and never wiped on close. Durability is switched
 * back on (zonky's test defaults turn {@code fsync} and {@code synchronous_commit} off), because an
 * entry the log acknowledged must survive a crash (except in {@link #startThrowaway}, for tests).
 * The server listens on localhost only, on a port free at start, and its superuser is {@code
 * postgres} with trust authentication.
 */
public final class EmbeddedDatabase implements AutoCloseable {
  /** The database the service's tables live in, created on first start. */
  public static final String DATABASE = "markproof";

  public static final String USER = "postgres";

  private final EmbeddedPostgres postgres;
  private final Path directory;

  private EmbeddedDatabase(EmbeddedPostgres postgres, Path directory) {
    this.postgres = postgres;
    this.directory = directory;
  }

  /**
   * Starts the server on the cluster in {@code directory}, kept across restarts, creating the
   * cluster and the {@value #DATABASE} database if they do not exist yet. Commits are flushed to
   * disk before they are acknowledged.
   *
   * @param directory the cluster's data directory
   * @param binaries where the PostgreSQL binaries are unpacked (reused when already there)
   * @throws IOException if the server does not start, or another live process uses the directory; a
   *     server left running by a killed previous run is stopped first ({@link OrphanedServer})
   */
  public static EmbeddedDatabase start(Path directory, Path binaries) throws IOException {
    return start(directory, binaries, true);
  }

  /**
   * Starts a server on a new, empty cluster in {@code directory} (whatever was there is deleted),
   * without flushing commits to disk: for tests, which throw the cluster away.
   */
  public static EmbeddedDatabase startThrowaway(Path directory, Path binaries) throws IOException {
    if (Files.exists(directory)) {
      OrphanedServer.stopIfRunning(directory, Duration.ofSeconds(30));
      try (Stream<Path> paths = Files.walk(directory)) {
        for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(path);
        }
      }
    }
    return start(directory, binaries, false);
  }

  private static EmbeddedDatabase start(Path directory, Path binaries, boolean durable)
      throws IOException {
    Files.createDirectories(directory);
    Files.createDirectories(binaries);
    OrphanedServer.stopIfRunning(directory, Duration.ofSeconds(30));
    EmbeddedPostgres.Builder builder =
        EmbeddedPostgres.builder()
            .setDataDirectory(directory)
            .setCleanDataDirectory(false)
            .setOverrideWorkingDirectory(binaries.toFile())
            // The launcher stops the server itself, after Quarkus has stopped using it.
            .setRegisterShutdownHook(false)
            .setPGStartupWait(Duration.ofSeconds(60))
            .setServerConfig("listen_addresses", "localhost");
    if (durable) {
      // zonky's defaults are for throwaway test clusters: fsync and synchronous_commit off.
      builder.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on");
    }
    EmbeddedPostgres postgres = builder.start();
    EmbeddedDatabase database = new EmbeddedDatabase(postgres, directory);
    try {
      database.createDatabaseIfMissing();
    } catch (SQLException e) {
      database.close();
      throw new IOException("cannot create database " + DATABASE + " in " + directory, e);
    }
    return database;
  }

  private void createDatabaseIfMissing() throws SQLException {
    try (Connection c = postgres.getPostgresDatabase().getConnection();
        PreparedStatement exists =
            c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
      exists.setString(1, DATABASE);
      try (ResultSet rs = exists.executeQuery()) {
        if (rs.next()) {
          return;
        }
      }
      try (Statement create = c.createStatement()) {
        create.execute("CREATE DATABASE " + DATABASE);
      }
    }
  }

  public int port() {
    return postgres.getPort();
  }

  public Path directory() {
    return directory;
  }

  /** The URL the Vert.x reactive client takes. */
  public String reactiveUrl() {
    return "postgresql://localhost:" + port() + "/" + DATABASE;
  }

  /** The URL JDBC (Flyway's migrations) takes. */
  public String jdbcUrl() {
    return "jdbc:" + reactiveUrl();
  }

  /** Stops the server (fast shutdown: open sessions are ended, committed data stays). */
  @Override
  public void close() {
    try {
      postgres.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
