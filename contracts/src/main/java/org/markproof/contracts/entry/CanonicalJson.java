package org.markproof.contracts.entry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.erdtman.jcs.JsonCanonicalizer;
import org.erdtman.jcs.NumberToJSON;

/**
 * RFC 8785 (JSON Canonicalization Scheme) bytes of a Jackson tree built by this package: members
 * sorted by UTF-16 code units, no whitespace, ES6 number and string serialisation, UTF-8.
 *
 * <p>Trees of objects, arrays, strings, booleans, nulls, and int, long and double numbers — all
 * this package builds — are written directly as UTF-8 bytes (RFC 8785 §3.2): printable ASCII runs
 * byte for byte, other characters encoded as they come, never through an intermediate UTF-16 string
 * (a signed note's em dash would otherwise widen a whole verdict document to UTF-16 and back).
 * Integers within ±2^53 are written as their digits, which is ES6's form of those exact doubles;
 * other numbers go through the canonicalizer library's ES6 serialisation as doubles, exactly as its
 * parser would take them. Any other node falls back to writing the tree as JSON text and
 * canonicalizing that with the library, which the direct path must equal byte for byte ({@code
 * CanonicalJsonTest} compares them).
 */
public final class CanonicalJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final long EXACT = 1L << 53;
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  /** Strings at least this long are written from their UTF-8 bytes at once. */
  private static final int LONG_STRING = 64;

  private CanonicalJson() {}

  public static byte[] bytes(JsonNode node) {
    return bytes(node, null).bytes();
  }

  /**
   * Canonical bytes, and where in them one member lies.
   *
   * @param start the offset of the member's name (its opening quote), or -1 if not found
   * @param end the offset just past the member's value, or -1 if not found
   */
  public record Marked(byte[] bytes, int start, int end) {}

  /**
   * {@link #bytes(JsonNode)}, with the span of the object member whose value is {@code marked}
   * (compared by identity; the first one written if it occurs twice). Not found when {@code marked}
   * is null or not in the tree, or when the tree is not written directly.
   */
  public static Marked bytes(JsonNode node, JsonNode marked) {
    Utf8Out out = new Utf8Out(1024);
    out.marked = marked;
    try {
      write(node, out);
    } catch (NotDirect e) {
      return new Marked(viaText(node), -1, -1);
    } catch (IOException e) {
      throw new IllegalStateException("JCS rejected JSON this package wrote", e);
    }
    return new Marked(out.toByteArray(), out.markStart, out.markEnd);
  }

  /**
   * The canonical bytes of {@code object} with one more member, {@code name}, whose value is {@code
   * canonicalValue}: the canonical bytes of a value written by this class before (a part many
   * documents share, written once). The member takes its place in RFC 8785 order; the span is that
   * member's.
   *
   * @throws IllegalArgumentException if {@code object} has a member {@code name} already, or is not
   *     written directly
   */
  public static Marked withMember(JsonNode object, String name, byte[] canonicalValue) {
    if (!object.isObject() || object.has(name)) {
      throw new IllegalArgumentException(
          "cannot add member " + name + " to " + object.getNodeType());
    }
    Utf8Out out = new Utf8Out(1024 + canonicalValue.length);
    try {
      List<Map.Entry<String, JsonNode>> members = sortedMembers(object);
      out.put('{');
      boolean added = false;
      for (int i = 0; i < members.size(); i++) {
        Map.Entry<String, JsonNode> member = members.get(i);
        if (!added && name.compareTo(member.getKey()) < 0) {
          addRaw(name, canonicalValue, out, i > 0);
          added = true;
        }
        if (i > 0 || added) {
          out.put(',');
        }
        string(member.getKey(), out);
        out.put(':');
        write(member.getValue(), out);
      }
      if (!added) {
        addRaw(name, canonicalValue, out, !members.isEmpty());
      }
      out.put('}');
    } catch (NotDirect e) {
      throw new IllegalArgumentException("the object is not written directly", e);
    } catch (IOException e) {
      throw new IllegalStateException("JCS rejected JSON this package wrote", e);
    }
    return new Marked(out.toByteArray(), out.markStart, out.markEnd);
  }

  private static void addRaw(String name, byte[] canonicalValue, Utf8Out out, boolean comma) {
    if (comma) {
      out.put(',');
    }
    out.markStart = out.len;
    string(name, out);
    out.put(':');
    out.raw(canonicalValue);
    out.markEnd = out.len;
  }

  /** An object's members in RFC 8785 order (sorted only if they are not already). */
  private static List<Map.Entry<String, JsonNode>> sortedMembers(JsonNode node) {
    List<Map.Entry<String, JsonNode>> members = new ArrayList<>(node.properties());
    String previous = null;
    for (Map.Entry<String, JsonNode> member : members) {
      // String.compareTo orders by UTF-16 code units, as RFC 8785 §3.2.3 sorts.
      if (previous != null && previous.compareTo(member.getKey()) > 0) {
        members.sort(Map.Entry.comparingByKey());
        break;
      }
      previous = member.getKey();
    }
    return members;
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

  private static void write(JsonNode node, Utf8Out out) throws IOException {
    switch (node.getNodeType()) {
      case OBJECT -> {
        List<Map.Entry<String, JsonNode>> members = sortedMembers(node);
        out.put('{');
        for (int i = 0; i < members.size(); i++) {
          if (i > 0) {
            out.put(',');
          }
          Map.Entry<String, JsonNode> member = members.get(i);
          boolean marking = member.getValue() == out.marked && out.markStart < 0;
          if (marking) {
            out.markStart = out.len;
          }
          string(member.getKey(), out);
          out.put(':');
          write(member.getValue(), out);
          if (marking) {
            out.markEnd = out.len;
          }
        }
        out.put('}');
      }
      case ARRAY -> {
        out.put('[');
        for (int i = 0; i < node.size(); i++) {
          if (i > 0) {
            out.put(',');
          }
          write(node.get(i), out);
        }
        out.put(']');
      }
      case STRING -> string(node.textValue(), out);
      case BOOLEAN -> out.ascii(node.booleanValue() ? "true" : "false");
      case NULL -> out.ascii("null");
      case NUMBER -> number(node, out);
      default -> throw NotDirect.INSTANCE;
    }
  }

  /**
   * RFC 8785 §3.2.2.3: numbers as ES6 writes doubles. Integers within ±2^53 are exact doubles whose
   * ES6 form is their decimal digits; everything else goes through the library's serialisation.
   */
  private static void number(JsonNode node, Utf8Out out) throws IOException {
    if (node.isInt() || node.isLong() || node.isShort()) {
      long value = node.longValue();
      if (value >= -EXACT && value <= EXACT) {
        out.ascii(Long.toString(value));
        return;
      }
    } else if (!node.isDouble()) {
      throw NotDirect.INSTANCE;
    }
    double value = node.doubleValue();
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      throw new IOException("JSON has no " + value);
    }
    out.ascii(NumberToJSON.serializeNumber(value));
  }

  /** RFC 8785 §3.2.2.2: the short escapes, {@code \\u00xx} for other controls, the rest as is. */
  private static void string(String s, Utf8Out out) {
    int n = s.length();
    if (n >= LONG_STRING) {
      // Char by char, a long string holding one non-Latin-1 character, as every signed note's
      // em dash makes it, cost a bounds check per character (4 % of a scan's samples).
      out.put('"');
      escaped(s.getBytes(StandardCharsets.UTF_8), 0, out);
      return;
    }
    out.ensure(n + 2);
    byte[] buf = out.buf;
    int at = out.len;
    buf[at++] = '"';
    // Most strings (hashes, base64, identifiers) are printable ASCII without quotes or
    // backslashes: copy them byte for byte, and take the general path from the first that is not.
    int i = 0;
    for (; i < n; i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c >= 0x80 || c == '"' || c == '\\') {
        break;
      }
      buf[at++] = (byte) c;
    }
    out.len = at;
    if (i == n) {
      out.put('"');
      return;
    }
    // The first i characters were ASCII, one byte each: the rest starts at byte i.
    escaped(s.getBytes(StandardCharsets.UTF_8), i, out);
  }

  /**
   * Writes {@code utf8} from {@code from} on, escaped, and the closing quote. The bytes are what
   * String.getBytes writes ('?' for an unpaired surrogate); every byte to escape is ASCII, and
   * every byte of a multi-byte sequence is 0x80 or above, so runs between escapes are copied whole.
   */
  private static void escaped(byte[] utf8, int from, Utf8Out out) {
    int run = from;
    for (int j = from; j < utf8.length; j++) {
      byte b = utf8[j];
      if ((b >= 0 && b < 0x20) || b == '"' || b == '\\') {
        out.raw(utf8, run, j - run);
        escape((char) b, out);
        run = j + 1;
      }
    }
    out.raw(utf8, run, utf8.length - run);
    out.put('"');
  }

  /** Writes the escape RFC 8785 gives an ASCII character below 0x20, a quote or a backslash. */
  private static void escape(char c, Utf8Out out) {
    switch (c) {
      case '"' -> out.ascii("\\\"");
      case '\\' -> out.ascii("\\\\");
      case '\b' -> out.ascii("\\b");
      case '\f' -> out.ascii("\\f");
      case '\n' -> out.ascii("\\n");
      case '\r' -> out.ascii("\\r");
      case '\t' -> out.ascii("\\t");
      default -> {
        out.ascii("\\u00");
        out.put(HEX[c >> 4]);
        out.put(HEX[c & 0xf]);
      }
    }
  }

  /** Signals a node this writer leaves to the reference path; thrown without a stack trace. */
  private static final class NotDirect extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private static final NotDirect INSTANCE = new NotDirect();

    private NotDirect() {
      super("not written directly", null, false, false);
    }
  }

  /**
   * A growable UTF-8 byte buffer, kept per thread between documents: a verdict's canonical form is
   * written several times per scan, and growing a fresh buffer each time was a fifth of the scan
   * path's allocation. Taken out while in use, so a nested use gets a fresh one.
   */
  private static final class Utf8Out {
    /** Largest buffer kept for the thread's next document. */
    private static final int KEPT = 1 << 16;

    private static final ThreadLocal<byte[]> SCRATCH = new ThreadLocal<>();

    private byte[] buf;
    private int len;
    private JsonNode marked;
    private int markStart = -1;
    private int markEnd = -1;

    Utf8Out(int capacity) {
      byte[] scratch = SCRATCH.get();
      if (scratch != null && scratch.length >= capacity) {
        // Taken: a document written meanwhile on this thread gets its own. set(null), not
        // remove(), which would drop and clear the thread's map entry for every document.
        SCRATCH.set(null);
        buf = scratch;
      } else {
        buf = new byte[capacity];
      }
    }

    void ensure(int more) {
      if (len + more > buf.length) {
        buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + more));
      }
    }

    void put(char ascii) {
      ensure(1);
      buf[len++] = (byte) ascii;
    }

    /** Appends a string of ASCII characters only. */
    void ascii(String s) {
      int n = s.length();
      ensure(n);
      for (int i = 0; i < n; i++) {
        buf[len++] = (byte) s.charAt(i);
      }
    }

    void codePoint(int cp) {
      ensure(4);
      if (cp < 0x80) {
        buf[len++] = (byte) cp;
      } else if (cp < 0x800) {
        buf[len++] = (byte) (0xc0 | (cp >> 6));
        buf[len++] = (byte) (0x80 | (cp & 0x3f));
      } else if (cp < 0x10000) {
        buf[len++] = (byte) (0xe0 | (cp >> 12));
        buf[len++] = (byte) (0x80 | ((cp >> 6) & 0x3f));
        buf[len++] = (byte) (0x80 | (cp & 0x3f));
      } else {
        buf[len++] = (byte) (0xf0 | (cp >> 18));
        buf[len++] = (byte) (0x80 | ((cp >> 12) & 0x3f));
        buf[len++] = (byte) (0x80 | ((cp >> 6) & 0x3f));
        buf[len++] = (byte) (0x80 | (cp & 0x3f));
      }
    }

    void raw(byte[] bytes) {
      raw(bytes, 0, bytes.length);
    }

    void raw(byte[] bytes, int from, int length) {
      ensure(length);
      System.arraycopy(bytes, from, buf, len, length);
      len += length;
    }

    /** The bytes written; the buffer goes back to the thread, so nothing is written after. */
    byte[] toByteArray() {
      byte[] bytes = Arrays.copyOf(buf, len);
      if (buf.length <= KEPT) {
        SCRATCH.set(buf);
      }
      buf = bytes;
      return bytes;
    }
  }
}
