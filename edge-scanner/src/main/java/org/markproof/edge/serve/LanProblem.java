package org.markproof.edge.serve;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import org.markproof.contracts.problem.ProblemCode;

/**
 * A request {@code serve} refuses, answered as an RFC 9457 problem in the service's own shape
 * ({@code type} {@code https://markproof.dev/problems/<code>}, {@code title}, {@code status},
 * {@code detail}, {@code instance}, {@code code}, {@code violations}, {@code hint}), so that a
 * handheld reads the post's refusals as it reads the service's: the codes, statuses and titles are
 * the shared {@link ProblemCode}s.
 */
final class LanProblem extends Exception {
  private static final long serialVersionUID = 1L;

  /** One field or rule that failed: {@code path} a JSON pointer. */
  record Violation(String code, String path, String message) {}

  final ProblemCode code;
  final transient List<Violation> violations;
  final Optional<String> hint;

  LanProblem(ProblemCode code, String detail) {
    this(code, detail, List.of(), Optional.empty());
  }

  LanProblem(ProblemCode code, String detail, List<Violation> violations, Optional<String> hint) {
    super(detail, null, false, false);
    this.code = code;
    this.violations = List.copyOf(violations);
    this.hint = hint;
  }

  /** A 400 {@code invalid-field} problem of one field. */
  static LanProblem field(String violation, String path, String message) {
    return new LanProblem(
        ProblemCode.INVALID_FIELD,
        "invalid value at " + path + ": " + message,
        List.of(new Violation(violation, path, message)),
        Optional.empty());
  }

  /** The problem document about the request at {@code instance}. */
  ObjectNode json(String instance) {
    ObjectNode problem = JsonNodeFactory.instance.objectNode();
    problem.put("type", code.type());
    problem.put("title", code.title());
    problem.put("status", code.status());
    problem.put("detail", getMessage());
    problem.put("instance", instance);
    problem.put("code", code.code());
    if (!violations.isEmpty()) {
      ArrayNode list = problem.putArray("violations");
      for (Violation v : violations) {
        ObjectNode item = list.addObject();
        item.put("code", v.code());
        if (v.path() != null) {
          item.put("path", v.path());
        }
        item.put("message", v.message());
      }
    }
    hint.ifPresent(h -> problem.put("hint", h));
    return problem;
  }
}
