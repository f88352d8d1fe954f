package org.markproof.edge.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.markproof.contracts.MalformedDataException;
import org.markproof.contracts.crypto.VerifiedSignatures;
import org.markproof.contracts.entry.LogEntry;
import org.markproof.contracts.entry.SignedEntry;
import org.markproof.contracts.rules.LedgerState;
import org.markproof.contracts.rules.RuleViolationException;
import org.markproof.contracts.rules.Rules;

/**
 * Replays entries through the rules on a thread of their own, in index order, while the caller
 * reads, hashes and stores them; the entries are parsed ahead on other threads. The rules run in
 * index order on one thread, and their largest cost is one Ed25519 verification per entry: so the
 * parsing threads also verify the signatures ahead, a chunk at a time as one batch (several times
 * cheaper per signature when many share a key, as a ledger's batches do), with the keys the latest
 * replayed state gives their key ids, into a {@link VerifiedSignatures} memo the rules then
 * consult. The rules still decide: an entry whose key the state did not know yet (its enrolment is
 * in the same stretch), or whose signature failed ahead, is verified again in line, and a signature
 * that fails there breaks the rules as always. The first entry that breaks the rules or does not
 * parse is noted (with its index) and the replay stops there, as in line.
 *
 * <p>With a {@link TerritoryFilter} (a sync into a store kept for some territories) each entry the
 * filter does not keep is skipped ({@link LedgerState#skip}) instead of applied, and which entries
 * were kept is handed back ({@link #pollKept}), so that only those are stored. Entries may come
 * with gaps (the stored entries of such a store): the state is skipped over each gap.
 *
 * <p>Used by a sync for its new entries and by {@link EdgeStore#replayState} for the stored ones.
 */
public final class RuleReplay {
  /** Entries handed over and parsed at a time: one queue operation per chunk, not per entry. */
  private static final int CHUNK = 256;

  private static final CompletableFuture<List<Parsed>> END =
      CompletableFuture.completedFuture(null);

  /** An entry parsed, or why it does not parse. */
  private record Parsed(long index, LogEntry entry, MalformedDataException malformed) {}

  /** Which of a run of consecutive entries from {@code first} the filter kept. */
  public record Kept(long first, boolean[] kept) {}

  private final BlockingQueue<CompletableFuture<List<Parsed>>> queue = new ArrayBlockingQueue<>(64);
  private final ExecutorService parsers;
  private final Thread thread;
  private final Optional<TerritoryFilter> filter;
  private final Queue<Kept> decisions = new ConcurrentLinkedQueue<>();
  private List<byte[]> chunk = new ArrayList<>(CHUNK);
  private long[] chunkIndexes = new long[CHUNK];
  private LedgerState state;

  /** The state after the latest replayed chunk, for the verifications ahead. */
  private volatile LedgerState replayed;

  private final VerifiedSignatures signatures = new VerifiedSignatures(1 << 18);
  private volatile String violation;
  private volatile RuntimeException crash;

  /**
   * Starts replaying onto {@code state}; entries are parsed on {@code parseThreads} threads, and
   * those {@code filter} does not keep are skipped.
   */
  public RuleReplay(LedgerState state, int parseThreads, Optional<TerritoryFilter> filter) {
    this.state = state;
    this.filter = filter;
    this.replayed = state;
    this.parsers =
        Executors.newFixedThreadPool(
            parseThreads,
            task -> {
              Thread t = new Thread(task, "entry-parse");
              t.setDaemon(true);
              return t;
            });
    this.thread = new Thread(this::run, "rule-replay");
    this.thread.setDaemon(true);
    this.thread.start();
  }

  /**
   * Hands entry {@code index} over; entries come in index order, at or after the state's size
   * (skipped over any gap; without gaps when filtering).
   */
  public void add(long index, byte[] leaf) {
    chunkIndexes[chunk.size()] = index;
    chunk.add(leaf);
    if (chunk.size() == CHUNK) {
      handOver();
    }
  }

  /**
   * The next decision of the filter, in index order, or {@code null} when none is ready: every
   * entry handed over gets one, after the replay reached it ({@link #finish} waits for all). After
   * a violation, the rest are not kept.
   */
  public Kept pollKept() {
    return decisions.poll();
  }

  /**
   * Waits for every entry handed over to be replayed.
   *
   * @return the first entry's violation of the rules, or {@code null} when all are accepted
   */
  public String finish() {
    if (!chunk.isEmpty()) {
      handOver();
    }
    put(END);
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the rule replay", e);
    } finally {
      parsers.shutdownNow();
    }
    if (crash != null) {
      throw crash;
    }
    return violation;
  }

  /** Stops the replay without waiting for its result (the sync failed for another reason). */
  public void abandon() {
    thread.interrupt();
    parsers.shutdownNow();
  }

  private void handOver() {
    List<byte[]> leaves = chunk;
    long[] indexes = chunkIndexes;
    chunk = new ArrayList<>(CHUNK);
    chunkIndexes = new long[CHUNK];
    put(CompletableFuture.supplyAsync(() -> parse(indexes, leaves), parsers));
  }

  private List<Parsed> parse(long[] indexes, List<byte[]> leaves) {
    List<Parsed> out = new ArrayList<>(leaves.size());
    List<SignedEntry> entries = new ArrayList<>(leaves.size());
    LedgerState known = replayed;
    for (int i = 0; i < leaves.size(); i++) {
      try {
        LogEntry entry = LogEntry.parse(leaves.get(i));
        entries.add(entry.entry());
        out.add(new Parsed(indexes[i], entry, null));
      } catch (MalformedDataException e) {
        out.add(new Parsed(indexes[i], null, e));
      }
    }
    Rules.verifyAhead(known, entries, signatures);
    return out;
  }

  /** The state after every entry handed over; call after {@link #finish} found no violation. */
  public LedgerState state() {
    return state;
  }

  private void run() {
    try {
      for (var next = queue.take(); next != END; next = queue.take()) {
        List<Parsed> parsed = next.join();
        boolean[] kept = new boolean[parsed.size()];
        for (int i = 0; i < parsed.size() && violation == null; i++) {
          Parsed p = parsed.get(i);
          try {
            if (p.index < state.size() || (filter.isPresent() && p.index != state.size())) {
              throw new IllegalStateException(
                  "entry " + p.index + " handed over where " + state.size() + " was due");
            }
            state = state.skip(p.index - state.size());
            if (p.malformed != null) {
              throw p.malformed;
            }
            kept[i] = filter.isEmpty() || filter.get().keeps(state, p.entry.entry().statement());
            state = kept[i] ? Rules.apply(state, p.entry, signatures) : state.skip(1);
          } catch (MalformedDataException | RuleViolationException e) {
            kept[i] = false;
            violation =
                "entry "
                    + p.index
                    + " is in the signed tree but breaks the rules: "
                    + e.getMessage();
          }
        }
        if (filter.isPresent() && !parsed.isEmpty()) {
          decisions.add(new Kept(parsed.get(0).index, kept));
        }
        replayed = state;
      }
    } catch (InterruptedException e) {
      // Abandoned: nobody waits for the result.
    } catch (CompletionException e) {
      crash =
          e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
      queue.clear();
    } catch (RuntimeException e) {
      crash = e;
      queue.clear();
    }
  }

  private void put(CompletableFuture<List<Parsed>> parsed) {
    try {
      while (!queue.offer(parsed, 100, TimeUnit.MILLISECONDS)) {
        if (!thread.isAlive()) {
          throw crash != null ? crash : new IllegalStateException("the rule replay stopped");
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while handing entries to the rule replay", e);
    }
  }
}
