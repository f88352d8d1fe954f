package org.markproof.contracts.entry;

import java.util.Collection;
import java.util.Iterator;
import java.util.Optional;
import org.markproof.contracts.MalformedDataException;

/** The members of one JSON object of an untrusted document, read by name with their paths. */
final class JsonFields {
  private final JsonValue object;

  JsonFields(JsonValue object) {
    this.object = object;
  }

  /** The object itself, for errors about it as a whole. */
  JsonValue self() {
    return object;
  }

  /** Fails on the first member (in document order) that is not in {@code allowed}. */
  void allowOnly(Collection<String> allowed) throws MalformedDataException {
    for (Iterator<String> names = object.node().fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!allowed.contains(name)) {
        throw new MalformedDataException(JsonValue.child(object.path(), name) + ": unknown field");
      }
    }
  }

  /** The member {@code name}, which must be present. */
  JsonValue required(String name) throws MalformedDataException {
    return optional(name)
        .orElseThrow(
            () ->
                new MalformedDataException(
                    JsonValue.child(object.path(), name) + ": missing required field"));
  }

  /** The member {@code name}, if present. */
  Optional<JsonValue> optional(String name) {
    return Optional.ofNullable(object.node().get(name))
        .map(node -> new JsonValue(node, JsonValue.child(object.path(), name)));
  }
}
