package org.markproof.contracts.entry;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import org.markproof.contracts.MalformedDataException;
import org.markproof.contracts.StrictUtf8;

/**
 * Reads untrusted JSON text (RFC 8259) into a Jackson tree, stricter than Jackson's defaults: the
 * input must be well-formed UTF-8 of at most {@link EntryLimits#MAX_ENTRY_BYTES}, a single value,
 * no deeper than {@link EntryLimits#MAX_DEPTH}, with no duplicate member names and no unpaired
 * surrogates (RFC 8785 §3.2.2.2). Every error names the JSON path where it was found.
 */
final class StrictJsonReader {
  private static final JsonFactory FACTORY = JsonFactory.builder().build();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private StrictJsonReader() {}

  /**
   * Parses {@code utf8} as one JSON value.
   *
   * @param rootPath the path of the value, for messages ({@code ""} for an entry envelope)
   */
  static JsonValue read(byte[] utf8, String rootPath) throws MalformedDataException {
    String where = JsonValue.describe(rootPath);
    if (utf8.length > EntryLimits.MAX_ENTRY_BYTES) {
      throw new MalformedDataException(
          where
              + ": got "
              + utf8.length
              + " bytes, expected at most "
              + EntryLimits.MAX_ENTRY_BYTES);
    }
    String text;
    try {
      text = StrictUtf8.decode(utf8);
    } catch (CharacterCodingException e) {
      throw new MalformedDataException(where + ": not valid UTF-8", e);
    }
    try (JsonParser parser = FACTORY.createParser(text)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        throw new MalformedDataException(where + ": expected a JSON value, got nothing");
      }
      JsonNode node = readValue(parser, first, rootPath, 1);
      if (parser.nextToken() != null) {
        throw new MalformedDataException(where + ": unexpected content after the JSON value");
      }
      return new JsonValue(node, rootPath);
    } catch (JsonProcessingException e) {
      String at =
          e.getLocation() == null
              ? ""
              : " at line "
                  + e.getLocation().getLineNr()
                  + " column "
                  + e.getLocation().getColumnNr();
      throw new MalformedDataException(
          where + ": not valid JSON" + at + ": " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new MalformedDataException(where + ": cannot read JSON: " + e.getMessage(), e);
    }
  }

  private static JsonNode readValue(JsonParser parser, JsonToken token, String path, int depth)
      throws IOException, MalformedDataException {
    switch (token) {
      case START_OBJECT:
        return readObject(parser, path, depth);
      case START_ARRAY:
        return readArray(parser, path, depth);
      case VALUE_STRING:
        String text = parser.getText();
        requireScalarValues(text, path);
        return NODES.textNode(text);
      case VALUE_NUMBER_INT:
        return NODES.numberNode(parser.getBigIntegerValue());
      case VALUE_NUMBER_FLOAT:
        BigDecimal decimal;
        try {
          decimal = parser.getDecimalValue();
        } catch (NumberFormatException e) {
          throw new MalformedDataException(JsonValue.describe(path) + ": number out of range");
        }
        return NODES.numberNode(decimal);
      case VALUE_TRUE:
      case VALUE_FALSE:
        return NODES.booleanNode(token == JsonToken.VALUE_TRUE);
      case VALUE_NULL:
        return NODES.nullNode();
      default:
        throw new MalformedDataException(JsonValue.describe(path) + ": unexpected " + token);
    }
  }

  private static ObjectNode readObject(JsonParser parser, String path, int depth)
      throws IOException, MalformedDataException {
    requireDepth(path, depth);
    ObjectNode object = NODES.objectNode();
    for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
      String name = parser.currentName();
      String child = JsonValue.child(path, name);
      requireScalarValues(name, child);
      if (object.has(name)) {
        throw new MalformedDataException(child + ": duplicate key");
      }
      object.set(name, readValue(parser, parser.nextToken(), child, depth + 1));
    }
    return object;
  }

  private static ArrayNode readArray(JsonParser parser, String path, int depth)
      throws IOException, MalformedDataException {
    requireDepth(path, depth);
    ArrayNode array = NODES.arrayNode();
    for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
      array.add(readValue(parser, t, path + "[" + array.size() + "]", depth + 1));
    }
    return array;
  }

  private static void requireDepth(String path, int depth) throws MalformedDataException {
    if (depth > EntryLimits.MAX_DEPTH) {
      throw new MalformedDataException(
          JsonValue.describe(path) + ": nested deeper than " + EntryLimits.MAX_DEPTH + " levels");
    }
  }

  private static void requireScalarValues(String text, String path) throws MalformedDataException {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        throw new MalformedDataException(
            JsonValue.describe(path) + ": unpaired surrogate at character " + i);
      }
    }
  }
}
