package org.markproof.contracts.checkpoint;

import java.util.List;

/**
 * A {@code group <name> <all|any|k> <member>...} line of a policy (c2sp.org/tlog-policy §Defining a
 * witness group): the group has witnessed a checkpoint when at least {@code threshold} of its
 * members have.
 *
 * @param name the policy-local name
 * @param threshold k, with {@code any} read as 1 and {@code all} as the member count
 * @param members names of witnesses and groups defined on earlier lines
 */
public record PolicyGroup(String name, int threshold, List<String> members) {
  /** Checks {@code 1 <= threshold <= members}; copies the list. */
  public PolicyGroup {
    members = List.copyOf(members);
    if (threshold < 1 || threshold > members.size()) {
      throw new IllegalArgumentException(
          "threshold " + threshold + " outside [1, " + members.size() + "]");
    }
  }
}
