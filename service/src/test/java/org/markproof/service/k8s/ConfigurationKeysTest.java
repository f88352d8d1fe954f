package org.markproof.service.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** How environment variables are matched to the service's configuration keys. */
class ConfigurationKeysTest {
  private static final ConfigurationKeys SERVICE =
      ConfigurationKeys.ofServiceModule(RepositoryLayout.serviceModule());

  @Test
  void environmentNameReplacesEveryNonAlphanumericAndUppercases() {
    assertEquals(
        "MP_JWT_VERIFY_PUBLICKEY_LOCATION",
        ConfigurationKeys.environmentName("mp.jwt.verify.publickey.location"));
    assertEquals(
        "QUARKUS_LOG_CATEGORY__IO_ZONKY__LEVEL",
        ConfigurationKeys.environmentName("quarkus.log.category.\"io.zonky\".level"));
    assertEquals(
        "MARKPROOF_AUTH_TOKEN_LIFETIME",
        ConfigurationKeys.environmentName("markproof.auth.token-lifetime"));
  }

  @Test
  void serviceKeysComeFromPropertiesExpressionsAnnotationsAndLauncherConstants() {
    TreeSet<String> keys = SERVICE.keys();
    for (String key :
        List.of(
            "quarkus.http.port", // application.properties
            "markproof.database.username", // ${markproof.database.username:postgres}
            "markproof.auth.signing-key-location", // @ConfigProperty and %test. profile
            "markproof.database.url", // LaunchSettings constant
            "quarkus.datasource.reactive.url")) {
      assertTrue(keys.contains(key), key + " missing from " + keys);
    }
  }

  @Test
  void aVariableSetsTheKeyWhoseEnvironmentNameItIs() {
    assertEquals(Optional.of("markproof.database.url"), SERVICE.keyFor("MARKPROOF_DATABASE_URL"));
    assertEquals(
        Optional.of("quarkus.log.console.json.enabled"),
        SERVICE.keyFor("QUARKUS_LOG_CONSOLE_JSON_ENABLED"));
  }

  @Test
  void aMisspeltVariableSetsNoKey() {
    assertEquals(Optional.empty(), SERVICE.keyFor("MARKPROOF_DATABSE_URL"));
    assertEquals(Optional.empty(), SERVICE.keyFor("markproof_database_url"));
    assertEquals(Optional.empty(), SERVICE.keyFor("MARKPROOF_DATABASE_URL_X"));
  }

  @Test
  void mappingPropertiesAreNamedAsSmallRyeNamesThem() {
    List<String> keys = ConfigurationKeys.mappingKeys(LogSettingsFixture.class, "fixture.log");
    assertEquals(
        new TreeSet<>(
            List.of(
                "fixture.log.signer-key-file",
                "fixture.log.batch-window",
                "fixture.log.labels.*",
                "fixture.log.witnesses.quorum")),
        new TreeSet<>(keys));
    ConfigurationKeys mapping = new ConfigurationKeys(new TreeSet<>(keys));
    assertEquals(
        Optional.of("fixture.log.signer-key-file"), mapping.keyFor("FIXTURE_LOG_SIGNER_KEY_FILE"));
    assertEquals(Optional.of("fixture.log.labels.*"), mapping.keyFor("FIXTURE_LOG_LABELS_TEAM"));
    assertEquals(Optional.empty(), mapping.keyFor("FIXTURE_LOG_LABELS_"));
  }

  @Test
  void aConfigMappingInASourceFileContributesItsProperties() {
    String source =
        """
        package org.markproof.service.k8s;

        @ConfigMapping(prefix = "fixture.log")
        interface LogSettingsFixture {}
        """;
    assertEquals(
        new TreeSet<>(
            List.of(
                "fixture.log.signer-key-file",
                "fixture.log.batch-window",
                "fixture.log.labels.*",
                "fixture.log.witnesses.quorum")),
        new TreeSet<>(
            ConfigurationKeys.fromSource(source, Path.of("k8s", "LogSettingsFixture.java"))));
  }
}
