package org.markproof.service.submission;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import org.markproof.contracts.crypto.VerifiedSignatures;
import org.markproof.contracts.entry.EntrySigner;
import org.markproof.contracts.entry.Statement;
import org.markproof.service.custody.CustodialKeys;
import org.markproof.service.log.index.EntryMemo;

/**
 * Signs statements for participants whose keys the service holds, then submits them like any signed
 * entry: the log holds participant-signed entries either way (issue 3, "Custodial signing").
 * Ed25519 signatures are deterministic (RFC 8032 §5.1.6), so a retried request makes the very same
 * entry and the intake recognises it. The signature is remembered as verified in the replica's
 * {@link VerifiedSignatures} as it is made, so the intake's and the sequencer's checks of it cost a
 * hash, not a verification.
 */
@ApplicationScoped
public class CustodialSubmissions {
  private final CustodialKeys keys;
  private final SubmissionAnswers answers;
  private final VerifiedSignatures signatures;

  CustodialSubmissions(CustodialKeys keys, SubmissionAnswers answers, EntryMemo memo) {
    this.keys = keys;
    this.answers = answers;
    this.signatures = memo.signatures();
  }

  /**
   * Signs {@code statement} with its submitter's custodial key and submits it.
   *
   * @return the answer of {@link SubmissionAnswers}; fails with {@code
   *     CustodialKeyMissingException} (409) when the service holds no key for the submitter
   */
  public Uni<Response> signAndSubmit(Statement statement, String idempotencyKey, boolean wait) {
    return keys.signingKey(statement.submitter())
        .map(key -> EntrySigner.sign(statement, key, signatures))
        .flatMap(entry -> answers.submit(entry, idempotencyKey, wait, true));
  }
}
