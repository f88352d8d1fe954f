package org.markproof.contracts.entry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.erdtman.jcs.JsonCanonicalizer;

/**
 * RFC 8785 (JSON Canonicalization Scheme) bytes of a Jackson tree built by this package: members
 * sorted by UTF-16 code units, no whitespace, ES6 number and string serialisation, UTF-8.
 */
public final class CanonicalJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private CanonicalJson() {}

  public static byte[] bytes(JsonNode node) {
    try {
      return new JsonCanonicalizer(MAPPER.writeValueAsString(node)).getEncodedUTF8();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a tree this package built", e);
    } catch (IOException e) {
      throw new IllegalStateException("JCS rejected JSON this package wrote", e);
    }
  }
}
