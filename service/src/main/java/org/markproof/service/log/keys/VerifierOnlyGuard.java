package org.markproof.service.log.keys;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;

/**
 * Refuses every {@link SubmitsToLog} request on a verifier-only service with {@link
 * LogReadOnlyException} (503 {@code log-read-only}) before the resource method runs. The last line
 * of defence is {@link LogKeys} itself, which throws the same exception when asked to sign a
 * receipt or a checkpoint.
 */
@Provider
@SubmitsToLog
public class VerifierOnlyGuard implements ContainerRequestFilter {
  @Inject LogKeys keys;

  @Override
  public void filter(ContainerRequestContext request) {
    if (keys.isVerifierOnly()) {
      throw new LogReadOnlyException();
    }
  }
}
