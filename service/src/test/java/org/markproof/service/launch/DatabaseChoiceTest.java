package org.markproof.service.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** How markproof.database.url is read, and when the launcher refuses to guess. */
class DatabaseChoiceTest {

  @Test
  void acceptsAPostgresqlUrlAndKeepsItsParameters() {
    assertEquals(
        "postgresql://db.internal:5433/ledger?sslmode=require",
        DatabaseChoice.serverUrl("postgresql://db.internal:5433/ledger?sslmode=require"));
  }

  @Test
  void normalisesThePostgresScheme() {
    assertEquals(
        "postgresql://db:5432/markproof", DatabaseChoice.serverUrl("postgres://db:5432/markproof"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "jdbc:postgresql://db:5432/markproof",
        "mysql://db/markproof",
        "postgresql://user:secret@db:5432/markproof",
        "postgresql://db:5432",
        "postgresql://db:5432/",
        "not a url"
      })
  void refusesUrlsItCannotMapToBothClients(String url) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> DatabaseChoice.serverUrl(url));
    assertTrue(e.getMessage().startsWith("markproof.database.url"), e.getMessage());
  }

  @Test
  void refusesAReactiveUrlWithoutTheJdbcUrlTheMigrationsNeed() {
    LaunchSettings settings =
        new LaunchSettings(
            Path.of("/nonexistent"),
            false,
            Optional.of("postgresql://db/markproof"),
            Optional.empty(),
            Optional.empty(),
            false,
            false);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> DatabaseChoice.apply(settings));
    assertTrue(e.getMessage().contains("quarkus.datasource.jdbc.url"), e.getMessage());
  }
}
