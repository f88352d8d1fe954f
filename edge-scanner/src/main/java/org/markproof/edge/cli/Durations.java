package org.markproof.edge.cli;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Durations as options write them: one or more of a number and a unit {@code d}, {@code h}, {@code
 * m}, {@code s}, largest first — {@code 48h}, {@code 30m}, {@code 1s}, {@code 1h30m}.
 */
final class Durations implements ITypeConverter<Duration> {
  private static final Pattern WHOLE = Pattern.compile("(?:\\d{1,9}[dhms])+");
  private static final Pattern PART = Pattern.compile("(\\d{1,9})([dhms])");
  private static final String UNITS = "dhms";

  @Override
  public Duration convert(String text) {
    return parse(text);
  }

  /**
   * Parses {@code text}.
   *
   * @throws TypeConversionException if it is not such a duration
   */
  static Duration parse(String text) {
    if (text == null || !WHOLE.matcher(text).matches()) {
      throw new TypeConversionException(
          "'" + text + "' is not a duration: write it like 48h, 30m, 1s or 1h30m");
    }
    Duration total = Duration.ZERO;
    int lastUnit = -1;
    Matcher part = PART.matcher(text);
    while (part.find()) {
      int unit = UNITS.indexOf(part.group(2));
      if (unit <= lastUnit) {
        throw new TypeConversionException(
            "'" + text + "': units must come largest first, each once (d, h, m, s)");
      }
      lastUnit = unit;
      long n = Long.parseLong(part.group(1));
      total =
          total.plus(
              switch (part.group(2)) {
                case "d" -> Duration.ofDays(n);
                case "h" -> Duration.ofHours(n);
                case "m" -> Duration.ofMinutes(n);
                default -> Duration.ofSeconds(n);
              });
    }
    return total;
  }

  /** Writes {@code d} the same way, to the second: {@code 2h5m3s}, {@code 0s}. */
  static String format(Duration d) {
    long seconds = Math.max(0, d.getSeconds());
    StringBuilder out = new StringBuilder();
    long[] sizes = {86_400, 3_600, 60, 1};
    for (int i = 0; i < sizes.length; i++) {
      long n = seconds / sizes[i];
      seconds %= sizes[i];
      if (n > 0) {
        out.append(n).append(UNITS.charAt(i));
      }
    }
    return out.length() == 0 ? "0s" : out.toString();
  }
}
