package org.markproof.contracts.rules;

/**
 * One broken rule: a stable {@link ViolationCode}, the JSON path of the field at fault within the
 * signed entry ({@code statement.trademark.office}, {@code keyId}, {@code signature}; {@code time}
 * for the entry time) and a sentence for people.
 */
public record Violation(ViolationCode code, String path, String message) {
  @Override
  public String toString() {
    return code + " at " + path + ": " + message;
  }
}
