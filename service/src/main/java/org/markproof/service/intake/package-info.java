/**
 * Submissions into the log: {@link org.markproof.service.intake.EntryIntake}, implemented by {@link
 * org.markproof.service.intake.SubmissionIntake}.
 *
 * <p>For the HTTP layer: {@code @Inject EntryIntake intake;} then {@code intake.submit(entry,
 * idempotencyKeyHeaderOrNull)} answers {@code Accepted} (202: leaf hash, receipt, {@code replayed}
 * for retries) or fails with {@link org.markproof.service.intake.RuleViolationsException} (422,
 * every violation) or {@link org.markproof.service.intake.IdempotencyConflictException} or {@link
 * org.markproof.service.intake.NaturalKeyConflictException} (409). With {@code ?wait=true}, {@code
 * intake.awaitSequenced(accepted.submission(), bound)} answers {@code Sequenced} (201: index,
 * checkpoint note, inclusion proof verifying against it), a null item when the bound passes (answer
 * 202), or fails with {@code RuleViolationsException} when the sequencer rejected the entry after
 * all. The JWT subject must be the entry's submitter: checking that is the caller's job.
 */
package org.markproof.service.intake;
