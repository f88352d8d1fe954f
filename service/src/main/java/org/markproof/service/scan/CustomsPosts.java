package org.markproof.service.scan;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import org.markproof.contracts.entry.ParticipantRole;
import org.markproof.contracts.problem.ProblemCode;
import org.markproof.contracts.rules.ParticipantRecord;
import org.markproof.service.log.index.LedgerView;
import org.markproof.service.problem.Problem;
import org.markproof.service.submission.SubmissionProblem;

/**
 * The post of a customs officer, from the ledger's current state: who may scan, upload or report
 * for a border post. The token says the group; the ledger says whether its subject is an active
 * customs participant and at which post.
 */
@ApplicationScoped
public class CustomsPosts {
  private final LedgerView ledger;

  CustomsPosts(LedgerView ledger) {
    this.ledger = ledger;
  }

  /**
   * The post of {@code subject}.
   *
   * @throws SubmissionProblem 403 unless it is an active customs participant in the ledger
   */
  public String postOf(String subject) {
    Optional<ParticipantRecord> who = ledger.snapshot().state().participant(subject);
    if (who.isEmpty()
        || !who.get().isActive()
        || !(who.get().role() instanceof ParticipantRole.Customs customs)) {
      throw new SubmissionProblem(
          ProblemCode.FORBIDDEN,
          subject + " is not an active customs participant in the ledger",
          List.of(),
          "the operator enrols customs officers with their post");
    }
    return customs.post();
  }

  /**
   * Requires {@code subject} to be an active customs participant at {@code postId}.
   *
   * @throws SubmissionProblem 403 otherwise, with a {@code post-mismatch} violation at {@code
   *     /postId} when the officer works at another post
   */
  public void requirePost(String subject, String postId) {
    String post = postOf(subject);
    if (!post.equals(postId)) {
      throw new SubmissionProblem(
          ProblemCode.FORBIDDEN,
          subject + " works at post " + post + ", not " + postId,
          List.of(new Problem.Violation("post-mismatch", "/postId", "not your post")),
          null);
    }
  }
}
