package org.markproof.service.testing;

import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.PoolOptions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.flywaydb.core.Flyway;

/**
 * A database of its own, migrated like the service's, on the same PostgreSQL server as the running
 * {@code @QuarkusTest}: for tests that need a log nobody else appends to (the log is one per
 * database, and the service's own sequencer owns the shared one). Dropped on {@link #close()}.
 *
 * <pre>{@code
 * try (FreshLogDatabase database = FreshLogDatabase.create(vertx)) {
 *   LogStore store = new LogStore(database.pool());
 *   ...
 * }
 * }</pre>
 */
public final class FreshLogDatabase implements AutoCloseable {
  private final String serverUrl;
  private final String name;
  private final String user;
  private final String password;
  private final Pool pool;

  private FreshLogDatabase(String serverUrl, String name, String user, String password, Pool pool) {
    this.serverUrl = serverUrl;
    this.name = name;
    this.user = user;
    this.password = password;
    this.pool = pool;
  }

  /** Creates and migrates a new database next to the one the running test uses. */
  public static FreshLogDatabase create(Vertx vertx) {
    Config config = ConfigProvider.getConfig();
    String serverUrl = config.getValue("quarkus.datasource.jdbc.url", String.class);
    String user =
        config.getOptionalValue("quarkus.datasource.username", String.class).orElse("postgres");
    String password =
        config.getOptionalValue("quarkus.datasource.password", String.class).orElse("");
    String name = "markproof_log_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    execute(serverUrl, user, password, "CREATE DATABASE " + name);
    String jdbcUrl = serverUrl.substring(0, serverUrl.lastIndexOf('/') + 1) + name;
    Flyway.configure()
        .dataSource(jdbcUrl, user, password.isEmpty() ? null : password)
        .locations("classpath:db/migration")
        .load()
        .migrate();
    PgConnectOptions options =
        PgConnectOptions.fromUri(jdbcUrl.substring("jdbc:".length())).setUser(user);
    if (!password.isEmpty()) {
      options.setPassword(password);
    }
    io.vertx.sqlclient.Pool pool =
        PgBuilder.pool()
            .connectingTo(options)
            .with(new PoolOptions().setMaxSize(4))
            .using(vertx.getDelegate())
            .build();
    return new FreshLogDatabase(serverUrl, name, user, password, Pool.newInstance(pool));
  }

  /** A reactive pool on this database. */
  public Pool pool() {
    return pool;
  }

  /** The JDBC URL of this database (for direct SQL in tests). */
  public String jdbcUrl() {
    return serverUrl.substring(0, serverUrl.lastIndexOf('/') + 1) + name;
  }

  /** Runs one SQL statement on this database with JDBC. */
  public void execute(String sql) {
    execute(jdbcUrl(), user, password, sql);
  }

  @Override
  public void close() {
    pool.closeAndAwait();
    execute(serverUrl, user, password, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
  }

  private static void execute(String url, String user, String password, String sql) {
    try (Connection c = DriverManager.getConnection(url, user, password);
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("on " + url + ": " + sql + ": " + e.getMessage(), e);
    }
  }
}
