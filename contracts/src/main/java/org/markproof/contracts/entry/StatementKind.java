package org.markproof.contracts.entry;

import java.util.Optional;

/** The kinds of statement the ledger accepts (DESIGN.md "The ledger"), with their JSON names. */
public enum StatementKind {
  PARTICIPANT_ENROLLED("participant.enrolled"),
  PARTICIPANT_KEY_ROTATED("participant.key-rotated"),
  PARTICIPANT_REVOKED("participant.revoked"),
  TRADEMARK_RECORDED("trademark.recorded"),
  TRADEMARK_STATUS_CHANGED("trademark.status-changed"),
  TRADEMARK_ASSIGNED("trademark.assigned"),
  LICENSE_GRANTED("license.granted"),
  LICENSE_TERMINATED("license.terminated"),
  PRODUCT_REGISTERED("product.registered"),
  BATCH_ISSUED("batch.issued"),
  LABEL_REVOKED("label.revoked"),
  BATCH_REVOKED("batch.revoked"),
  SEIZURE_RECORDED("seizure.recorded");

  private final String wireName;

  StatementKind(String wireName) {
    this.wireName = wireName;
  }

  /** The value of the statement's {@code kind} field. */
  public String wireName() {
    return wireName;
  }

  /** The kind whose JSON name is {@code wireName}, if any. */
  public static Optional<StatementKind> fromWireName(String wireName) {
    for (StatementKind kind : values()) {
      if (kind.wireName.equals(wireName)) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return wireName;
  }
}
