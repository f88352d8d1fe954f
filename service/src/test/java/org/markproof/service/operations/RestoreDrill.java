package org.markproof.service.operations;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.mutiny.core.Vertx;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.markproof.service.log.keys.LogKeyFiles;
import org.markproof.service.log.keys.LogKeys;
import org.markproof.service.testing.PostgresTestResource;

/**
 * The restore drill up to the restore, before the service under test starts (docs/operations.md
 * "Restore drill"): "production" ({@link ProductionLog}, signing with a key generated for the run
 * into {@code target/restore-drill/production-keys}) appends entries and signs checkpoints on a
 * database of its own and leaves one submission pending; the database is backed up and restored
 * into a new one ({@link DatabaseBackup}); the service then starts on the restored database with
 * the production key's verifier key alone ({@code markproof.log.verifier-keys}).
 *
 * <p>What the test needs of production comes as {@code markproof.test.drill.*} settings: the
 * server, the production database, the work directory (keys, the checkpoint production served at
 * the backup) and how the copy was made.
 */
public class RestoreDrill implements QuarkusTestResourceLifecycleManager {
  /** The drill log's origin, the production key's name. */
  static final String ORIGIN = "drill.markproof.test/log";

  /** Entries production appends before the backup, after its genesis entry. */
  static final int ENTRIES_BEFORE_BACKUP = 5;

  private DrillServer server;

  @Override
  public Map<String, String> start() {
    Path work = PostgresTestResource.workDirectory().toAbsolutePath().resolve("restore-drill");
    try {
      server = DrillServer.start(work);
      LogKeys keys = newProductionKeys(work);
      DrillServer.Database production = server.migrated("drill_production");
      String served = runProduction(production, keys);
      Files.writeString(checkpointFile(work), served, StandardCharsets.UTF_8);
      DrillServer.Database restored =
          server.adopt("drill_restored_" + UUID.randomUUID().toString().substring(0, 8));
      String copiedWith = DatabaseBackup.copy(server, production, restored.name(), work);
      System.out.println("Restore drill: production's database copied with " + copiedWith);

      Map<String, String> config = new HashMap<>();
      config.put("quarkus.datasource.reactive.url", restored.reactiveUrl());
      config.put("quarkus.datasource.jdbc.url", restored.jdbcUrl());
      config.put("quarkus.datasource.username", restored.user());
      if (!restored.password().isEmpty()) {
        config.put("quarkus.datasource.password", restored.password());
      }
      config.put("markproof.log.verifier-keys", keys.checkpointVerifier().verifierKey().text());
      config.put("markproof.test.drill.host", production.host());
      config.put("markproof.test.drill.port", Integer.toString(production.port()));
      config.put("markproof.test.drill.production-database", production.name());
      config.put("markproof.test.drill.work-dir", work.toString());
      config.put("markproof.test.drill.copied-with", copiedWith);
      return config;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void stop() {
    if (server != null) {
      try {
        server.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      server = null;
    }
  }

  /** Production's keys, generated for this run (the previous run's are deleted first). */
  static LogKeys productionKeys(Path work) throws IOException {
    Path directory = work.resolve("production-keys");
    if (!Files.exists(directory)) {
      throw new IllegalStateException("no production keys in " + directory);
    }
    LogKeyFiles.Loaded loaded = LogKeyFiles.loadOrCreate(directory, ORIGIN, new SecureRandom());
    return LogKeys.of(ORIGIN, loaded.signer(), loaded.timestamp());
  }

  /** The note of the checkpoint production served when it was backed up. */
  static Path checkpointFile(Path work) {
    return work.resolve("production-checkpoint.note");
  }

  private static LogKeys newProductionKeys(Path work) throws IOException {
    Path directory = work.resolve("production-keys");
    if (Files.exists(directory)) {
      try (Stream<Path> old = Files.walk(directory)) {
        for (Path path : old.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(path);
        }
      }
    }
    Files.createDirectories(directory);
    LogKeyFiles.Loaded loaded = LogKeyFiles.loadOrCreate(directory, ORIGIN, new SecureRandom());
    return LogKeys.of(ORIGIN, loaded.signer(), loaded.timestamp());
  }

  /** Appends, signs and leaves one submission pending; returns the newest checkpoint's note. */
  private static String runProduction(DrillServer.Database production, LogKeys keys) {
    Vertx vertx = Vertx.vertx();
    try (ProductionLog log = ProductionLog.start(vertx, production, keys)) {
      log.append(ENTRIES_BEFORE_BACKUP);
      log.leaveOnePending();
      return log.store.latestCheckpoint().await().atMost(Duration.ofSeconds(30)).note();
    } finally {
      vertx.closeAndAwait();
    }
  }
}
