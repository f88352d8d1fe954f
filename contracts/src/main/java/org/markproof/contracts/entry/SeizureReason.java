package org.markproof.contracts.entry;

import java.util.Optional;

/** Why customs seized goods (mirrors the verdict that led to it). */
public enum SeizureReason {
  /** The code or its signature is forged. */
  COUNTERFEIT("counterfeit"),
  /** A genuine code seen where it cannot be (cloned). */
  SUSPECT_CLONE("suspect-clone"),
  /** The issuer had no right to the mark on the issue date. */
  NOT_AUTHORIZED("not-authorized"),
  /** The label or batch was revoked. */
  REVOKED("revoked"),
  /** Another reason, documented outside the log. */
  OTHER("other");

  private final String wireName;

  SeizureReason(String wireName) {
    this.wireName = wireName;
  }

  /** The name used in JSON. */
  public String wireName() {
    return wireName;
  }

  /** The constant whose JSON name is {@code wireName}, if any. */
  public static Optional<SeizureReason> fromWireName(String wireName) {
    for (SeizureReason value : values()) {
      if (value.wireName.equals(wireName)) {
        return Optional.of(value);
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return wireName;
  }
}
