package org.markproof.contracts.label;

import org.markproof.contracts.MalformedDataException;

/**
 * A GS1 date in {@code YYMMDD} form as AI (17) carries it, validated like the syntax dictionary's
 * {@code yymmd0} linter: month 01–12, day 01 up to the month's length, or {@code 00} for "no day
 * given" (GS1 General Specifications §3.4.7, which then means the last day of the month).
 *
 * <p>The century is not resolved here (that needs today's date, and contracts has no clock). For
 * the February 29 check the year is taken as {@code 20YY}, which agrees with the General
 * Specifications' sliding window (§7.12) for every current year from 2000 to 2049.
 *
 * @param yy two-digit year 0–99
 * @param month 1–12
 * @param day 0–31; 0 means the day is not given
 */
public record Gs1Date(int yy, int month, int day) {
  /**
   * Builds a date from validated parts.
   *
   * @throws IllegalArgumentException if the parts are not a valid {@code YYMMD0} date
   */
  public Gs1Date {
    String problem = problem(yy, month, day);
    if (problem != null) {
      throw new IllegalArgumentException(problem);
    }
  }

  /**
   * Parses six digits {@code YYMMDD}.
   *
   * @param field names the field in error messages, e.g. {@code "AI (17)"}
   * @throws MalformedDataException if not six digits or not a valid date
   */
  public static Gs1Date parse(String field, String text) throws MalformedDataException {
    if (text == null || text.length() != 6) {
      throw new MalformedDataException(
          field
              + ": got "
              + (text == null ? "nothing" : text.length() + " characters")
              + ", expected 6 digits YYMMDD (N6, linter yymmd0)");
    }
    for (int i = 0; i < 6; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        throw new MalformedDataException(
            field + ": character " + Gs1CharacterSets.describe(c) + " at " + i + " is not a digit");
      }
    }
    int yy = Integer.parseInt(text, 0, 2, 10);
    int month = Integer.parseInt(text, 2, 4, 10);
    int day = Integer.parseInt(text, 4, 6, 10);
    String problem = problem(yy, month, day);
    if (problem != null) {
      throw new MalformedDataException(field + ": " + text + ": " + problem + " (linter yymmd0)");
    }
    return new Gs1Date(yy, month, day);
  }

  /** The six digits {@code YYMMDD}. */
  public String text() {
    return String.format("%02d%02d%02d", yy, month, day);
  }

  @Override
  public String toString() {
    return text();
  }

  private static String problem(int yy, int month, int day) {
    if (yy < 0 || yy > 99) {
      return "year " + yy + " is not two digits";
    }
    if (month < 1 || month > 12) {
      return "month " + month + ", expected 01 to 12";
    }
    int last = daysInMonth(2000 + yy, month);
    if (day < 0 || day > last) {
      return "day " + day + ", expected 00 to " + last;
    }
    return null;
  }

  private static int daysInMonth(int year, int month) {
    return switch (month) {
      case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
      case 4, 6, 9, 11 -> 30;
      default -> 31;
    };
  }
}
