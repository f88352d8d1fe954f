package org.markproof.service.intake;

/** An {@code Idempotency-Key} the submitter already used for a different entry (→ 409). */
public final class IdempotencyConflictException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public IdempotencyConflictException(String idempotencyKey) {
    super(
        "Idempotency-Key '"
            + idempotencyKey
            + "' was already used for a different entry; use a new key for a new entry");
  }
}
