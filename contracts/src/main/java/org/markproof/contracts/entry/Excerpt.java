package org.markproof.contracts.entry;

/** Quotes untrusted input for an error message: escaped, and cut to a readable length. */
final class Excerpt {
  private static final int MAX_LENGTH = 40;

  private Excerpt() {}

  static String of(String value) {
    StringBuilder out = new StringBuilder("\"");
    int end = Math.min(value.length(), MAX_LENGTH);
    for (int i = 0; i < end; i++) {
      char c = value.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20 || c == 0x7f || Character.isSurrogate(c)) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    out.append('"');
    if (value.length() > MAX_LENGTH) {
      out.append("… (").append(value.length()).append(" characters)");
    }
    return out.toString();
  }
}
