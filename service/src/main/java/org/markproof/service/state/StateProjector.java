package org.markproof.service.state;

import io.quarkus.scheduler.Scheduled;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;
import org.markproof.contracts.MalformedDataException;
import org.markproof.contracts.entry.LogEntry;
import org.markproof.contracts.rules.RuleViolationException;
import org.markproof.service.log.index.EntryMemo;
import org.markproof.service.log.store.LogStore;
import org.markproof.service.log.store.StoredEntry;

/**
 * Keeps the state tables current: follows {@code log_entry} past the watermark, replays each entry
 * through the rules, and writes the rows it changed together with the new watermark. Every replica
 * runs one; the watermark's compare-and-swap lets only one write each stretch of the log.
 *
 * <p>The replay starts from entry 0 in memory at every start (the rules need the whole history) and
 * writes only past the watermark. If the log ever holds an entry the rules refuse, projection stops
 * there and says so, rather than show a state the log does not support.
 */
@ApplicationScoped
public class StateProjector {
  private static final Logger LOG = Logger.getLogger(StateProjector.class);
  static final int PAGE = 1_000;

  private final LogStore store;
  private final StateWriter writer;
  private final EntryMemo memo;
  private StateProjection projection;
  private volatile String stopped;

  public StateProjector(LogStore store, Pool pool, EntryMemo memo) {
    this.store = store;
    this.memo = memo;
    this.projection = new StateProjection(memo.signatures());
    this.writer = new StateWriter(pool);
  }

  @Scheduled(
      every = "${markproof.state.poll-interval}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void poll() {
    if (stopped != null) {
      return;
    }
    try {
      catchUp();
    } catch (RuntimeException e) {
      LOG.warnf("State projection paused, will retry: %s", e.getMessage());
    }
  }

  /**
   * Projects every entry the log holds now; blocks, so never call it on an event-loop thread.
   *
   * @return the number of entries now reflected in the state tables (by this or another replica)
   * @throws IllegalStateException if projection has stopped on an entry the rules refuse
   */
  public synchronized long catchUp() {
    if (stopped != null) {
      throw new IllegalStateException(stopped);
    }
    long head = store.head().await().indefinitely().size();
    while (projection.size() < head) {
      long watermark = writer.watermark().await().indefinitely();
      long start = projection.size();
      if (watermark < start) {
        // Another projector wrote only part of what this one replayed: replay again from 0.
        projection = new StateProjection(memo.signatures());
        continue;
      }
      long end = Math.min(head, start + PAGE);
      List<StateRow> rows = new ArrayList<>();
      List<StoredEntry> page = store.entries(start, end).await().indefinitely();
      LogEntry[] parsed =
          memo.parseAhead(page.stream().map(StoredEntry::leaf).toList(), projection.state());
      for (int i = 0; i < page.size(); i++) {
        StoredEntry entry = page.get(i);
        List<StateRow> changed = apply(entry, parsed[i]);
        if (entry.index() >= watermark) {
          rows.addAll(changed);
        }
      }
      if (end > watermark) {
        writer.write(watermark, end, rows).await().indefinitely();
      }
    }
    return writer.watermark().await().indefinitely();
  }

  /** Applies {@code entry}, parsed ahead as {@code parsed} (null if it did not parse). */
  private List<StateRow> apply(StoredEntry entry, LogEntry parsed) {
    try {
      return projection.apply(parsed != null ? parsed : entry.parse());
    } catch (MalformedDataException | RuleViolationException e) {
      stopped =
          "state projection stopped at log entry "
              + entry.index()
              + ": "
              + e.getMessage()
              + "; audit the log (the sequencer must never append such an entry)";
      LOG.error(stopped);
      throw new IllegalStateException(stopped, e);
    }
  }
}
