package org.markproof.service.labels;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.markproof.contracts.MalformedDataException;
import org.markproof.contracts.label.ApplicationIdentifier;
import org.markproof.contracts.label.LabelSigner;
import org.markproof.service.problem.Problem;

/**
 * The body of {@code POST /v1/batches/{gtin}/{batch}/labels}:
 *
 * <pre>
 * {"count": 1..10000} | {"serials": ["…", …]}     exactly one of the two
 * "resolver": "https://host[/prefix]"              optional, default markproof.labels.resolver
 * "format": "csv" | "png" | "svg" | "pdf"          optional, else the Accept header
 * "columns": 1..8, "rows": 1..12                   optional, the PDF grid (default 4 × 6)
 * </pre>
 *
 * Serials must each be valid GS1 AI (21) values (1 to 20 characters of CSET 82, contracts' {@link
 * ApplicationIdentifier#SERIAL}) and distinct. Every field at fault is reported at once.
 *
 * @param count how many random serials to make; empty when {@code serials} is given
 * @param serials the serials to sign, in order; empty when {@code count} is given
 */
record LabelRequest(
    Optional<Integer> count,
    List<String> serials,
    String resolver,
    Optional<LabelFormat> format,
    int columns,
    int rows) {
  static final int DEFAULT_COLUMNS = 4;
  static final int DEFAULT_ROWS = 6;

  private static final Set<String> FIELDS =
      Set.of("count", "serials", "resolver", "format", "columns", "rows");

  LabelRequest {
    serials = List.copyOf(serials);
  }

  /** How many labels the request makes. */
  int size() {
    return count.orElse(serials.size());
  }

  /** The pointer of the field that sets {@link #size()}. */
  String sizeField() {
    return count.isPresent() ? "/count" : "/serials";
  }

  /**
   * Reads a request from {@code body}.
   *
   * @param defaultResolver the resolver base when the body names none
   * @throws LabelProblem 400 naming every field at fault
   */
  static LabelRequest read(ObjectNode body, String defaultResolver) {
    List<Problem.Violation> violations = new ArrayList<>();
    for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!FIELDS.contains(name)) {
        violations.add(
            new Problem.Violation(
                "unknown-field", "/" + name, "expected only the fields " + sorted(FIELDS)));
      }
    }
    Optional<Integer> count = Optional.empty();
    List<String> serials = List.of();
    if (body.has("count") && body.has("serials")) {
      violations.add(
          new Problem.Violation(
              "invalid-field", "/serials", "give either count or serials, not both"));
    } else if (body.has("count")) {
      count = integer(body, "count", 1, LabelFormat.MAX_LABELS, violations);
    } else if (body.has("serials")) {
      serials = serials(body.get("serials"), violations);
    } else {
      violations.add(
          new Problem.Violation(
              "missing-field", "/count", "give count (random serials) or serials (a list)"));
    }
    String resolver = defaultResolver;
    if (body.has("resolver")) {
      resolver = resolver(body.get("resolver"), violations);
    }
    Optional<LabelFormat> format = Optional.empty();
    if (body.has("format")) {
      JsonNode value = body.get("format");
      format = value.isTextual() ? LabelFormat.byWireName(value.textValue()) : Optional.empty();
      if (format.isEmpty()) {
        violations.add(
            new Problem.Violation(
                "invalid-field", "/format", "expected one of csv, png, svg, pdf"));
      }
    }
    int columns =
        integer(body, "columns", 1, LabelSheet.MAX_COLUMNS, violations).orElse(DEFAULT_COLUMNS);
    int rows = integer(body, "rows", 1, LabelSheet.MAX_ROWS, violations).orElse(DEFAULT_ROWS);
    if (!violations.isEmpty()) {
      throw LabelProblem.invalid(violations);
    }
    return new LabelRequest(count, serials, resolver, format, columns, rows);
  }

  private static Optional<Integer> integer(
      ObjectNode body, String field, int min, int max, List<Problem.Violation> violations) {
    JsonNode value = body.get(field);
    if (value == null) {
      return Optional.empty();
    }
    if (!value.isIntegralNumber() || !value.canConvertToInt()) {
      violations.add(
          new Problem.Violation(
              "invalid-field", "/" + field, "expected an integer from " + min + " to " + max));
      return Optional.empty();
    }
    int number = value.intValue();
    if (number < min || number > max) {
      violations.add(
          new Problem.Violation(
              "invalid-field",
              "/" + field,
              "got " + number + ", expected " + min + " to " + max + " per request"));
      return Optional.empty();
    }
    return Optional.of(number);
  }

  private static List<String> serials(JsonNode value, List<Problem.Violation> violations) {
    if (!value.isArray() || value.isEmpty() || value.size() > LabelFormat.MAX_LABELS) {
      violations.add(
          new Problem.Violation(
              "invalid-field",
              "/serials",
              "expected an array of 1 to " + LabelFormat.MAX_LABELS + " serials"));
      return List.of();
    }
    List<String> serials = new ArrayList<>(value.size());
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < value.size(); i++) {
      JsonNode item = value.get(i);
      String pointer = "/serials/" + i;
      if (!item.isTextual()) {
        violations.add(new Problem.Violation("invalid-field", pointer, "expected a string"));
        continue;
      }
      String serial = item.textValue();
      try {
        ApplicationIdentifier.SERIAL.validate(serial);
      } catch (MalformedDataException e) {
        violations.add(new Problem.Violation("invalid-field", pointer, e.getMessage()));
        continue;
      }
      Integer earlier = seen.putIfAbsent(serial, i);
      if (earlier != null) {
        violations.add(
            new Problem.Violation(
                "invalid-field", pointer, "repeats the serial at /serials/" + earlier));
        continue;
      }
      serials.add(serial);
    }
    return serials;
  }

  private static String resolver(JsonNode value, List<Problem.Violation> violations) {
    String text = value.isTextual() ? value.textValue() : null;
    try {
      LabelSigner.forResolver(text);
      return text;
    } catch (MalformedDataException e) {
      violations.add(
          new Problem.Violation(
              "invalid-field",
              "/resolver",
              "expected an http(s) scheme, host and optional path prefix with no trailing slash,"
                  + " e.g. https://id.example.com ("
                  + e.getMessage()
                  + ")"));
      return null;
    }
  }

  private static String sorted(Set<String> names) {
    return String.join(", ", names.stream().sorted().toList());
  }
}
