package org.markproof.contracts.checkpoint;

import java.util.List;
import java.util.Set;
import org.markproof.contracts.VerificationException;

/**
 * The verified cosignatures of a checkpoint do not meet a policy's quorum (c2sp.org/tlog-policy).
 * Names the quorum, the witnesses that did cosign, and every unmet group or witness on the way.
 */
public class PolicyNotSatisfiedException extends VerificationException {
  private static final long serialVersionUID = 1L;

  private final String quorum;
  private final Set<String> cosignedBy;
  private final List<String> shortfalls;

  public PolicyNotSatisfiedException(
      String quorum, Set<String> cosignedBy, List<String> shortfalls) {
    super(
        "policy quorum \""
            + quorum
            + "\" is not satisfied; cosigned by "
            + cosignedBy
            + ": "
            + String.join("; ", shortfalls));
    this.quorum = quorum;
    this.cosignedBy = Set.copyOf(cosignedBy);
    this.shortfalls = List.copyOf(shortfalls);
  }

  /** The quorum name. */
  public String quorum() {
    return quorum;
  }

  /** Names of the policy witnesses whose cosignature verified. */
  public Set<String> cosignedBy() {
    return cosignedBy;
  }

  /** One sentence per unmet group or witness, outermost first. */
  public List<String> shortfalls() {
    return shortfalls;
  }
}
