package org.markproof.service.log.index;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.markproof.service.log.keys.LogKeys;

/**
 * Ready once the in-memory index has replayed the stored log and verified it; down for good if the
 * stored log failed to verify (a security failure, see {@link IndexMismatchException}). Its data
 * says what the replica is: {@code mode} {@code signing}, or {@code verifier-only} for a read-only
 * copy that signs nothing and refuses submissions ({@link LogKeys#isVerifierOnly}).
 */
@Readiness
@ApplicationScoped
public class LedgerIndexReadiness implements HealthCheck {
  @Inject LedgerIndex index;
  @Inject LogKeys keys;

  @Override
  public HealthCheckResponse call() {
    LedgerSnapshot snapshot = index.snapshot();
    HealthCheckResponseBuilder response =
        HealthCheckResponse.named("markproof log index")
            .status(index.isCaughtUp())
            .withData("mode", keys.mode())
            .withData("size", snapshot.size())
            .withData("checkpointSize", snapshot.checkpoint().map(c -> c.size()).orElse(-1L));
    index.failure().ifPresent(f -> response.withData("failure", f.getMessage()));
    return response.build();
  }
}
