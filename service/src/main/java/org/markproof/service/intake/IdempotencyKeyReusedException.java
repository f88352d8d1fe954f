package org.markproof.service.intake;

import java.util.UUID;

/**
 * An Idempotency-Key the submitter already used for a different entry (draft-ietf-httpapi-
 * idempotency-key-header §2.7: the same key with another payload is a 422 or 409; markproof answers
 * 409 {@code conflict}), or a statement whose natural key another submitter's pending submission
 * holds. Nothing is stored.
 */
public final class IdempotencyKeyReusedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final UUID firstSubmission;

  public IdempotencyKeyReusedException(String message, UUID firstSubmission) {
    super(message);
    this.firstSubmission = firstSubmission;
  }

  /** The submission that holds the key. */
  public UUID firstSubmission() {
    return firstSubmission;
  }
}
