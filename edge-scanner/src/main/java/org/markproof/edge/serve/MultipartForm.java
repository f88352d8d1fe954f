package org.markproof.edge.serve;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.markproof.contracts.MalformedDataException;

/**
 * Reads a {@code multipart/form-data} body (RFC 7578, its framing per RFC 2046 §5.1.1) that is
 * already in memory and bounded: the boundary from the {@code Content-Type} parameter, each part's
 * headers (bounded in count and length, CRLF line ends, no folding) and its content. Every part
 * needs {@code Content-Disposition: form-data; name="..."} (RFC 7578 §4.2); a preamble before the
 * first boundary and an epilogue after the last are ignored, as RFC 2046 says. Anything else
 * malformed is refused with a message naming what and where.
 */
final class MultipartForm {
  /** Most parts in one form: a photo scan has seven fields. */
  static final int MAX_PARTS = 16;

  /** Most header lines in one part. */
  static final int MAX_HEADERS = 8;

  /** Longest header line of a part, in bytes. */
  static final int MAX_HEADER_LINE = 1024;

  private static final byte[] CRLF = {'\r', '\n'};

  /**
   * One part.
   *
   * @param name its form field name
   * @param filename the file name it was sent with, if any (a file part)
   * @param contentType its {@code Content-Type}, if given
   * @param content its bytes
   */
  record Part(
      String name, Optional<String> filename, Optional<String> contentType, byte[] content) {
    Part {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(filename, "filename");
      Objects.requireNonNull(contentType, "contentType");
      content = content.clone();
    }

    @Override
    public byte[] content() {
      return content.clone();
    }
  }

  private MultipartForm() {}

  /**
   * The boundary named by a {@code multipart/form-data} content type.
   *
   * @throws MalformedDataException if there is no {@code boundary} parameter or it is not 1 to 70
   *     characters of RFC 2046's {@code bchars}, not ending in a space
   */
  static String boundary(String contentType) throws MalformedDataException {
    Optional<String> boundary = Optional.empty();
    for (String[] p : HeaderParameters.of(contentType, "Content-Type")) {
      if (p[0].equals("boundary")) {
        if (boundary.isPresent()) {
          throw new MalformedDataException("Content-Type: the boundary parameter is given twice");
        }
        boundary = Optional.of(p[1]);
      }
    }
    String b =
        boundary.orElseThrow(
            () ->
                new MalformedDataException(
                    "Content-Type: multipart/form-data needs a boundary parameter (RFC 7578 §4.1)"));
    if (b.isEmpty() || b.length() > 70 || b.endsWith(" ")) {
      throw new MalformedDataException(
          "Content-Type: the boundary has "
              + b.length()
              + " characters; 1 to 70, not ending in a space");
    }
    for (int i = 0; i < b.length(); i++) {
      char c = b.charAt(i);
      boolean bchar =
          (c >= '0' && c <= '9')
              || (c >= 'A' && c <= 'Z')
              || (c >= 'a' && c <= 'z')
              || "'()+_,-./:=? ".indexOf(c) >= 0;
      if (!bchar) {
        throw new MalformedDataException(
            "Content-Type: boundary character " + i + " is not allowed (RFC 2046 §5.1.1 bchars)");
      }
    }
    return b;
  }

  /**
   * The parts of {@code body}, in order.
   *
   * @throws MalformedDataException naming the first thing wrong: no opening boundary, a part
   *     without its closing boundary, too many parts or header lines, a header line too long,
   *     folded or not {@code name: value}, a part that is not {@code form-data} or has no name
   */
  static List<Part> parse(byte[] body, String boundary) throws MalformedDataException {
    byte[] dash = ("--" + boundary).getBytes(StandardCharsets.US_ASCII);
    byte[] delimiter = concat(CRLF, dash);
    int at;
    if (startsWith(body, 0, dash)) {
      at = dash.length;
    } else {
      int found = indexOf(body, delimiter, 0);
      if (found < 0) {
        throw new MalformedDataException("the body has no opening boundary --" + boundary);
      }
      at = found + delimiter.length;
    }
    List<Part> parts = new ArrayList<>();
    while (true) {
      if (startsWith(body, at, new byte[] {'-', '-'})) {
        if (parts.isEmpty()) {
          throw new MalformedDataException("the form has no parts");
        }
        return parts;
      }
      at = endOfBoundaryLine(body, at, parts.size() + 1);
      if (parts.size() == MAX_PARTS) {
        throw new MalformedDataException("the form has more than " + MAX_PARTS + " parts");
      }
      int number = parts.size() + 1;
      List<String> headers = new ArrayList<>();
      while (true) {
        int end = indexOf(body, CRLF, at);
        if (end < 0 || end - at > MAX_HEADER_LINE) {
          throw new MalformedDataException(
              "part "
                  + number
                  + ": a header line longer than "
                  + MAX_HEADER_LINE
                  + " bytes, or"
                  + " headers not ended by an empty line");
        }
        if (end == at) {
          at = end + CRLF.length;
          break;
        }
        if (headers.size() == MAX_HEADERS) {
          throw new MalformedDataException(
              "part " + number + ": more than " + MAX_HEADERS + " header lines");
        }
        headers.add(new String(body, at, end - at, StandardCharsets.ISO_8859_1));
        at = end + CRLF.length;
      }
      int end = indexOf(body, delimiter, at);
      if (end < 0) {
        throw new MalformedDataException(
            "part " + number + ": the body ends without its closing boundary --" + boundary);
      }
      parts.add(part(number, headers, java.util.Arrays.copyOfRange(body, at, end)));
      at = end + delimiter.length;
    }
  }

  /** Skips the transport padding after a boundary and its CRLF (RFC 2046 §5.1.1). */
  private static int endOfBoundaryLine(byte[] body, int at, int number)
      throws MalformedDataException {
    int i = at;
    while (i < body.length && (body[i] == ' ' || body[i] == '\t')) {
      i++;
    }
    if (!startsWith(body, i, CRLF)) {
      throw new MalformedDataException(
          "the boundary before part " + number + " is not followed by CRLF");
    }
    return i + CRLF.length;
  }

  private static Part part(int number, List<String> headers, byte[] content)
      throws MalformedDataException {
    Optional<String> disposition = Optional.empty();
    Optional<String> type = Optional.empty();
    for (String line : headers) {
      if (line.startsWith(" ") || line.startsWith("\t")) {
        throw new MalformedDataException("part " + number + ": folded header lines are refused");
      }
      int colon = line.indexOf(':');
      if (colon <= 0) {
        throw new MalformedDataException("part " + number + ": a header line is not name: value");
      }
      String name = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
      String value = line.substring(colon + 1).strip();
      if (name.equals("content-disposition")) {
        if (disposition.isPresent()) {
          throw new MalformedDataException("part " + number + ": two Content-Disposition headers");
        }
        disposition = Optional.of(value);
      } else if (name.equals("content-type")) {
        type = Optional.of(value);
      }
    }
    String d =
        disposition.orElseThrow(
            () ->
                new MalformedDataException(
                    "part " + number + ": no Content-Disposition header (RFC 7578 §4.2)"));
    int semicolon = d.indexOf(';');
    String kind = (semicolon < 0 ? d : d.substring(0, semicolon)).strip();
    if (!kind.equalsIgnoreCase("form-data")) {
      throw new MalformedDataException(
          "part " + number + ": Content-Disposition is " + echo(kind) + ", not form-data");
    }
    Optional<String> fieldName = Optional.empty();
    Optional<String> filename = Optional.empty();
    String where = "part " + number + " Content-Disposition";
    for (String[] p : HeaderParameters.of(semicolon < 0 ? "" : d.substring(semicolon), where)) {
      if (p[0].equals("name")) {
        fieldName = Optional.of(p[1]);
      } else if (p[0].equals("filename")) {
        filename = Optional.of(p[1]);
      }
    }
    if (fieldName.isEmpty() || fieldName.get().isEmpty()) {
      throw new MalformedDataException("part " + number + ": Content-Disposition has no name");
    }
    return new Part(fieldName.get(), filename, type, content);
  }

  static String echo(String text) {
    return text.length() <= 64 ? text : text.substring(0, 64) + "…";
  }

  private static boolean startsWith(byte[] body, int at, byte[] prefix) {
    if (at < 0 || at + prefix.length > body.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (body[at + i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  private static int indexOf(byte[] body, byte[] pattern, int from) {
    for (int i = from; i + pattern.length <= body.length; i++) {
      if (body[i] == pattern[0] && startsWith(body, i, pattern)) {
        return i;
      }
    }
    return -1;
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
