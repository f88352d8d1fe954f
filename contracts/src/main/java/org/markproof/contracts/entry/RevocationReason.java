package org.markproof.contracts.entry;

import java.util.Optional;

/** Why labels or a whole batch are revoked. */
public enum RevocationReason {
  /** Labels were stolen before being applied to genuine goods. */
  STOLEN("stolen"),
  /** The goods are recalled. */
  RECALL("recall"),
  /** The codes were found on goods seized as counterfeit. */
  COUNTERFEIT_SEIZED("counterfeit-seized"),
  /** Another reason, documented outside the log. */
  OTHER("other");

  private final String wireName;

  RevocationReason(String wireName) {
    this.wireName = wireName;
  }

  /** The name used in JSON. */
  public String wireName() {
    return wireName;
  }

  /** The constant whose JSON name is {@code wireName}, if any. */
  public static Optional<RevocationReason> fromWireName(String wireName) {
    for (RevocationReason value : values()) {
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
