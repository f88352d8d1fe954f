package org.markproof.contracts.verdict;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.CharacterCodingException;
import java.util.Map;
import org.markproof.contracts.MalformedDataException;
import org.markproof.contracts.StrictUtf8;

/**
 * Reads a verdict document (docs/verdicts.md "The document") as untrusted JSON text (RFC 8259),
 * stricter than Jackson's defaults, as {@code entry.StrictJsonReader} reads entries but with the
 * document's own bounds: well-formed UTF-8 of at most {@link #MAX_DOCUMENT_BYTES}, one object, no
 * deeper than {@link #MAX_DEPTH}, no duplicate member names, no unpaired surrogates and no numbers
 * beyond a double's range, neither of which RFC 8785 (§3.2.2.2, §3.2.2.3) can canonicalize, so no
 * signature could cover them.
 */
final class EvidenceJson {
  /** Largest document accepted: seven leaves of at most 64 KiB, in base64, and their proofs. */
  static final int MAX_DOCUMENT_BYTES = 1 << 20;

  /** Deepest nesting accepted; {@code sightings[i]} and {@code evidence.entries[i]} need three. */
  static final int MAX_DEPTH = 8;

  private static final ObjectMapper MAPPER =
      JsonMapper.builder(
              JsonFactory.builder()
                  .streamReadConstraints(
                      StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
                  .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                  .build())
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private EvidenceJson() {}

  /**
   * Parses {@code utf8} as one JSON object.
   *
   * @throws MalformedDataException naming the size, the encoding error, the line and column of the
   *     syntax error, the duplicate member, or the member holding an unpaired surrogate
   */
  static ObjectNode read(byte[] utf8) throws MalformedDataException {
    if (utf8.length > MAX_DOCUMENT_BYTES) {
      throw new MalformedDataException(
          "verdict document: got "
              + utf8.length
              + " bytes, expected at most "
              + MAX_DOCUMENT_BYTES);
    }
    String text;
    try {
      text = StrictUtf8.decode(utf8);
    } catch (CharacterCodingException e) {
      throw new MalformedDataException("verdict document: not valid UTF-8", e);
    }
    JsonNode root;
    try {
      root = MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      String at =
          e.getLocation() == null
              ? ""
              : " at line "
                  + e.getLocation().getLineNr()
                  + " column "
                  + e.getLocation().getColumnNr();
      throw new MalformedDataException(
          "verdict document: not valid JSON" + at + ": " + e.getOriginalMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new MalformedDataException("verdict document: expected a JSON object");
    }
    requireScalarValues(root, "");
    return (ObjectNode) root;
  }

  private static void requireScalarValues(JsonNode node, String path)
      throws MalformedDataException {
    if (node.isTextual()) {
      requireScalarValues(node.textValue(), path);
    } else if (node.isFloatingPointNumber() && !Double.isFinite(node.doubleValue())) {
      throw new MalformedDataException(describe(path) + ": number out of range");
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        requireScalarValues(node.get(i), path + "[" + i + "]");
      }
    } else if (node.isObject()) {
      for (Map.Entry<String, JsonNode> member : node.properties()) {
        String child = path.isEmpty() ? member.getKey() : path + "." + member.getKey();
        requireScalarValues(member.getKey(), child);
        requireScalarValues(member.getValue(), child);
      }
    }
  }

  private static String describe(String path) {
    return path.isEmpty() ? "verdict document" : path;
  }

  private static void requireScalarValues(String text, String path) throws MalformedDataException {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        throw new MalformedDataException(describe(path) + ": unpaired surrogate at character " + i);
      }
    }
  }
}
