package org.markproof.contracts.entry;

import java.util.Map;

/**
 * A WIPO Standard ST.3 two-letter code naming an IP office (AU, EM, US, WO …) or a territory. Only
 * the codes of the bundled ST.3 list are accepted; XX ("unknown") is not.
 */
public record OfficeCode(String code) implements Comparable<OfficeCode> {
  public OfficeCode {
    FieldSyntax.require("office code", problem(code));
  }

  /** Shorthand for {@code new OfficeCode(code)}. */
  public static OfficeCode of(String code) {
    return new OfficeCode(code);
  }

  /** Returns {@code null} if {@code code} is a known ST.3 code, else what is wrong with it. */
  static String problem(String code) {
    if (code.length() != 2
        || code.charAt(0) < 'A'
        || code.charAt(0) > 'Z'
        || code.charAt(1) < 'A'
        || code.charAt(1) > 'Z') {
      return "expected a WIPO ST.3 code of two capital letters, got " + Excerpt.of(code);
    }
    return St3Codes.contains(code) ? null : "not a WIPO ST.3 code: " + Excerpt.of(code);
  }

  /** Every accepted code with its ST.3 short name. */
  public static Map<String, String> known() {
    return St3Codes.names();
  }

  @Override
  public int compareTo(OfficeCode other) {
    return code.compareTo(other.code);
  }

  @Override
  public String toString() {
    return code;
  }
}
