package org.markproof.edge.sync;

import org.markproof.contracts.VerificationException;
import org.markproof.edge.store.Evidence;

/**
 * The log signed something inconsistent with what this post verified before (a rollback or a fork),
 * or entries that break the rules: the sync refused it and kept the evidence, which this exception
 * carries as stored.
 */
public final class MisbehaviourException extends VerificationException {
  private static final long serialVersionUID = 1L;

  private final transient Evidence evidence;

  public MisbehaviourException(Evidence evidence) {
    super(
        evidence.kind().code()
            + ": "
            + evidence.detail()
            + " (refused; evidence "
            + evidence.id()
            + " kept in the store for upload)");
    this.evidence = evidence;
  }

  /** The evidence as stored. */
  public Evidence evidence() {
    return evidence;
  }
}
