package org.markproof.service.problem;

import com.fasterxml.jackson.databind.JsonMappingException;
import java.util.List;

/** Writes where in a request body Jackson stopped, as an RFC 6901 JSON pointer. */
final class JsonPointers {
  private JsonPointers() {}

  static String of(List<JsonMappingException.Reference> path) {
    StringBuilder pointer = new StringBuilder();
    for (JsonMappingException.Reference step : path) {
      pointer.append('/');
      if (step.getFieldName() != null) {
        pointer.append(step.getFieldName().replace("~", "~0").replace("/", "~1"));
      } else if (step.getIndex() >= 0) {
        pointer.append(step.getIndex());
      } else {
        pointer.append('-');
      }
    }
    return pointer.length() == 0 ? "/" : pointer.toString();
  }
}
