package org.markproof.contracts.entry;

import java.util.Optional;

/**
 * The status an office gives a registered mark; only {@code registered} and {@code renewed} marks
 * are live.
 */
public enum TrademarkStatus {
  /** Registered (also: restored after a lapse). */
  REGISTERED("registered"),
  /** Renewed, with a new expiry date. */
  RENEWED("renewed"),
  /** Lapsed, e.g. not renewed in time; may still be restored or renewed late. */
  LAPSED("lapsed"),
  /** Cancelled (surrendered or revoked for non-use); final. */
  CANCELLED("cancelled"),
  /** Declared invalid; final. */
  INVALIDATED("invalidated");

  private final String wireName;

  TrademarkStatus(String wireName) {
    this.wireName = wireName;
  }

  /** Whether a mark in this status may back new products, batches and licenses. */
  public boolean isLive() {
    return this == REGISTERED || this == RENEWED;
  }

  /** Whether no further status change may follow this one. */
  public boolean isFinal() {
    return this == CANCELLED || this == INVALIDATED;
  }

  /** The name used in JSON. */
  public String wireName() {
    return wireName;
  }

  /** The constant whose JSON name is {@code wireName}, if any. */
  public static Optional<TrademarkStatus> fromWireName(String wireName) {
    for (TrademarkStatus value : values()) {
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
