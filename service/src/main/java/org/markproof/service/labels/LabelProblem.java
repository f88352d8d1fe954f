package org.markproof.service.labels;

import java.util.List;
import org.markproof.contracts.problem.ProblemCode;
import org.markproof.service.problem.Problem;

/**
 * A labels request refused, answered as an RFC 9457 problem by {@link LabelProblems}: the stable
 * code, what was wrong, where (violations with JSON pointers into the body) and what to do next.
 */
public class LabelProblem extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final ProblemCode code;
  private final transient List<Problem.Violation> violations;
  private final String hint;

  LabelProblem(ProblemCode code, String detail, List<Problem.Violation> violations, String hint) {
    super(detail, null, false, false);
    this.code = code;
    this.violations = List.copyOf(violations);
    this.hint = hint;
  }

  /** 400 listing every field at fault. */
  static LabelProblem invalid(List<Problem.Violation> violations) {
    Problem.Violation first = violations.get(0);
    String detail =
        violations.size() == 1
            ? "invalid value at " + first.path() + ": " + first.message()
            : violations.size() + " fields are invalid, the first at " + first.path();
    boolean unknown = violations.stream().allMatch(v -> v.code().equals("unknown-field"));
    return new LabelProblem(
        unknown ? ProblemCode.UNKNOWN_FIELD : ProblemCode.INVALID_FIELD, detail, violations, null);
  }

  /** The problem body for the request at {@code instance}. */
  Problem problem(String instance) {
    return Problem.of(code, getMessage(), instance).withViolations(violations).withHint(hint);
  }
}
