package org.markproof.service.log.sequencer;

/**
 * The sequencer no longer holds (or cannot prove it holds) the leader lock, or another sequencer
 * moved the log head: it must stop signing and step down at once.
 */
public final class LeadershipLostException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public LeadershipLostException(String message, Throwable cause) {
    super(message, cause);
  }
}
