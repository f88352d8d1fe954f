package org.markproof.contracts.entry;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.markproof.contracts.MalformedDataException;

/**
 * One JSON value of an untrusted document with its path ({@code statement.scope.gtins[3]}), and
 * typed readers that fail with a {@link MalformedDataException} naming that path and what was
 * expected.
 */
record JsonValue(JsonNode node, String path) {
  /** The path of member {@code name} of the object at {@code parent}. */
  static String child(String parent, String name) {
    String step = plainName(name) ? name : "[" + Excerpt.of(name) + "]";
    if (parent.isEmpty()) {
      return step;
    }
    return step.startsWith("[") ? parent + step : parent + "." + step;
  }

  /**
   * Whether {@code name} is 1 to 64 of {@code [A-Za-z0-9_-]}: written as is in a path, anything
   * else in brackets. A loop, not a regular expression: every member of every parsed entry passes
   * here.
   */
  static boolean plainName(String name) {
    int length = name.length();
    if (length == 0 || length > 64) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      if (!FieldSyntax.isBase64UrlChar(name.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** How a path reads in a message; the envelope itself is called {@code entry}. */
  static String describe(String path) {
    return path.isEmpty() ? "entry" : path;
  }

  /** An exception naming this value's path and {@code problem}. */
  MalformedDataException error(String problem) {
    return new MalformedDataException(describe(path) + ": " + problem);
  }

  /** Throws {@link #error} if {@code problem} is set (see {@link FieldSyntax}). */
  void check(String problem) throws MalformedDataException {
    if (problem != null) {
      throw error(problem);
    }
  }

  /** This value as an object, whose members may only be {@code allowed}. */
  JsonFields object(String... allowed) throws MalformedDataException {
    if (!node.isObject()) {
      throw typeError("an object");
    }
    JsonFields fields = new JsonFields(this);
    fields.allowOnly(List.of(allowed));
    return fields;
  }

  /** This value as an object whose allowed members are decided later. */
  JsonFields anyObject() throws MalformedDataException {
    if (!node.isObject()) {
      throw typeError("an object");
    }
    return new JsonFields(this);
  }

  /** This value as a string of at most {@code maxLength} UTF-16 code units. */
  String text(int maxLength) throws MalformedDataException {
    if (!node.isTextual()) {
      throw typeError("a string");
    }
    String text = node.textValue();
    if (text.length() > maxLength) {
      throw error("got " + text.length() + " characters, expected at most " + maxLength);
    }
    return text;
  }

  /** This value as an integer literal between {@code min} and {@code max} inclusive. */
  long integer(long min, long max) throws MalformedDataException {
    if (node.isFloatingPointNumber()) {
      throw error(
          "expected an integer, got a number with a fraction or exponent ("
              + Excerpt.of(node.decimalValue().toString())
              + ")");
    }
    if (!node.isIntegralNumber()) {
      throw typeError("an integer");
    }
    BigInteger value = node.bigIntegerValue();
    if (value.compareTo(BigInteger.valueOf(min)) < 0
        || value.compareTo(BigInteger.valueOf(max)) > 0) {
      throw error("expected an integer from " + min + " to " + max + ", got " + value);
    }
    return value.longValueExact();
  }

  /** This value as an array of {@code minSize} to {@code maxSize} elements, with their paths. */
  List<JsonValue> array(int minSize, int maxSize) throws MalformedDataException {
    if (!node.isArray()) {
      throw typeError("an array");
    }
    if (node.size() > maxSize) {
      throw error("got " + node.size() + " items, expected at most " + maxSize);
    }
    if (node.size() < minSize) {
      throw error("got " + node.size() + " items, expected at least " + minSize);
    }
    List<JsonValue> elements = new ArrayList<>(node.size());
    for (int i = 0; i < node.size(); i++) {
      elements.add(new JsonValue(node.get(i), path + "[" + i + "]"));
    }
    return elements;
  }

  private MalformedDataException typeError(String expected) {
    return error("expected " + expected + ", got " + typeName(node));
  }

  private static String typeName(JsonNode node) {
    if (node.isObject()) {
      return "an object";
    } else if (node.isArray()) {
      return "an array";
    } else if (node.isTextual()) {
      return "a string";
    } else if (node.isIntegralNumber()) {
      return "an integer";
    } else if (node.isNumber()) {
      return "a number";
    } else if (node.isBoolean()) {
      return "a boolean";
    } else {
      return "null";
    }
  }
}
