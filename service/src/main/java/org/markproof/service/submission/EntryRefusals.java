package org.markproof.service.submission;

import java.util.List;
import java.util.Locale;
import org.markproof.contracts.MalformedDataException;
import org.markproof.contracts.problem.ProblemCode;
import org.markproof.contracts.rules.Violation;
import org.markproof.service.problem.Problem;

/**
 * The problems a submission is refused with: a malformed entry or statement (400, naming the field
 * by JSON pointer), broken rules (422, every violation with its {@code ViolationCode}), a body over
 * the size bound (413), a statement the caller may not submit (403).
 */
final class EntryRefusals {
  /** What contracts' reader says of a body that is not one well-formed JSON value. */
  private static final java.util.regex.Pattern NOT_JSON =
      java.util.regex.Pattern.compile(
          "not valid JSON|not valid UTF-8|expected a JSON value|unexpected content after|cannot"
              + " read JSON");

  private EntryRefusals() {}

  /** 400 for what contracts' strict parser refused. */
  static SubmissionProblem malformed(MalformedDataException e, boolean relativeToStatement) {
    String[] parts = ContractPaths.splitMessage(e.getMessage());
    String pointer = ContractPaths.pointer(parts[0], relativeToStatement);
    String problem = parts[1];
    if (pointer.equals("/") && NOT_JSON.matcher(problem).lookingAt()) {
      return new SubmissionProblem(
          ProblemCode.MALFORMED_JSON, "the body is " + problem, List.of(), null);
    }
    boolean unknown = problem.startsWith("unknown field");
    String violation =
        unknown
            ? "unknown-field"
            : problem.startsWith("missing required field") ? "missing-field" : "invalid-field";
    ProblemCode code = unknown ? ProblemCode.UNKNOWN_FIELD : ProblemCode.INVALID_FIELD;
    String detail;
    if (unknown) {
      detail = "unknown field " + pointer;
    } else if (violation.equals("missing-field")) {
      detail = "missing field " + pointer;
    } else {
      detail = "invalid value at " + pointer + ": " + problem;
    }
    return new SubmissionProblem(
        code, detail, List.of(new Problem.Violation(violation, pointer, problem)), null);
  }

  /** 422 listing every broken rule, each with its stable code. */
  static SubmissionProblem violations(List<Violation> violations, boolean relativeToStatement) {
    List<Problem.Violation> listed =
        violations.stream()
            .map(
                v ->
                    new Problem.Violation(
                        v.code().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                        ContractPaths.pointer(v.path(), relativeToStatement),
                        v.message()))
            .toList();
    return new SubmissionProblem(
        ProblemCode.RULE_VIOLATIONS,
        "the ledger's rules refuse this statement: "
            + violations.size()
            + (violations.size() == 1 ? " violation" : " violations"),
        listed,
        null);
  }

  /** 413 for a body over {@code limit} bytes. */
  static SubmissionProblem tooLarge(int length, int limit) {
    return new SubmissionProblem(
        ProblemCode.BODY_TOO_LARGE,
        "the body has " + length + " bytes; a submission holds at most " + limit,
        List.of(),
        null);
  }

  /** 403: the token's subject is not the statement's submitter. */
  static SubmissionProblem notTheSubmitter(String subject, String submitter) {
    return new SubmissionProblem(
        ProblemCode.FORBIDDEN,
        "the token's subject "
            + subject
            + " may not submit a statement whose submitter is "
            + submitter,
        List.of(new Problem.Violation("submitter-mismatch", "/statement/submitter", null)),
        "a participant submits only its own statements, signed with its own key");
  }
}
