package org.markproof.contracts.rules;

import java.util.ArrayList;
import java.util.List;

/** Collects the violations of one entry while the rules run. */
final class Violations {
  private final List<Violation> found = new ArrayList<>();

  void add(ViolationCode code, String path, String message) {
    found.add(new Violation(code, path, message));
  }

  List<Violation> list() {
    return List.copyOf(found);
  }
}
