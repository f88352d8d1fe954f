package org.markproof.contracts.entry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.erdtman.jcs.JsonCanonicalizer;
import org.erdtman.jcs.NumberToJSON;

/**
 * RFC 8785 (JSON Canonicalization Scheme) bytes of a Jackson tree built by this package: members
 * sorted by UTF-16 code units, no whitespace, ES6 number and string serialisation, UTF-8.
 *
 * <p>Trees of objects, arrays, strings, booleans, nulls, and int, long and double numbers — all
 * this package builds — are written directly (RFC 8785 §3.2); numbers go through the canonicalizer
 * library's ES6 serialisation as doubles, exactly as its parser would take them. Any other node
 * falls back to writing the tree as JSON text and canonicalizing that with the library, which the
 * direct path must equal byte for byte ({@code CanonicalJsonTest} compares them).
 */
public final class CanonicalJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private CanonicalJson() {}

  public static byte[] bytes(JsonNode node) {
    if (!isDirect(node)) {
      return viaText(node);
    }
    StringBuilder out = new StringBuilder(1024);
    try {
      write(node, out);
    } catch (IOException e) {
      throw new IllegalStateException("JCS rejected JSON this package wrote", e);
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** The reference path: Jackson's text, canonicalized by the RFC 8785 library. */
  static byte[] viaText(JsonNode node) {
    try {
      return new JsonCanonicalizer(MAPPER.writeValueAsString(node)).getEncodedUTF8();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a tree this package built", e);
    } catch (IOException e) {
      throw new IllegalStateException("JCS rejected JSON this package wrote", e);
    }
  }

  private static boolean isDirect(JsonNode node) {
    switch (node.getNodeType()) {
      case OBJECT, ARRAY -> {
        for (JsonNode child : node) {
          if (!isDirect(child)) {
            return false;
          }
        }
        return true;
      }
      case STRING, BOOLEAN, NULL -> {
        return true;
      }
      case NUMBER -> {
        return node.isInt() || node.isLong() || node.isShort() || node.isDouble();
      }
      default -> {
        return false;
      }
    }
  }

  private static void write(JsonNode node, StringBuilder out) throws IOException {
    switch (node.getNodeType()) {
      case OBJECT -> {
        List<String> names = new ArrayList<>(node.size());
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
          names.add(it.next());
        }
        // String.compareTo orders by UTF-16 code units, as RFC 8785 §3.2.3 sorts.
        names.sort(null);
        out.append('{');
        for (int i = 0; i < names.size(); i++) {
          if (i > 0) {
            out.append(',');
          }
          string(names.get(i), out);
          out.append(':');
          write(node.get(names.get(i)), out);
        }
        out.append('}');
      }
      case ARRAY -> {
        out.append('[');
        for (int i = 0; i < node.size(); i++) {
          if (i > 0) {
            out.append(',');
          }
          write(node.get(i), out);
        }
        out.append(']');
      }
      case STRING -> string(node.textValue(), out);
      case BOOLEAN -> out.append(node.booleanValue());
      case NULL -> out.append("null");
      case NUMBER -> {
        double value = node.doubleValue();
        if (Double.isNaN(value) || Double.isInfinite(value)) {
          throw new IOException("JSON has no " + value);
        }
        out.append(NumberToJSON.serializeNumber(value));
      }
      default -> throw new IllegalStateException("not written directly: " + node.getNodeType());
    }
  }

  /** RFC 8785 §3.2.2.2: the short escapes, {@code \\u00xx} for other controls, the rest as is. */
  private static void string(String s, StringBuilder out) {
    out.append('"');
    // Most strings (hashes, base64, identifiers) need no escape: copy the run before the first
    // character that does in one append.
    int n = s.length();
    int clean = 0;
    while (clean < n) {
      char c = s.charAt(clean);
      if (c < 0x20 || c == '"' || c == '\\') {
        break;
      }
      clean++;
    }
    if (clean == n) {
      out.append(s).append('"');
      return;
    }
    out.append(s, 0, clean);
    for (int i = clean; i < n; i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xf]);
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
