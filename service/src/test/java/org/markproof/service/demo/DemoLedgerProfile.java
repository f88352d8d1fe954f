package org.markproof.service.demo;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

/**
 * A Quarkus of its own in demo mode on a new, empty database (the demo's first entry must be its
 * operator enrolling itself, as on a new deployment), with its own data directory and a fixed HTTP
 * port, the one the seeder is told when the server starts.
 */
public class DemoLedgerProfile implements QuarkusTestProfile {
  static final Path DATA_DIR =
      Path.of("target", "demo-test-" + UUID.randomUUID().toString().substring(0, 8))
          .toAbsolutePath();
  static final int PORT = 18_181;

  @Override
  public Map<String, String> getConfigOverrides() {
    return Map.of(
        "markproof.demo",
        "true",
        "markproof.data-dir",
        DATA_DIR.toString(),
        "quarkus.http.test-port",
        String.valueOf(PORT),
        "markproof.submissions.max-wait",
        "20S");
  }
}
