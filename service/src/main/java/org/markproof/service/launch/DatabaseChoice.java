package org.markproof.service.launch;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Decides which PostgreSQL the service uses, and tells Quarkus through system properties.
 *
 * <ol>
 *   <li>{@code quarkus.datasource.reactive.url} set (production, Kubernetes): that server, as
 *       configured; {@code quarkus.datasource.jdbc.url} must name it too, for the migrations.
 *   <li>{@code markproof.database.url} set, as {@code postgresql://host[:port]/database[?params]}:
 *       that server, the one URL mapped to both the reactive and the JDBC URL (credentials in
 *       {@code markproof.database.username} / {@code markproof.database.password}).
 *   <li>neither: an {@link EmbeddedDatabase} in {@code <data-dir>/postgres}, kept across restarts.
 * </ol>
 */
final class DatabaseChoice {
  private static final Logger LOG = Logger.getLogger(DatabaseChoice.class);

  private DatabaseChoice() {}

  /**
   * Applies the choice; returns the embedded database if one was started (its owner stops it).
   *
   * @throws IllegalArgumentException if the configured URLs are incomplete or malformed
   * @throws IOException if the embedded database cannot start
   */
  static Optional<EmbeddedDatabase> apply(LaunchSettings settings) throws IOException {
    if (settings.reactiveUrl().isPresent()) {
      if (settings.jdbcUrl().isEmpty()) {
        throw new IllegalArgumentException(
            LaunchSettings.REACTIVE_URL
                + " is set but "
                + LaunchSettings.JDBC_URL
                + " is not: the schema migrations need the same server's JDBC URL (or set only "
                + LaunchSettings.DATABASE_URL
                + ")");
      }
      LOG.infof("Using the configured PostgreSQL at %s", settings.reactiveUrl().get());
      return Optional.empty();
    }
    if (settings.databaseUrl().isPresent()) {
      String url = serverUrl(settings.databaseUrl().get());
      System.setProperty(LaunchSettings.REACTIVE_URL, url);
      System.setProperty(LaunchSettings.JDBC_URL, "jdbc:" + url);
      LOG.infof("Using the configured PostgreSQL at %s", url);
      return Optional.empty();
    }
    EmbeddedDatabase database =
        EmbeddedDatabase.start(
            settings.dataDir().resolve("postgres"),
            settings.dataDir().resolve("postgres-binaries"));
    System.setProperty(LaunchSettings.REACTIVE_URL, database.reactiveUrl());
    System.setProperty(LaunchSettings.JDBC_URL, database.jdbcUrl());
    System.setProperty(LaunchSettings.USERNAME, EmbeddedDatabase.USER);
    LOG.infof(
        "No datasource URL configured: started an embedded PostgreSQL at %s, data in %s (kept"
            + " across restarts; set %s or QUARKUS_DATASOURCE_REACTIVE_URL to use a server)",
        database.reactiveUrl(), database.directory(), LaunchSettings.DATABASE_URL);
    return Optional.of(database);
  }

  /** Checks a {@code markproof.database.url} and returns it with the scheme {@code postgresql}. */
  static String serverUrl(String configured) {
    URI uri;
    try {
      uri = new URI(configured);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(
          LaunchSettings.DATABASE_URL + ": not a URL (" + e.getMessage() + ")", e);
    }
    if (!"postgresql".equals(uri.getScheme()) && !"postgres".equals(uri.getScheme())) {
      throw new IllegalArgumentException(
          LaunchSettings.DATABASE_URL
              + ": expected postgresql://host[:port]/database, got scheme "
              + uri.getScheme());
    }
    if (uri.getRawUserInfo() != null) {
      throw new IllegalArgumentException(
          LaunchSettings.DATABASE_URL
              + ": put credentials in markproof.database.username and markproof.database.password,"
              + " not in the URL");
    }
    if (uri.getHost() == null || uri.getPath() == null || uri.getPath().length() < 2) {
      throw new IllegalArgumentException(
          LaunchSettings.DATABASE_URL + ": expected postgresql://host[:port]/database");
    }
    return "postgresql" + configured.substring(uri.getScheme().length());
  }
}
