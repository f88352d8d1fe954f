package org.markproof.contracts.rules;

import java.util.List;
import org.markproof.contracts.VerificationException;

/** A signed entry broke one or more rules; carries every violation found, not only the first. */
public class RuleViolationException extends VerificationException {
  private static final long serialVersionUID = 1L;

  private final transient List<Violation> violations;

  public RuleViolationException(List<Violation> violations) {
    super(message(violations));
    this.violations = List.copyOf(violations);
  }

  /** Every violation, in the order the rules found them. */
  public List<Violation> violations() {
    return violations;
  }

  private static String message(List<Violation> violations) {
    StringBuilder out = new StringBuilder();
    out.append(violations.size()).append(violations.size() == 1 ? " violation" : " violations");
    for (Violation v : violations) {
      out.append("\n  ").append(v);
    }
    return out.toString();
  }
}
