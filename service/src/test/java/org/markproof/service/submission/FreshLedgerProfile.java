package org.markproof.service.submission;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * Runs a test class on a ledger of its own: a profile of its own restarts Quarkus, and with it
 * {@code PostgresTestResource}, on a new empty database, so that the first entry is ours (the
 * operator enrolling itself, as on a new deployment). Classes with this profile share that ledger
 * and make their own participants, marks and goods; only {@link TestLedger#genesis} is shared.
 */
public class FreshLedgerProfile implements QuarkusTestProfile {
  @Override
  public Map<String, String> getConfigOverrides() {
    // A loaded two-core test machine may need more than the production default to sequence and
    // sign; the bound stays a bound (a slower answer is 202, and the test fails).
    return Map.of("markproof.submissions.max-wait", "20S");
  }
}
