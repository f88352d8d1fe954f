package org.markproof.service.intake;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.sqlclient.Pool;
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
import org.markproof.contracts.crypto.VerifiedSignatures;
import org.markproof.contracts.entry.LogEntry;
import org.markproof.contracts.entry.SignedEntry;
import org.markproof.contracts.rules.LedgerState;
import org.markproof.contracts.rules.RuleViolationException;
import org.markproof.contracts.rules.Rules;
import org.markproof.contracts.rules.Violation;
import org.markproof.service.log.index.EntryMemo;
import org.markproof.service.log.index.LedgerView;
import org.markproof.service.log.keys.LogKeys;
import org.markproof.service.log.keys.SubmissionReceipt;

/**
 * The {@link EntryIntake}: checks a signed entry and queues it for the sequencer.
 *
 * <p>{@link #submit}, in order:
 *
 * <ol>
 *   <li>The signature, verified in a batch with those of concurrent submissions ({@link
 *       SignatureBatches}) into the replica's {@link VerifiedSignatures}.
 *   <li>The rules ({@link Rules#validate}, signature and enrolled key included, the signature
 *       through the replica's {@link VerifiedSignatures}, where the batch left it, so that neither
 *       they, the sequencer nor the projection verify it again) against the index's current state.
 *   <li>If they object: a retry finds the first submission and adds nothing — the same {@code
 *       Idempotency-Key} from the same submitter (the same entry bytes, else {@link
 *       IdempotencyConflictException}, 409), or the same natural key ({@link NaturalKeys}) from the
 *       same submitter, not rejected. Otherwise the rules once more against the current state with
 *       the pending submissions applied in order, so that an entry may build on accepted ones not
 *       yet sequenced (a registrar's enrolment, then its first mark). Violations → {@link
 *       RuleViolationsException} listing every one.
 *   <li>The leaf is fixed now: {@code LogEntry.of(acceptedAt, entry)}, {@code acceptedAt} in whole
 *       milliseconds and never before the last sequenced entry's time; its hash is answered with a
 *       {@link SubmissionReceipt} signed by the timestamp key.
 *   <li>The pending submission row, written with concurrent ones in one commit ({@link
 *       SubmissionInserts}) before the answer. A row a unique key keeps out (a retry of a
 *       submission still pending, or a concurrent duplicate) is answered as a retry of the first,
 *       or as {@link NaturalKeyConflictException} when another submitter holds the natural key.
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
  private final SubmissionInserts inserts;
  private final LedgerView ledger;
  private final LogKeys keys;
  private final Clock clock;
  private final SequencedWaiter waiter;
  private final EntryMemo memo;
  private final VerifiedSignatures signatures;
  private final SignatureBatches batches;

  /**
   * The intake over the submission table in {@code pool}, checking against {@code ledger} (the
   * index of the log in the same database).
   */
  @Inject
  public SubmissionIntake(Pool pool, LedgerView ledger, LogKeys keys, Clock clock, EntryMemo memo) {
    this.memo = memo;
    this.signatures = memo.signatures();
    this.rows = new SubmissionRows(pool);
    this.inserts = new SubmissionInserts(pool);
    this.ledger = ledger;
    this.keys = keys;
    this.clock = clock;
    this.waiter = new SequencedWaiter(rows, ledger, clock);
    this.batches =
        new SignatureBatches(
            () -> ledger.snapshot().state(),
            signatures,
            command -> Infrastructure.getDefaultWorkerPool().execute(command),
            Runtime.getRuntime().availableProcessors());
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
    return accept(entry, submitter, idempotencyKey, naturalKey)
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

  /**
   * The rules first, then one write: a retry is looked up only when the rules object (the first
   * submission is already in the log) or a unique key keeps the row out (it is still pending), so
   * that a new submission costs no lookup.
   */
  private Uni<Accepted> accept(
      SignedEntry entry, String submitter, String idempotencyKey, Optional<String> naturalKey) {
    return batches
        .verify(entry)
        .chain(() -> check(entry))
        .chain(
            checked -> {
              if (!checked.violations().isEmpty()) {
                return findRetry(entry, idempotencyKey, naturalKey)
                    .chain(
                        first ->
                            first != null
                                ? Uni.createFrom().item(replayed(first))
                                : withPending(checked, entry)
                                    .chain(
                                        acceptedAt ->
                                            write(
                                                entry,
                                                submitter,
                                                idempotencyKey,
                                                naturalKey,
                                                acceptedAt)));
              }
              return write(entry, submitter, idempotencyKey, naturalKey, checked.acceptedAt());
            });
  }

  private Uni<Accepted> write(
      SignedEntry entry,
      String submitter,
      String idempotencyKey,
      Optional<String> naturalKey,
      Instant acceptedAt) {
    LogEntry leaf = LogEntry.of(acceptedAt, entry);
    byte[] leafHash = leaf.leafHash();
    memo.remember(leaf);
    String receipt = new SubmissionReceipt(keys.origin(), leafHash, acceptedAt).sign(keys);
    UUID id = UUID.randomUUID();
    return inserts
        .insert(
            new SubmissionInserts.NewRow(
                id,
                idempotencyKey,
                naturalKey.orElse(null),
                entry.statement().kind().wireName(),
                submitter,
                entry.encoded(),
                leafHash,
                acceptedAt,
                receipt))
        .chain(
            written ->
                written
                    ? Uni.createFrom().item(new Accepted(id, leafHash, acceptedAt, receipt, false))
                    : findRetry(entry, idempotencyKey, naturalKey)
                        .chain(
                            first ->
                                first != null
                                    ? Uni.createFrom().item(replayed(first))
                                    : Uni.createFrom()
                                        .failure(
                                            new NaturalKeyConflictException(
                                                naturalKey.orElse(null)))));
  }

  /** Runs the rules off the event loop: the acceptance time and what the rules found. */
  private Uni<Checked> check(SignedEntry entry) {
    return Uni.createFrom()
        .item(
            () -> {
              LedgerState state = ledger.snapshot().state();
              Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
              Instant acceptedAt = state.lastTime().filter(now::isBefore).orElse(now);
              return new Checked(
                  state, acceptedAt, Rules.validate(state, entry, acceptedAt, signatures));
            })
        .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
  }

  private record Checked(LedgerState state, Instant acceptedAt, List<Violation> violations) {}

  /**
   * The entry against the state with the pending submissions applied in order, so that it may build
   * on accepted ones not yet sequenced (a registrar's enrolment, then its first mark).
   */
  private Uni<Instant> withPending(Checked checked, SignedEntry entry) {
    return rows.pendingEntries(PENDING_OVERLAY_LIMIT)
        .emitOn(Infrastructure.getDefaultWorkerPool())
        .map(
            pending -> {
              LedgerState state = checked.state();
              for (byte[] encoded : pending) {
                try {
                  state =
                      Rules.apply(
                          state,
                          SignedEntry.parseCanonical(encoded),
                          checked.acceptedAt(),
                          signatures);
                } catch (MalformedDataException | RuleViolationException e) {
                  // A pending entry that no longer applies will be rejected by the sequencer.
                }
              }
              List<Violation> violations =
                  Rules.validate(state, entry, checked.acceptedAt(), signatures);
              if (!violations.isEmpty()) {
                throw new RuleViolationsException(violations);
              }
              return checked.acceptedAt();
            });
  }

  private static Accepted replayed(SubmissionRows.Row first) {
    return new Accepted(first.id(), first.leafHash(), first.acceptedAt(), first.receipt(), true);
  }
}
