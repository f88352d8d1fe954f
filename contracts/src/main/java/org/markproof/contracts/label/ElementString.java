package org.markproof.contracts.label;

import java.util.EnumMap;
import java.util.Map;
import org.markproof.contracts.MalformedDataException;

/**
 * GS1 element strings (GS1 General Specifications §5.10 and §7.8): the AI data that GS1 DataMatrix,
 * GS1 QR Code and GS1-128 carry, {@code AI value [GS AI value]...}, where GS (0x1D) is how a
 * decoder transmits FNC1 and separates a variable-length value from the next AI. Also the
 * human-readable form {@code (01)09521234543213(10)ABC(21)123}, in which a {@code (} inside a value
 * is written {@code \(} (the GS1 Syntax Engine's bracketed syntax).
 *
 * <p>Only the AIs of {@link ApplicationIdentifier} are accepted; any other AI is rejected, as is a
 * repeated AI, an empty value, a missing GS after a variable-length value or a trailing GS.
 */
public final class ElementString {
  /** The GS character (ASCII 29) that stands for FNC1 in transmitted data. */
  public static final char GROUP_SEPARATOR = '\u001d';

  /** Longest element string accepted, in characters (well above what a label needs). */
  public static final int MAX_LENGTH = 512;

  private ElementString() {}

  /**
   * Parses transmitted element-string data: an optional GS1 symbology identifier ({@code ]C1},
   * {@code ]d2}, {@code ]Q3}, {@code ]e0}, {@code ]J1}; ISO/IEC 15424), an optional leading GS
   * (FNC1 in first position as some decoders pass it), then AI data with GS separators.
   *
   * @throws MalformedDataException naming the position, AI and rule that failed
   */
  public static Gs1Fields parse(String text) throws MalformedDataException {
    String data = checkLength(text);
    if (data.startsWith("]")) {
      String identifier = data.substring(0, Math.min(3, data.length()));
      if (!isGs1SymbologyIdentifier(identifier)) {
        throw new MalformedDataException(
            "element string: symbology identifier " + identifier + " does not carry GS1 data");
      }
      data = data.substring(3);
    }
    if (!data.isEmpty() && data.charAt(0) == GROUP_SEPARATOR) {
      data = data.substring(1);
    }
    Map<ApplicationIdentifier, String> values = new EnumMap<>(ApplicationIdentifier.class);
    int position = 0;
    while (position < data.length()) {
      ApplicationIdentifier ai = aiAt(data, position);
      int start = position + ai.code().length();
      int end;
      if (ai.predefinedLength()) {
        end = start + ai.maxLength();
        if (end > data.length()) {
          throw new MalformedDataException(
              "element string: AI (" + ai.code() + ") at " + position + " is cut short");
        }
      } else {
        int separator = data.indexOf(GROUP_SEPARATOR, start);
        end = separator < 0 ? data.length() : separator;
      }
      put(values, ai, data.substring(start, end), position);
      position = end;
      if (position < data.length() && data.charAt(position) == GROUP_SEPARATOR) {
        position++;
        if (position == data.length()) {
          throw new MalformedDataException("element string: ends with a GS separator");
        }
      }
    }
    return toFields(values);
  }

  /**
   * Parses the human-readable form {@code (AI)value...}, with {@code \(} for a literal {@code (}.
   *
   * @throws MalformedDataException naming the position, AI and rule that failed
   */
  public static Gs1Fields parseHumanReadable(String text) throws MalformedDataException {
    String data = checkLength(text);
    Map<ApplicationIdentifier, String> values = new EnumMap<>(ApplicationIdentifier.class);
    int position = 0;
    while (position < data.length()) {
      if (data.charAt(position) != '(') {
        throw new MalformedDataException(
            "element string: expected '(' opening an AI at " + position);
      }
      int close = data.indexOf(')', position);
      if (close < 0) {
        throw new MalformedDataException("element string: '(' at " + position + " not closed");
      }
      String code = data.substring(position + 1, close);
      ApplicationIdentifier ai =
          ApplicationIdentifier.byCode(code).orElseThrow(() -> unsupported(code));
      StringBuilder value = new StringBuilder();
      int i = close + 1;
      while (i < data.length() && data.charAt(i) != '(') {
        if (data.charAt(i) == '\\' && i + 1 < data.length() && data.charAt(i + 1) == '(') {
          i++;
        }
        value.append(data.charAt(i++));
      }
      put(values, ai, value.toString(), position);
      position = i;
    }
    return toFields(values);
  }

  /**
   * Formats {@code fields} as transmitted data without symbology identifier: predefined-length AIs
   * first (01, 17), then 10, 21, 8030, with GS after each variable-length value but the last.
   */
  public static String format(Gs1Fields fields) {
    StringBuilder out = new StringBuilder(160);
    out.append("01").append(fields.gtin().digits());
    fields.expiry().ifPresent(d -> out.append("17").append(d.text()));
    boolean separate = false;
    separate |= appendVariable(out, separate, "10", fields.batch().orElse(null));
    separate |= appendVariable(out, separate, "21", fields.serial().orElse(null));
    appendVariable(out, separate, "8030", fields.signature().orElse(null));
    return out.toString();
  }

  /** Formats {@code fields} in the human-readable form, in the order of {@link #format}. */
  public static String formatHumanReadable(Gs1Fields fields) {
    StringBuilder out = new StringBuilder(170);
    out.append("(01)").append(fields.gtin().digits());
    fields.expiry().ifPresent(d -> out.append("(17)").append(d.text()));
    fields.batch().ifPresent(b -> out.append("(10)").append(b.replace("(", "\\(")));
    fields.serial().ifPresent(s -> out.append("(21)").append(s.replace("(", "\\(")));
    fields.signature().ifPresent(s -> out.append("(8030)").append(s));
    return out.toString();
  }

  /** Whether {@code identifier} (e.g. {@code ]d2}) announces GS1 AI data (ISO/IEC 15424). */
  public static boolean isGs1SymbologyIdentifier(String identifier) {
    return switch (identifier) {
      case "]C1", "]d2", "]Q3", "]e0", "]J1" -> true;
      default -> false;
    };
  }

  /** Appends a variable-length AI, after a GS if one precedes it; returns whether it did. */
  private static boolean appendVariable(
      StringBuilder out, boolean afterVariable, String ai, String value) {
    if (value == null) {
      return false;
    }
    if (afterVariable) {
      out.append(GROUP_SEPARATOR);
    }
    out.append(ai).append(value);
    return true;
  }

  private static String checkLength(String text) throws MalformedDataException {
    if (text == null || text.isEmpty()) {
      throw new MalformedDataException("element string: empty");
    }
    if (text.length() > MAX_LENGTH) {
      throw new MalformedDataException(
          "element string: " + text.length() + " characters, at most " + MAX_LENGTH);
    }
    return text;
  }

  private static ApplicationIdentifier aiAt(String data, int position)
      throws MalformedDataException {
    for (ApplicationIdentifier ai : ApplicationIdentifier.values()) {
      if (data.startsWith(ai.code(), position)) {
        return ai;
      }
    }
    String shown = data.substring(position, Math.min(data.length(), position + 4));
    throw new MalformedDataException(
        "element string: AI at "
            + position
            + " ("
            + shown.replace(GROUP_SEPARATOR, '^')
            + "...) is not one of 01, 10, 17, 21, 8030");
  }

  private static MalformedDataException unsupported(String code) {
    return new MalformedDataException(
        "element string: AI ("
            + (code.length() > 8 ? code.substring(0, 8) + "..." : code)
            + ") is not one of 01, 10, 17, 21, 8030");
  }

  private static void put(
      Map<ApplicationIdentifier, String> values,
      ApplicationIdentifier ai,
      String value,
      int position)
      throws MalformedDataException {
    if (values.containsKey(ai)) {
      throw new MalformedDataException(
          "element string: AI (" + ai.code() + ") repeated at " + position);
    }
    ai.validate(value);
    values.put(ai, value);
  }

  private static Gs1Fields toFields(Map<ApplicationIdentifier, String> values)
      throws MalformedDataException {
    String gtin = values.get(ApplicationIdentifier.GTIN);
    if (gtin == null) {
      throw new MalformedDataException(
          "element string: AI (01) missing; AIs 10, 17, 21 and 8030 require it (req=01)");
    }
    String expiry = values.get(ApplicationIdentifier.EXPIRY);
    return Gs1Fields.of(
        Gtin.parse(gtin),
        values.get(ApplicationIdentifier.BATCH_LOT),
        values.get(ApplicationIdentifier.SERIAL),
        expiry == null ? null : Gs1Date.parse("AI (17)", expiry),
        values.get(ApplicationIdentifier.DIGITAL_SIGNATURE));
  }
}
