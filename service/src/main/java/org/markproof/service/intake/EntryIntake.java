package org.markproof.service.intake;

import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.UUID;
import org.markproof.contracts.entry.SignedEntry;

/**
 * The one way into the log. Both submission paths use it: participants who sign their own entries
 * ({@code POST /v1/entries}) and the custodial endpoints that sign for participants whose key the
 * service holds. Either way the log holds participant-signed entries.
 */
public interface EntryIntake {

  /**
   * Accepts a participant-signed entry for sequencing: its signature must verify with the key the
   * ledger has enrolled for its submitter, and the rules must accept it against the current state.
   * A retry (the same {@code idempotencyKey} from the same submitter, or the same natural key)
   * answers with the first submission, {@link Accepted#replayed()} set, and adds no leaf.
   *
   * @param idempotencyKey the client's {@code Idempotency-Key}, or null
   * @return the acceptance, durable (the submission is stored) when the {@code Uni} completes; it
   *     fails with {@link RuleViolationsException} when the rules or the signature refuse the
   *     entry, and with {@link IdempotencyConflictException} when the key was used for another
   *     entry
   */
  Uni<Accepted> submit(SignedEntry entry, String idempotencyKey);

  /**
   * Waits at most {@code timeout} for the submission to be sequenced and covered by a signed
   * checkpoint.
   *
   * @return the outcome, or a null item if it is still pending when the time is up; fails with
   *     {@link RuleViolationsException} if the sequencer refused it
   */
  Uni<Sequenced> awaitSequenced(UUID submission, Duration timeout);
}
