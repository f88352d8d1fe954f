package org.markproof.service.submission;

import java.util.List;
import org.markproof.contracts.problem.ProblemCode;
import org.markproof.service.problem.Problem;

/**
 * A refusal of a submission, answered as an RFC 9457 problem by {@link SubmissionProblems}: the
 * stable code, what was wrong, and where (violations with JSON pointers).
 */
public class SubmissionProblem extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final ProblemCode code;
  private final transient List<Problem.Violation> violations;
  private final String hint;

  public SubmissionProblem(
      ProblemCode code, String detail, List<Problem.Violation> violations, String hint) {
    super(detail, null, false, false);
    this.code = code;
    this.violations = violations == null ? List.of() : List.copyOf(violations);
    this.hint = hint;
  }

  public SubmissionProblem(ProblemCode code, String detail) {
    this(code, detail, List.of(), null);
  }

  /** Whether the ledger's rules refused the statement, and none of them with {@code code}. */
  boolean refusedByRulesExcept(String violationCode) {
    return code == ProblemCode.RULE_VIOLATIONS
        && violations.stream().noneMatch(v -> violationCode.equals(v.code()));
  }

  /** The problem body for the request at {@code instance}. */
  public Problem problem(String instance) {
    return Problem.of(code, getMessage(), instance).withViolations(violations).withHint(hint);
  }
}
