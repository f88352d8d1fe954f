package org.markproof.service.demo;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * A Quarkus of its own on a new, empty database: the demo's first entry must be its operator
 * enrolling itself, as on a new deployment.
 */
public class DemoLedgerProfile implements QuarkusTestProfile {
  @Override
  public Map<String, String> getConfigOverrides() {
    return Map.of("markproof.submissions.max-wait", "20S");
  }
}
