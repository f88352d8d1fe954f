package org.markproof.contracts.entry;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.markproof.contracts.MalformedDataException;
import org.markproof.contracts.crypto.Ed25519PublicKey;
import org.markproof.contracts.label.Gtin;

/** Readers for the value types statements share, each failing with the JSON path of the value. */
final class FieldReaders {
  private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
  private static final Pattern INSTANT =
      Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{1,9})?Z");

  private FieldReaders() {}

  static String identifier(JsonValue value) throws MalformedDataException {
    String text = value.text(EntryLimits.MAX_IDENTIFIER_LENGTH);
    value.check(FieldSyntax.identifier(text));
    return text;
  }

  static String freeText(JsonValue value, int maxLength) throws MalformedDataException {
    String text = value.text(maxLength);
    value.check(FieldSyntax.text(text, maxLength));
    return text;
  }

  /** A batch/lot or serial: GS1 AI 10/21, CSET 82, 1 to 20 characters. */
  static String gs1Cset82(JsonValue value) throws MalformedDataException {
    String text = value.text(20);
    value.check(FieldSyntax.gs1Cset82(text));
    return text;
  }

  static Gtin gtin(JsonValue value) throws MalformedDataException {
    String text = value.text(14);
    try {
      return Gtin.parseGtin14(text);
    } catch (MalformedDataException e) {
      throw value.error(e.getMessage());
    }
  }

  static OfficeCode office(JsonValue value) throws MalformedDataException {
    String text = value.text(2);
    value.check(OfficeCode.problem(text));
    return new OfficeCode(text);
  }

  /** {@code {"office": ST.3, "number": registration number}}. */
  static TrademarkRef trademark(JsonValue value) throws MalformedDataException {
    JsonFields fields = value.object("office", "number");
    OfficeCode office = office(fields.required("office"));
    JsonValue numberValue = fields.required("number");
    String number = numberValue.text(EntryLimits.MAX_REGISTRATION_NUMBER_LENGTH);
    numberValue.check(FieldSyntax.registrationNumber(number));
    return new TrademarkRef(office, number);
  }

  /** An ISO 8601 calendar date {@code yyyy-MM-dd} (RFC 3339 §5.6 full-date). */
  static LocalDate date(JsonValue value) throws MalformedDataException {
    String text = value.text(40);
    if (DATE.matcher(text).matches()) {
      try {
        return LocalDate.parse(text);
      } catch (DateTimeException e) {
        throw value.error("not a calendar date: " + Excerpt.of(text));
      }
    }
    throw value.error("expected a date yyyy-MM-dd, got " + Excerpt.of(text));
  }

  /**
   * An RFC 3339 (§5.6) UTC time in the one form {@link Instant#toString} writes, such as {@code
   * 2026-01-31T12:00:00Z}, so that its canonical JSON has one spelling.
   */
  static Instant instant(JsonValue value) throws MalformedDataException {
    String text = value.text(40);
    if (INSTANT.matcher(text).matches()) {
      try {
        Instant instant = Instant.parse(text);
        if (instant.toString().equals(text)) {
          return instant;
        }
      } catch (DateTimeException e) {
        throw value.error("not a valid time: " + Excerpt.of(text));
      }
    }
    throw value.error(
        "expected an RFC 3339 UTC time such as 2026-01-31T12:00:00Z (fraction only if non-zero, in"
            + " groups of 3 digits), got "
            + Excerpt.of(text));
  }

  /** An Ed25519 public key as standard base64 with padding (RFC 4648 §4) of its 32 bytes. */
  static Ed25519PublicKey publicKey(JsonValue value) throws MalformedDataException {
    byte[] bytes = base64(value, 44);
    try {
      return Ed25519PublicKey.of(bytes);
    } catch (MalformedDataException e) {
      throw value.error(e.getMessage());
    }
  }

  /** Standard base64 with padding (RFC 4648 §4) in its one canonical spelling. */
  static byte[] base64(JsonValue value, int maxLength) throws MalformedDataException {
    String text = value.text(maxLength);
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      throw value.error("not base64 (RFC 4648 §4): " + Excerpt.of(text));
    }
    if (!Base64.getEncoder().encodeToString(bytes).equals(text)) {
      throw value.error("not canonical base64 (RFC 4648 §4, with padding): " + Excerpt.of(text));
    }
    return bytes;
  }

  static <E extends Enum<E>> E choice(
      JsonValue value, Function<String, Optional<E>> byWireName, List<E> all)
      throws MalformedDataException {
    String text = value.text(64);
    return byWireName
        .apply(text)
        .orElseThrow(() -> value.error("expected one of " + all + ", got " + Excerpt.of(text)));
  }

  /** A list of distinct Nice classes (1 to 45). */
  static List<Integer> niceClasses(JsonValue value) throws MalformedDataException {
    List<Integer> classes = new ArrayList<>();
    for (JsonValue element : value.array(1, NiceClasses.LAST)) {
      int niceClass = (int) element.integer(NiceClasses.FIRST, NiceClasses.LAST);
      if (classes.contains(niceClass)) {
        throw element.error("Nice class " + niceClass + " listed twice");
      }
      classes.add(niceClass);
    }
    return classes;
  }

  /** A list of distinct elements read by {@code reader}. */
  static <T> List<T> distinct(JsonValue value, int minSize, int maxSize, ElementReader<T> reader)
      throws MalformedDataException {
    List<T> items = new ArrayList<>();
    Set<T> seen = new HashSet<>();
    for (JsonValue element : value.array(minSize, maxSize)) {
      T item = reader.read(element);
      if (!seen.add(item)) {
        throw element.error("listed twice");
      }
      items.add(item);
    }
    return items;
  }

  /** Reads one element of a list. */
  interface ElementReader<T> {
    T read(JsonValue element) throws MalformedDataException;
  }
}
