package org.markproof.contracts.rules;

import java.util.Optional;
import org.markproof.contracts.crypto.Ed25519PublicKey;
import org.markproof.contracts.entry.BatchIssued;

/**
 * An issued batch: its label key, its issuer, the right it was issued under (a license id, or empty
 * when the issuer held the mark) and its revocation as a whole, if any.
 */
public record BatchRecord(
    BatchIssued issue,
    EntryRef source,
    Optional<String> license,
    Optional<RevocationRecord> revocation) {
  public String issuer() {
    return issue.submitter();
  }

  /** The public key that signs this batch's labels. */
  public Ed25519PublicKey labelKey() {
    return issue.labelKey();
  }

  BatchRecord revoked(RevocationRecord record) {
    return new BatchRecord(issue, source, license, Optional.of(record));
  }
}
