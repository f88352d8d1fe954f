package org.markproof.edge.serve;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.markproof.contracts.MalformedDataException;

/**
 * The {@code ; name=value} parameters of a header value (RFC 9110 §5.6.6): names are
 * case-insensitive tokens, values tokens or quoted strings with backslash escapes (§5.6.4).
 */
final class HeaderParameters {
  private HeaderParameters() {}

  /**
   * The parameters after the first {@code ;} of {@code value} (the whole value if it starts with
   * one), as {@code {lower-case name, value}} pairs in order.
   *
   * @throws MalformedDataException naming {@code where} if a parameter is not {@code name=value} or
   *     a quoted string is not closed
   */
  static List<String[]> of(String value, String where) throws MalformedDataException {
    List<String[]> out = new ArrayList<>();
    int i = value.indexOf(';');
    while (i >= 0 && i < value.length()) {
      i++;
      while (i < value.length() && (value.charAt(i) == ' ' || value.charAt(i) == '\t')) {
        i++;
      }
      if (i == value.length()) {
        break;
      }
      int eq = value.indexOf('=', i);
      int semi = value.indexOf(';', i);
      if (eq < 0 || (semi >= 0 && semi < eq)) {
        throw new MalformedDataException(where + ": a parameter is not name=value");
      }
      String name = value.substring(i, eq).strip().toLowerCase(Locale.ROOT);
      i = eq + 1;
      StringBuilder v = new StringBuilder();
      if (i < value.length() && value.charAt(i) == '"') {
        i++;
        boolean closed = false;
        while (i < value.length()) {
          char c = value.charAt(i++);
          if (c == '\\' && i < value.length()) {
            v.append(value.charAt(i++));
          } else if (c == '"') {
            closed = true;
            break;
          } else {
            v.append(c);
          }
        }
        if (!closed) {
          throw new MalformedDataException(
              where + ": the quoted value of " + name + " is not closed");
        }
        while (i < value.length() && value.charAt(i) != ';') {
          if (value.charAt(i) != ' ' && value.charAt(i) != '\t') {
            throw new MalformedDataException(where + ": text after the quoted value of " + name);
          }
          i++;
        }
      } else {
        int end = value.indexOf(';', i);
        v.append(value.substring(i, end < 0 ? value.length() : end).strip());
        i = end < 0 ? value.length() : end;
      }
      out.add(new String[] {name, v.toString()});
    }
    return out;
  }
}
