package org.markproof.service.k8s;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * A configuration mapping interface for {@link ConfigurationKeysTest}: the shapes a service mapping
 * takes (kebab-cased names, optional values, maps, nested groups). Not annotated with
 * {@code @ConfigMapping}, so that Quarkus does not register it in the tests' application.
 */
interface LogSettingsFixture {
  Path signerKeyFile();

  Optional<Duration> batchWindow();

  Map<String, String> labels();

  Witnesses witnesses();

  interface Witnesses {
    int quorum();
  }
}
