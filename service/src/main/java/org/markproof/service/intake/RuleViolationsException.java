package org.markproof.service.intake;

import java.util.List;
import java.util.stream.Collectors;
import org.markproof.contracts.rules.Violation;

/** The rules (or the signature check) refused an entry; carries every violation (→ 422). */
public final class RuleViolationsException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient List<Violation> violations;

  public RuleViolationsException(List<Violation> violations) {
    super(
        violations.stream()
            .map(v -> v.code() + ": " + v.message())
            .collect(Collectors.joining("; ", "entry refused: ", "")));
    if (violations.isEmpty()) {
      throw new IllegalArgumentException("a refusal names at least one violation");
    }
    this.violations = List.copyOf(violations);
  }

  public List<Violation> violations() {
    return violations;
  }
}
