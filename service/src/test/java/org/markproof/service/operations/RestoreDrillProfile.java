package org.markproof.service.operations;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/**
 * The service of the restore drill: on the database {@link RestoreDrill} restored, with the
 * production log key's verifier key alone. The test profile's signer and timestamp key files are
 * unset, and the sequencer is asked for explicitly: a verifier-only service must keep it off
 * anyway. The drill brings its own PostgreSQL, so the shared test database is not started.
 */
public class RestoreDrillProfile implements QuarkusTestProfile {
  @Override
  public Map<String, String> getConfigOverrides() {
    // An empty value unsets a key for SmallRye Config.
    return Map.of(
        "markproof.log.signer-key-file", "",
        "markproof.log.timestamp-key-file", "",
        "markproof.sequencer.enabled", "true");
  }

  @Override
  public List<TestResourceEntry> testResources() {
    return List.of(new TestResourceEntry(RestoreDrill.class));
  }

  @Override
  public boolean disableGlobalTestResources() {
    return true;
  }
}
