package org.markproof.service.log.index;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * Keeps the {@link LedgerIndex} of every replica current: replays the whole log once at start
 * (before the replica reports ready), then polls the stored head every {@code
 * markproof.index.poll-interval} and replays what any sequencer appended since. On the leader the
 * sequencer also advances the index itself after each batch, so the poll finds nothing new there.
 */
@ApplicationScoped
public class IndexFollower {
  private static final Logger LOG = Logger.getLogger(IndexFollower.class);

  @Inject LedgerIndex index;

  private volatile String lastProblem;

  void replayAtStart(@Observes StartupEvent start) {
    long began = System.nanoTime();
    try {
      long size = index.catchUp().size();
      LOG.infof(
          "Replayed %d log entries into the in-memory index in %d ms",
          size, (System.nanoTime() - began) / 1_000_000);
    } catch (RuntimeException e) {
      LOG.errorf(e, "Cannot replay the log at start; the replica is not ready: %s", e.getMessage());
    }
  }

  @Scheduled(
      every = "${markproof.index.poll-interval}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void poll() {
    try {
      index.catchUp();
      lastProblem = null;
    } catch (RuntimeException e) {
      if (!String.valueOf(e.getMessage()).equals(lastProblem)) {
        LOG.errorf(e, "Cannot follow the log: %s", e.getMessage());
        lastProblem = String.valueOf(e.getMessage());
      }
    }
  }
}
