package org.markproof.service.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The launcher reads its settings where Quarkus would: here, system properties over defaults. */
class LaunchSettingsTest {
  private static final Map<String, String> SET =
      Map.of(
          "markproof.data-dir", "/srv/markproof/../markproof-data",
          "markproof.demo", "true",
          "markproof.database.url", "postgresql://db:5432/ledger",
          "mp.jwt.verify.publickey.location", "/etc/markproof/token.pem");

  @AfterEach
  void clear() {
    SET.keySet().forEach(System::clearProperty);
  }

  @Test
  void readsSystemProperties() {
    SET.forEach(System::setProperty);
    LaunchSettings settings = LaunchSettings.read();
    assertEquals(Path.of("/srv/markproof-data"), settings.dataDir());
    assertTrue(settings.demo());
    assertEquals(Optional.of("postgresql://db:5432/ledger"), settings.databaseUrl());
    assertTrue(settings.verificationKeyConfigured());
    assertFalse(settings.signingKeyConfigured());
  }

  @Test
  void defaultsToAFreshMachine() {
    LaunchSettings settings = LaunchSettings.read();
    assertEquals(Path.of(System.getProperty("user.home"), ".markproof"), settings.dataDir());
    assertFalse(settings.demo());
    assertEquals(Optional.empty(), settings.databaseUrl());
    assertEquals(Optional.empty(), settings.reactiveUrl());
    assertFalse(settings.verificationKeyConfigured());
  }
}
