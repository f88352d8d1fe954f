package org.markproof.service.intake;

import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.jboss.logging.Logger;
import org.markproof.contracts.crypto.VerifiedSignatures;
import org.markproof.contracts.entry.SignedEntry;
import org.markproof.contracts.rules.LedgerState;
import org.markproof.contracts.rules.Rules;

/**
 * Verifies concurrent submissions' signatures together: each submission waits here until its
 * signature has been checked in a batch with the others that arrived meanwhile ({@link
 * Rules#verifyAhead(LedgerState, List, VerifiedSignatures)}), then the rules find it in the memo
 * instead of verifying it alone. A batch of signatures by one key (a registrar filing marks, a
 * brand issuing batches) costs about a third of as many verifications.
 *
 * <p>At most {@code drainers} batches run at once, on {@code executor}; each takes its share of
 * what is waiting, up to {@link #MOST}. A submission alone is verified alone, without waiting for
 * company. Decides nothing: a signature that fails, or whose key is not in the current state (an
 * enrolment still pending), is not remembered, and the rules verify it in line and name the
 * failure.
 */
final class SignatureBatches {
  private static final Logger LOG = Logger.getLogger(SignatureBatches.class);

  /** Most signatures in one batch. */
  static final int MOST = 256;

  private record Waiting(SignedEntry entry, CompletableFuture<Void> verified) {}

  private final ConcurrentLinkedQueue<Waiting> waiting = new ConcurrentLinkedQueue<>();
  private final AtomicInteger queued = new AtomicInteger();
  private final AtomicInteger draining = new AtomicInteger();
  private final Supplier<LedgerState> state;
  private final VerifiedSignatures signatures;
  private final Executor executor;
  private final int drainers;

  SignatureBatches(
      Supplier<LedgerState> state, VerifiedSignatures signatures, Executor executor, int drainers) {
    this.state = state;
    this.signatures = signatures;
    this.executor = executor;
    this.drainers = drainers;
  }

  /** Completes once {@code entry}'s signature has been verified (or found wanting) in a batch. */
  Uni<Void> verify(SignedEntry entry) {
    Waiting w = new Waiting(entry, new CompletableFuture<>());
    waiting.add(w);
    queued.incrementAndGet();
    if (claimDrainer()) {
      executor.execute(this::drain);
    }
    return Uni.createFrom().completionStage(w.verified);
  }

  private boolean claimDrainer() {
    for (int n = draining.get(); n < drainers; n = draining.get()) {
      if (draining.compareAndSet(n, n + 1)) {
        return true;
      }
    }
    return false;
  }

  private void drain() {
    while (true) {
      int share = Math.max(1, Math.min(MOST, (queued.get() + drainers - 1) / drainers));
      List<Waiting> batch = new ArrayList<>(share);
      Waiting w;
      while (batch.size() < share && (w = waiting.poll()) != null) {
        batch.add(w);
      }
      queued.addAndGet(-batch.size());
      if (batch.isEmpty()) {
        draining.decrementAndGet();
        // One queued between the poll and the decrement found every drainer busy: take it up.
        if (waiting.isEmpty() || !claimDrainer()) {
          return;
        }
        continue;
      }
      try {
        Rules.verifyAhead(state.get(), batch.stream().map(Waiting::entry).toList(), signatures);
      } catch (RuntimeException e) {
        // Nothing remembered: the rules verify each in line, and name any failure.
        LOG.warnf(e, "verifying %d submissions' signatures ahead failed", batch.size());
      } finally {
        for (Waiting done : batch) {
          done.verified.complete(null);
        }
      }
    }
  }
}
