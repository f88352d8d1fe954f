package org.markproof.contracts.entry;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Checks lists of Nice classes (Nice Agreement, 12th edition: classes 1 to 45). */
final class NiceClasses {
  static final int FIRST = 1;
  static final int LAST = 45;

  private NiceClasses() {}

  /** Returns {@code null} if {@code classes} is a non-empty list of distinct classes 1..45. */
  static String problem(List<Integer> classes) {
    if (classes.isEmpty()) {
      return "expected at least one Nice class";
    }
    Set<Integer> seen = new HashSet<>();
    for (Integer c : classes) {
      if (c == null || c < FIRST || c > LAST) {
        return "expected Nice classes " + FIRST + " to " + LAST + ", got " + c;
      }
      if (!seen.add(c)) {
        return "Nice class " + c + " listed twice";
      }
    }
    return null;
  }
}
