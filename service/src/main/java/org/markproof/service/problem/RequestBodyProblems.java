package org.markproof.service.problem;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.time.temporal.Temporal;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.markproof.contracts.problem.ProblemCode;

/**
 * Explains why a JSON request body was refused: malformed JSON, a field that does not exist, or a
 * value of the wrong type, naming the field by JSON pointer and the expected JSON type, in words a
 * client understands (never a Java type or exception name).
 */
final class RequestBodyProblems {
  private RequestBodyProblems() {}

  /** The problem for a failure of Jackson reading a request body; null if it is not one. */
  static Problem of(Throwable failure, String instance) {
    if (failure instanceof UnrecognizedPropertyException e) {
      return unknownField(e, instance);
    }
    if (failure instanceof MismatchedInputException e) {
      if (isTrailingContent(e)) {
        return Problem.of(
            ProblemCode.MALFORMED_JSON,
            "the body holds more than one JSON value; send exactly one object",
            instance);
      }
      return invalidField(e, expected(e.getTargetType()), instance);
    }
    if (failure instanceof StreamConstraintsException) {
      return Problem.of(
          ProblemCode.MALFORMED_JSON,
          "the JSON body exceeds a parser limit (nesting depth, number or string length)",
          instance);
    }
    if (failure instanceof StreamReadException e) {
      return malformed(e, instance);
    }
    if (failure instanceof JsonMappingException m) {
      return invalidField(m, "a valid value", instance);
    }
    return null;
  }

  private static Problem unknownField(UnrecognizedPropertyException e, String instance) {
    String path = JsonPointers.of(e.getPath());
    String known =
        e.getKnownPropertyIds() == null
            ? ""
            : e.getKnownPropertyIds().stream()
                .map(Object::toString)
                .collect(Collectors.toCollection(TreeSet::new))
                .toString();
    String message = "unknown field \"" + ProblemResponses.echo(e.getPropertyName()) + "\"";
    return Problem.of(ProblemCode.UNKNOWN_FIELD, message + " at " + path, instance)
        .withViolations(List.of(new Problem.Violation("unknown-field", path, message)))
        .withHint(known.isEmpty() ? null : "the fields allowed there are " + known);
  }

  private static Problem invalidField(JsonMappingException e, String expected, String instance) {
    String path = JsonPointers.of(e.getPath());
    String message = "expected " + expected;
    return Problem.of(
            ProblemCode.INVALID_FIELD, "invalid value at " + path + ": " + message, instance)
        .withViolations(List.of(new Problem.Violation("invalid-field", path, message)));
  }

  private static Problem malformed(StreamReadException e, String instance) {
    JsonLocation at = e.getLocation();
    String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
    String reason = e.getOriginalMessage();
    return Problem.of(
        ProblemCode.MALFORMED_JSON,
        "the body is not valid JSON"
            + where
            + (reason == null ? "" : ": " + ProblemResponses.echo(reason)),
        instance);
  }

  /** DeserializationFeature.FAIL_ON_TRAILING_TOKENS's report: Jackson has no subtype for it. */
  private static boolean isTrailingContent(MismatchedInputException e) {
    return e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Trailing token");
  }

  /** The JSON shape a Java target type reads from. */
  private static String expected(Class<?> type) {
    if (type == null) {
      return "a value of another type";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (type == Integer.class
        || type == int.class
        || type == Long.class
        || type == long.class
        || type == Short.class
        || type == short.class
        || type == java.math.BigInteger.class) {
      return "an integer";
    }
    if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
      return "a number";
    }
    if (CharSequence.class.isAssignableFrom(type) || type == char.class) {
      return "a string";
    }
    if (Temporal.class.isAssignableFrom(type)) {
      return "an RFC 3339 date or time string";
    }
    if (type.isEnum()) {
      return "one of the allowed strings";
    }
    if (type.isArray() || Collection.class.isAssignableFrom(type)) {
      return "an array";
    }
    if (type == java.util.UUID.class) {
      return "a UUID string";
    }
    if (Map.class.isAssignableFrom(type) || type.isRecord()) {
      return "an object";
    }
    return "a value of another type";
  }
}
