package org.markproof.service.intake;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.markproof.contracts.MalformedDataException;
import org.markproof.contracts.entry.LogEntry;
import org.markproof.contracts.entry.SignedEntry;
import org.markproof.contracts.rules.LedgerState;
import org.markproof.contracts.rules.RuleViolationException;
import org.markproof.contracts.rules.Rules;
import org.markproof.contracts.rules.Violation;
import org.markproof.service.log.index.LedgerView;
import org.markproof.service.log.keys.LogKeys;
import org.markproof.service.log.keys.SubmissionReceipt;

/**
 * The {@link EntryIntake}: checks a signed entry and queues it for the sequencer.
 *
 * <p>{@link #submit}, in order:
 *
 * <ol>
 *   <li>A retry finds the first submission and adds nothing: the same {@code Idempotency-Key} from
 *       the same submitter (the same entry bytes, else {@link IdempotencyConflictException}, 409),
 *       or the same natural key ({@link NaturalKeys}) from the same submitter, not rejected.
 *   <li>The rules ({@link Rules#validate}, signature and enrolled key included) against the index's
 *       current state; if they object, once more against that state with the pending submissions
 *       applied in order, so that an entry may build on accepted ones not yet sequenced (a
 *       registrar's enrolment, then its first mark). Violations → {@link RuleViolationsException}
 *       listing every one.
 *   <li>The leaf is fixed now: {@code LogEntry.of(acceptedAt, entry)}, {@code acceptedAt} in whole
 *       milliseconds and never before the last sequenced entry's time; its hash is answered at once
 *       with a {@link SubmissionReceipt} signed by the timestamp key.
 *   <li>The pending submission row; a concurrent duplicate loses on the unique keys and is answered
 *       as a retry.
 * </ol>
 *
 * <p>The sequencer re-checks every pending entry against the state it is appended to; one that no
 * longer passes (another entry took its mark first) ends {@code rejected} with its violations,
 * which {@link #awaitSequenced} reports as {@link RuleViolationsException}.
 */
@ApplicationScoped
public class SubmissionIntake implements EntryIntake {
  /** Most pending entries replayed when an entry may build on them. */
  private static final int PENDING_OVERLAY_LIMIT = 10_000;

  private final SubmissionRows rows;
  private final LedgerView ledger;
  private final LogKeys keys;
  private final Clock clock;
  private final SequencedWaiter waiter;

  /**
   * The intake over the submission table in {@code pool}, checking against {@code ledger} (the
   * index of the log in the same database).
   */
  @Inject
  public SubmissionIntake(Pool pool, LedgerView ledger, LogKeys keys, Clock clock) {
    this.rows = new SubmissionRows(pool);
    this.ledger = ledger;
    this.keys = keys;
    this.clock = clock;
    this.waiter = new SequencedWaiter(rows, ledger, clock);
  }

  private MeterRegistry metrics;

  /** Counts submissions in {@code markproof_submissions_total{kind, outcome}}. */
  @Inject
  void countSubmissions(MeterRegistry registry) {
    this.metrics = registry;
  }

  @Override
  public Uni<Accepted> submit(SignedEntry entry, String idempotencyKey) {
    String submitter = entry.statement().submitter();
    Optional<String> naturalKey = NaturalKeys.of(entry.statement());
    String kind = entry.statement().kind().wireName();
    return findRetry(entry, idempotencyKey, naturalKey)
        .chain(
            first ->
                first != null
                    ? Uni.createFrom().item(replayed(first))
                    : accept(entry, submitter, idempotencyKey, naturalKey.orElse(null)))
        .invoke(accepted -> count(kind, accepted.replayed() ? "replayed" : "accepted"))
        .onFailure()
        .invoke(
            failure ->
                count(
                    kind,
                    failure instanceof RuleViolationsException
                        ? "refused"
                        : failure instanceof IdempotencyConflictException
                                || failure instanceof NaturalKeyConflictException
                            ? "conflict"
                            : "failed"));
  }

  private void count(String kind, String outcome) {
    MeterRegistry registry = metrics;
    if (registry != null) {
      registry.counter("markproof.submissions", "kind", kind, "outcome", outcome).increment();
    }
  }

  @Override
  public Uni<Sequenced> awaitSequenced(UUID submission, Duration timeout) {
    return waiter.await(submission, timeout);
  }

  private Uni<SubmissionRows.Row> findRetry(
      SignedEntry entry, String idempotencyKey, Optional<String> naturalKey) {
    String submitter = entry.statement().submitter();
    Uni<SubmissionRows.Row> byKey =
        idempotencyKey == null
            ? Uni.createFrom().nullItem()
            : rows.byIdempotencyKey(submitter, idempotencyKey);
    return byKey.chain(
        first -> {
          if (first != null) {
            if (!Arrays.equals(first.entry(), entry.encoded())) {
              return Uni.createFrom().failure(new IdempotencyConflictException(idempotencyKey));
            }
            return Uni.createFrom().item(first);
          }
          if (naturalKey.isEmpty()) {
            return Uni.createFrom().nullItem();
          }
          return rows.byNaturalKey(naturalKey.get())
              .map(row -> row != null && row.submitter().equals(submitter) ? row : null);
        });
  }

  private Uni<Accepted> accept(
      SignedEntry entry, String submitter, String idempotencyKey, String naturalKey) {
    return check(entry)
        .chain(
            acceptedAt -> {
              LogEntry leaf = LogEntry.of(acceptedAt, entry);
              byte[] leafHash = leaf.leafHash();
              String receipt =
                  new SubmissionReceipt(keys.origin(), leafHash, acceptedAt).sign(keys);
              UUID id = UUID.randomUUID();
              return rows.insert(
                      id,
                      idempotencyKey,
                      naturalKey,
                      entry.statement().kind().wireName(),
                      submitter,
                      entry.encoded(),
                      leafHash,
                      acceptedAt,
                      receipt)
                  .replaceWith(new Accepted(id, leafHash, acceptedAt, receipt, false))
                  .onFailure(SubmissionIntake::isUniqueViolation)
                  .recoverWithUni(
                      duplicate ->
                          findRetry(entry, idempotencyKey, Optional.ofNullable(naturalKey))
                              .chain(
                                  first ->
                                      first != null
                                          ? Uni.createFrom().item(replayed(first))
                                          : Uni.createFrom()
                                              .failure(
                                                  new NaturalKeyConflictException(naturalKey))));
            });
  }

  /** Runs the rules off the event loop; returns the acceptance time, or fails with violations. */
  private Uni<Instant> check(SignedEntry entry) {
    return Uni.createFrom()
        .item(
            () -> {
              LedgerState state = ledger.snapshot().state();
              Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
              Instant acceptedAt = state.lastTime().filter(now::isBefore).orElse(now);
              return new Checked(state, acceptedAt, Rules.validate(state, entry, acceptedAt));
            })
        .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
        .chain(
            checked ->
                checked.violations().isEmpty()
                    ? Uni.createFrom().item(checked.acceptedAt())
                    : rows.pendingEntries(PENDING_OVERLAY_LIMIT)
                        .emitOn(Infrastructure.getDefaultWorkerPool())
                        .map(pending -> withPending(checked, pending, entry)));
  }

  private record Checked(LedgerState state, Instant acceptedAt, List<Violation> violations) {}

  private static Instant withPending(Checked checked, List<byte[]> pending, SignedEntry entry) {
    LedgerState state = checked.state();
    for (byte[] encoded : pending) {
      try {
        state = Rules.apply(state, SignedEntry.parseCanonical(encoded), checked.acceptedAt());
      } catch (MalformedDataException | RuleViolationException e) {
        // A pending entry that no longer applies will be rejected by the sequencer: skip it.
      }
    }
    List<Violation> violations = Rules.validate(state, entry, checked.acceptedAt());
    if (!violations.isEmpty()) {
      throw new RuleViolationsException(violations);
    }
    return checked.acceptedAt();
  }

  private static Accepted replayed(SubmissionRows.Row first) {
    return new Accepted(first.id(), first.leafHash(), first.acceptedAt(), first.receipt(), true);
  }

  private static boolean isUniqueViolation(Throwable failure) {
    return failure instanceof PgException pg && "23505".equals(pg.getSqlState());
  }
}
