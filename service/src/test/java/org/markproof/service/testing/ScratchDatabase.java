package org.markproof.service.testing;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.UUID;

/**
 * A database created for one test run on an existing PostgreSQL server, and dropped after it, so
 * that runs (and engineers sharing a server) never see each other's rows.
 *
 * @param serverUrl the JDBC URL the run was given; its database is only used to connect
 */
record ScratchDatabase(
    String serverUrl, String hostAndPort, String name, String user, String password) {

  static ScratchDatabase create(String serverUrl, String user, String password) {
    if (!serverUrl.startsWith("jdbc:postgresql://")) {
      throw new IllegalArgumentException(
          "markproof.test.jdbc-url: expected jdbc:postgresql://host:port/database, got "
              + serverUrl);
    }
    URI uri = URI.create(serverUrl.substring("jdbc:".length()));
    String hostAndPort = uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
    String name =
        "markproof_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    ScratchDatabase database = new ScratchDatabase(serverUrl, hostAndPort, name, user, password);
    database.execute("CREATE DATABASE " + name);
    return database;
  }

  String reactiveUrl() {
    return "postgresql://" + hostAndPort + "/" + name;
  }

  String jdbcUrl() {
    return "jdbc:" + reactiveUrl();
  }

  void drop() {
    execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
  }

  private void execute(String sql) {
    Properties credentials = new Properties();
    credentials.setProperty("user", user);
    if (!password.isEmpty()) {
      credentials.setProperty("password", password);
    }
    try (Connection c = DriverManager.getConnection(serverUrl, credentials);
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("on " + serverUrl + ": " + sql + ": " + e.getMessage(), e);
    }
  }
}
