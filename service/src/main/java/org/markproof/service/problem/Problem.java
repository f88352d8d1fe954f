package org.markproof.service.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import org.markproof.contracts.problem.ProblemCode;

/**
 * An RFC 9457 problem details object, the body of every error the service answers with ({@code
 * application/problem+json}).
 *
 * <p>Beyond the standard members it carries the stable {@code code} (the last segment of {@code
 * type}) and optional extension members: {@code violations} (every field or rule that failed),
 * {@code hint} (what to do next), {@code correlationId} (the id under which an internal error was
 * logged). It never carries a stack trace or a Java class name.
 *
 * @param type RFC 9457 §3.1.1, {@code https://markproof.dev/problems/<code>}
 * @param title §3.1.3, fixed per code
 * @param status §3.1.2
 * @param detail §3.1.4, this occurrence explained to a person
 * @param instance §3.1.5, the request path
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({
  "type",
  "title",
  "status",
  "detail",
  "instance",
  "code",
  "violations",
  "hint",
  "correlationId"
})
public record Problem(
    String type,
    String title,
    int status,
    String detail,
    String instance,
    String code,
    List<Violation> violations,
    String hint,
    String correlationId) {

  /** One thing wrong with a request: a field ({@code path} as a JSON pointer) or a rule. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Violation(String code, String path, String message) {}

  public Problem {
    violations = violations == null || violations.isEmpty() ? null : List.copyOf(violations);
  }

  /** A problem of {@code code} about the request at {@code instance}. */
  public static Problem of(ProblemCode code, String detail, String instance) {
    return new Problem(
        code.type(), code.title(), code.status(), detail, instance, code.code(), null, null, null);
  }

  public Problem withViolations(List<Violation> list) {
    return new Problem(type, title, status, detail, instance, code, list, hint, correlationId);
  }

  public Problem withHint(String text) {
    return new Problem(
        type, title, status, detail, instance, code, violations, text, correlationId);
  }

  public Problem withCorrelationId(String id) {
    return new Problem(type, title, status, detail, instance, code, violations, hint, id);
  }
}
