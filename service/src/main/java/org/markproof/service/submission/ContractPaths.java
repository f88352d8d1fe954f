package org.markproof.service.submission;

/**
 * Turns the paths contracts' parsers and rules name ({@code statement.scope.gtins[3]}, {@code
 * keyId}, {@code entry} for the whole envelope) into RFC 6901 JSON pointers ({@code
 * /statement/scope/gtins/3}), the form every problem of this service uses.
 */
final class ContractPaths {
  private ContractPaths() {}

  /**
   * The pointer for {@code path}; with {@code dropStatement}, a path under {@code statement} is
   * given relative to it (the body of a custodial request is the statement's own fields).
   */
  static String pointer(String path, boolean dropStatement) {
    if (path == null || path.isEmpty() || path.equals("entry")) {
      return "/";
    }
    StringBuilder out = new StringBuilder();
    int i = 0;
    boolean first = true;
    while (i < path.length()) {
      char c = path.charAt(i);
      String step;
      if (c == '[') {
        int close = path.indexOf(']', i);
        if (close < 0) {
          close = path.length() - 1;
        }
        step = path.substring(i + 1, close);
        if (step.length() >= 2 && step.startsWith("\"") && step.endsWith("\"")) {
          step = step.substring(1, step.length() - 1);
        }
        i = close + 1;
      } else {
        if (c == '.') {
          i++;
          continue;
        }
        int end = i;
        while (end < path.length() && path.charAt(end) != '.' && path.charAt(end) != '[') {
          end++;
        }
        step = path.substring(i, end);
        i = end;
      }
      if (first && dropStatement && step.equals("statement")) {
        first = false;
        continue;
      }
      first = false;
      out.append('/').append(step.replace("~", "~0").replace("/", "~1"));
    }
    return out.length() == 0 ? "/" : out.toString();
  }

  /**
   * Splits a contracts parser message {@code "<path>: <problem>"} at the first {@code ": "} outside
   * brackets; the whole message is the problem when it names no path.
   */
  static String[] splitMessage(String message) {
    int depth = 0;
    for (int i = 0; i + 1 < message.length(); i++) {
      char c = message.charAt(i);
      if (c == '[') {
        depth++;
      } else if (c == ']') {
        depth = Math.max(0, depth - 1);
      } else if (c == ':' && depth == 0 && message.charAt(i + 1) == ' ') {
        return new String[] {message.substring(0, i), message.substring(i + 2)};
      }
    }
    return new String[] {"", message};
  }
}
