package org.markproof.service.launch;

import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The settings the launcher must know before Quarkus starts: where the data directory is, whether
 * this is a demo, and which database to use.
 *
 * <p>They are read from the same sources, in the same order, as Quarkus reads its own configuration
 * (system properties, environment, {@code .env}, {@code config/application.properties}, the
 * packaged {@code application.properties}) with the active profile applied, so that a value set
 * anywhere Quarkus would see it is seen here too. The config built here is private to the launcher
 * and never registered as the application's config.
 */
public record LaunchSettings(
    Path dataDir,
    boolean demo,
    Optional<String> reactiveUrl,
    Optional<String> jdbcUrl,
    Optional<String> databaseUrl,
    boolean verificationKeyConfigured,
    boolean signingKeyConfigured) {

  static final String DATA_DIR = "markproof.data-dir";
  static final String DEMO = "markproof.demo";
  static final String DATABASE_URL = "markproof.database.url";
  static final String REACTIVE_URL = "quarkus.datasource.reactive.url";
  static final String JDBC_URL = "quarkus.datasource.jdbc.url";
  static final String USERNAME = "quarkus.datasource.username";
  static final String VERIFICATION_KEY_LOCATION = "mp.jwt.verify.publickey.location";
  static final String VERIFICATION_KEY = "mp.jwt.verify.publickey";
  static final String SIGNING_KEY_LOCATION = "markproof.auth.signing-key-location";

  /** Reads the settings for the profile Quarkus will run with ({@code prod} unless told). */
  public static LaunchSettings read() {
    String profile =
        Optional.ofNullable(System.getProperty("quarkus.profile"))
            .or(() -> Optional.ofNullable(System.getenv("QUARKUS_PROFILE")))
            .orElse("prod");
    SmallRyeConfig config =
        new SmallRyeConfigBuilder()
            .forClassLoader(LaunchSettings.class.getClassLoader())
            .addDefaultSources()
            .addDefaultInterceptors()
            .withProfile(profile)
            .build();
    return new LaunchSettings(
        Path.of(
                config
                    .getOptionalValue(DATA_DIR, String.class)
                    .orElse(System.getProperty("user.home") + "/.markproof"))
            .toAbsolutePath()
            .normalize(),
        config.getOptionalValue(DEMO, Boolean.class).orElse(false),
        config.getOptionalValue(REACTIVE_URL, String.class),
        config.getOptionalValue(JDBC_URL, String.class),
        config.getOptionalValue(DATABASE_URL, String.class),
        config.getOptionalValue(VERIFICATION_KEY_LOCATION, String.class).isPresent()
            || config.getOptionalValue(VERIFICATION_KEY, String.class).isPresent(),
        config.getOptionalValue(SIGNING_KEY_LOCATION, String.class).isPresent());
  }
}
