package org.markproof.contracts.verdict;

import java.util.Optional;

/** What a log entry proves for a verdict (docs/verdicts.md "The document", {@code role}). */
public enum EvidenceRole {
  /** The {@code batch.issued} entry of the scanned batch. */
  BATCH("batch"),
  /** The {@code product.registered} entry of the GTIN. */
  PRODUCT("product"),
  /** The {@code trademark.recorded} entry of the product's mark. */
  MARK("mark"),
  /** The {@code trademark.assigned} entry that made the holder reported, when there is one. */
  HOLDER("holder"),
  /** The {@code trademark.status-changed} entry behind the reported status, when there is one. */
  STATUS("status"),
  /** The {@code license.granted} entry the batch was issued under. */
  LICENSE("license"),
  /** The {@code label.revoked} or {@code batch.revoked} entry. */
  REVOCATION("revocation");

  private final String wireName;

  EvidenceRole(String wireName) {
    this.wireName = wireName;
  }

  /** The name used in the document. */
  public String wireName() {
    return wireName;
  }

  /** The role whose document name is {@code wireName}, if any. */
  public static Optional<EvidenceRole> fromWireName(String wireName) {
    for (EvidenceRole role : values()) {
      if (role.wireName.equals(wireName)) {
        return Optional.of(role);
      }
    }
    return Optional.empty();
  }
}
