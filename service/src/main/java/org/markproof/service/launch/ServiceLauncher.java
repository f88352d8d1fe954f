package org.markproof.service.launch;

import io.quarkus.runtime.Application;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.markproof.service.auth.TokenKeyPair;

/**
 * The service's entry point: prepares what a fresh machine lacks, then runs Quarkus.
 *
 * <p>Why a main method rather than a config source or a startup bean: the datasource URLs must be
 * known before Quarkus reads its runtime configuration and Flyway migrates, so the embedded
 * PostgreSQL has to be running before {@link Quarkus#run}. A SmallRye {@code ConfigSourceFactory}
 * could start it, but config sources are also built during the build (and a native image's build),
 * several times per start, and must not have side effects; a main method runs once, in {@code java
 * -jar} and in a native executable alike, and leaves {@code @QuarkusTest}s (which never call it) to
 * their own test database. The price: {@code quarkus:dev} does not run it, so dev mode needs a
 * datasource URL.
 *
 * <p>What it prepares, all under {@code markproof.data-dir}: the embedded database when no URL is
 * configured ({@link DatabaseChoice}); in demo mode, the token key pair when no verification key is
 * configured. The embedded database is stopped after Quarkus has stopped, on any exit.
 */
@QuarkusMain
public final class ServiceLauncher {
  private static final Logger LOG = Logger.getLogger(ServiceLauncher.class);

  private ServiceLauncher() {}

  public static void main(String... args) {
    LaunchSettings settings = LaunchSettings.read();
    Optional<EmbeddedDatabase> database;
    try {
      if (settings.demo()) {
        prepareDemoTokenKeys(settings);
      }
      database = DatabaseChoice.apply(settings);
    } catch (IOException | RuntimeException e) {
      LOG.errorf("Cannot start markproof: %s", e.getMessage());
      System.exit(1);
      return;
    }
    database.ifPresent(ServiceLauncher::stopAfterQuarkus);
    Quarkus.run(args);
  }

  private static void prepareDemoTokenKeys(LaunchSettings settings) throws IOException {
    if (settings.verificationKeyConfigured() && settings.signingKeyConfigured()) {
      return;
    }
    if (settings.verificationKeyConfigured() || settings.signingKeyConfigured()) {
      throw new IllegalArgumentException(
          "demo mode mints its own tokens: configure both "
              + LaunchSettings.SIGNING_KEY_LOCATION
              + " and the matching "
              + LaunchSettings.VERIFICATION_KEY_LOCATION
              + ", or neither to use the generated pair");
    }
    Path keys = settings.dataDir().resolve("keys");
    TokenKeyPair.loadOrCreate(keys, new SecureRandom());
    System.setProperty(
        LaunchSettings.VERIFICATION_KEY_LOCATION,
        keys.resolve(TokenKeyPair.VERIFICATION_KEY_FILE).toString());
    System.setProperty(
        LaunchSettings.SIGNING_KEY_LOCATION,
        keys.resolve(TokenKeyPair.SIGNING_KEY_FILE).toString());
    LOG.infof("Demo mode: access tokens are signed and verified with the key pair in %s", keys);
  }

  /**
   * Stops the database from a shutdown hook that first waits for Quarkus to finish stopping, so
   * that nothing still writing (the sequencer's last batch) loses its server. JVM shutdown hooks
   * run concurrently; Quarkus's own hook stops the application.
   */
  private static void stopAfterQuarkus(EmbeddedDatabase database) {
    Thread hook =
        new Thread(
            () -> {
              Application application = Application.currentApplication();
              if (application != null) {
                application.awaitShutdown();
              }
              database.close();
            },
            "embedded-postgres-stop");
    Runtime.getRuntime().addShutdownHook(hook);
  }
}
