package org.markproof.contracts.verdict;

import java.util.Optional;

/** The answer to one scan (docs/verdicts.md "Verdict codes"). */
public enum VerdictCode {
  GENUINE,
  SUSPECT_CLONE,
  REVOKED,
  NOT_AUTHORIZED,
  COUNTERFEIT,
  UNKNOWN,
  MALFORMED,
  /** Edge only: the verified cache is older than its limit. Never given by the service. */
  STALE;

  /** The code named {@code name} exactly, if any. */
  public static Optional<VerdictCode> fromName(String name) {
    for (VerdictCode code : values()) {
      if (code.name().equals(name)) {
        return Optional.of(code);
      }
    }
    return Optional.empty();
  }
}
