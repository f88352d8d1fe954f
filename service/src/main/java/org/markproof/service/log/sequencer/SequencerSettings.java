package org.markproof.service.log.sequencer;

import java.time.Duration;

/**
 * How the sequencer batches and signs.
 *
 * @param batchSize most entries appended in one transaction ({@code
 *     markproof.sequencer.batch-size})
 * @param batchInterval how long it waits for more entries after a batch that was not full ({@code
 *     markproof.sequencer.batch-interval})
 * @param checkpointInterval the longest time between two signed checkpoints while idle ({@code
 *     markproof.log.checkpoint-interval})
 * @param lockRetryInterval how often a replica that is not the leader tries the lock: with the time
 *     PostgreSQL takes to end a dead leader's session, the takeover bound ({@code
 *     markproof.sequencer.lock-retry-interval})
 * @param settleTime how old an accepted submission must be before it is sequenced ({@code
 *     markproof.sequencer.settle-time}): leaves carry their acceptance time and the rules refuse
 *     time going backwards, so the sequencer waits out submissions accepted earlier whose insert
 *     has not committed yet; one slower than this is rejected with TIME_BEFORE_PREVIOUS_ENTRY
 */
public record SequencerSettings(
    int batchSize,
    Duration batchInterval,
    Duration checkpointInterval,
    Duration lockRetryInterval,
    Duration settleTime) {
  public SequencerSettings {
    if (batchSize < 1) {
      throw new IllegalArgumentException("markproof.sequencer.batch-size must be at least 1");
    }
  }
}
