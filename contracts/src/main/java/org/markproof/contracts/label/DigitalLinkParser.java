package org.markproof.contracts.label;

import java.util.ArrayList;
import java.util.List;
import org.markproof.contracts.MalformedDataException;

/**
 * Parses GS1 Digital Link URIs (GS1 Digital Link Standard: URI Syntax 1.2, §4 and §6), following
 * the GS1 Syntax Engine's {@code gs1_parseDLuri} ({@code gs1/gs1-syntax-engine}, {@code
 * src/c-lib/dl.c}) where the standard leaves room, restricted to markproof's label data:
 *
 * <ul>
 *   <li>At most {@link DigitalLink#MAX_LENGTH} characters, all of them RFC 3986 URI characters.
 *   <li>Scheme {@code http://} or {@code https://} in lower or upper case; a non-empty host without
 *       {@code _ ~ ? # @ ! $ & ' ( ) * + , ; = %}; any path prefix (stem) before the key.
 *   <li>The key is found by walking {@code /AI/value} pairs back from the end of the path: the only
 *       primary key is {@code /01/}, followed by the optional qualifiers {@code /10/} then {@code
 *       /21/} in that order ({@code dlpkey=22,10,21}; AI 22 and 235 are not markproof data).
 *   <li>A zero-suppressed GTIN-8/12/13 in the path is padded to 14 digits (the Syntax Engine's
 *       {@code permitZeroSuppressedGTINinDLuris}), and the check digit is verified.
 *   <li>Values are percent-decoded ({@code +} is itself in the path, a space in the query), must
 *       not be empty, and must pass their AI's syntax ({@link ApplicationIdentifier}). A {@code %}
 *       not followed by two hex digits is rejected rather than read literally.
 *   <li>Query parameters: {@code 17} and {@code 8030} are read; {@code 01}, {@code 10} and {@code
 *       21} belong in the path and are rejected, as is any repeated AI; any other all-digit key is
 *       rejected as an AI markproof does not support (the standard forbids unknown AIs; known ones
 *       are out of the label format). Keys with a non-digit (e.g. {@code linkType}) and singletons
 *       are kept verbatim in {@link DigitalLink#otherParameters()} (the standard's "non-GS1"
 *       parameters, ignored for AI data), at most {@value #MAX_QUERY_PARAMETERS} pieces.
 *   <li>A fragment ({@code #...}) is ignored, as the standard says.
 * </ul>
 */
final class DigitalLinkParser {
  static final int MAX_QUERY_PARAMETERS = 32;
  private static final String URI_CHARACTERS =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~:/?#[]@!$&'()*+,;=%";
  private static final boolean[] IS_URI_CHARACTER = new boolean[128];

  static {
    for (char c : URI_CHARACTERS.toCharArray()) {
      IS_URI_CHARACTER[c] = true;
    }
  }

  private static final String BAD_HOST_CHARACTERS = "_~?#@!$&'()*+,;=%";
  private static final String BAD_STEM_CHARACTERS = "?#[]";

  private DigitalLinkParser() {}

  static DigitalLink parse(String uri) throws MalformedDataException {
    if (uri == null) {
      throw new MalformedDataException("Digital Link: got nothing");
    }
    if (uri.length() > DigitalLink.MAX_LENGTH) {
      throw new MalformedDataException(
          "Digital Link: " + uri.length() + " characters, at most " + DigitalLink.MAX_LENGTH);
    }
    for (int i = 0; i < uri.length(); i++) {
      char c = uri.charAt(i);
      if (c >= 128 || !IS_URI_CHARACTER[c]) {
        throw new MalformedDataException(
            "Digital Link: character "
                + Gs1CharacterSets.describe(uri.charAt(i))
                + " at "
                + i
                + " is not allowed in a URI (RFC 3986 §2)");
      }
    }
    int fragment = uri.indexOf('#');
    String withoutFragment = fragment < 0 ? uri : uri.substring(0, fragment);
    int queryStart = withoutFragment.indexOf('?');
    String beforeQuery =
        queryStart < 0 ? withoutFragment : withoutFragment.substring(0, queryStart);
    String query = queryStart < 0 ? "" : withoutFragment.substring(queryStart + 1);

    int hostStart = schemeLength(beforeQuery);
    int pathStart = beforeQuery.indexOf('/', hostStart);
    if (pathStart < 0) {
      throw new MalformedDataException("Digital Link: no path after the host, expected /01/<gtin>");
    }
    checkHost(beforeQuery.substring(hostStart, pathStart));
    String[] segments = beforeQuery.substring(pathStart + 1).split("/", -1);
    int key = findKey(segments);
    String base = beforeQuery.substring(0, pathStart) + stem(segments, key);
    PathValues path = readPath(segments, key);
    QueryValues values = readQuery(query);
    return new DigitalLink(
        base,
        Gs1Fields.of(path.gtin, path.batch, path.serial, values.expiry, values.signature),
        values.others);
  }

  /**
   * Checks a resolver base for {@link DigitalLink#of}: scheme, host, optional prefix segments.
   *
   * @return {@code base} unchanged
   */
  static String checkBase(String base) throws MalformedDataException {
    if (base == null || base.length() > DigitalLink.MAX_LENGTH) {
      throw new MalformedDataException("Digital Link base: missing or too long");
    }
    for (int i = 0; i < base.length(); i++) {
      char c = base.charAt(i);
      if (URI_CHARACTERS.indexOf(c) < 0 || BAD_STEM_CHARACTERS.indexOf(c) >= 0) {
        throw new MalformedDataException(
            "Digital Link base: character " + Gs1CharacterSets.describe(c) + " at " + i);
      }
    }
    int hostStart = schemeLength(base);
    int pathStart = base.indexOf('/', hostStart);
    checkHost(pathStart < 0 ? base.substring(hostStart) : base.substring(hostStart, pathStart));
    if (pathStart >= 0) {
      for (String segment : base.substring(pathStart + 1).split("/", -1)) {
        if (segment.isEmpty()) {
          throw new MalformedDataException(
              "Digital Link base: empty path segment (no trailing or double slash)");
        }
      }
    }
    return base;
  }

  private static int schemeLength(String text) throws MalformedDataException {
    for (String scheme : new String[] {"https://", "HTTPS://", "http://", "HTTP://"}) {
      if (text.startsWith(scheme)) {
        return scheme.length();
      }
    }
    throw new MalformedDataException(
        "Digital Link: scheme must be http:// or https:// (all lower or all upper case)");
  }

  private static void checkHost(String host) throws MalformedDataException {
    if (host.isEmpty()) {
      throw new MalformedDataException("Digital Link: empty host");
    }
    for (int i = 0; i < host.length(); i++) {
      if (BAD_HOST_CHARACTERS.indexOf(host.charAt(i)) >= 0) {
        throw new MalformedDataException(
            "Digital Link: character "
                + Gs1CharacterSets.describe(host.charAt(i))
                + " is not allowed in the host");
      }
    }
  }

  /** Index of the {@code 01} segment found by walking AI/value pairs back from the end. */
  private static int findKey(String[] segments) throws MalformedDataException {
    for (int i = segments.length - 2; i >= 0; i -= 2) {
      String ai = segments[i];
      if (ai.equals("01")) {
        return i;
      }
      if (!ai.equals("10") && !ai.equals("21")) {
        break;
      }
    }
    throw new MalformedDataException(
        "Digital Link: path does not end in /01/<gtin>[/10/<batch>][/21/<serial>]");
  }

  private static String stem(String[] segments, int key) throws MalformedDataException {
    StringBuilder stem = new StringBuilder();
    for (int i = 0; i < key; i++) {
      if (segments[i].isEmpty() || containsAny(segments[i], BAD_STEM_CHARACTERS)) {
        throw new MalformedDataException("Digital Link: empty or invalid path segment " + i);
      }
      stem.append('/').append(segments[i]);
    }
    return stem.toString();
  }

  private record PathValues(Gtin gtin, String batch, String serial) {}

  private static PathValues readPath(String[] segments, int key) throws MalformedDataException {
    String gtinText = pathValue(segments, key);
    Gtin gtin = Gtin.parse(gtinText);
    String batch = null;
    String serial = null;
    int i = key + 2;
    if (i < segments.length && segments[i].equals("10")) {
      batch = pathValue(segments, i);
      i += 2;
    }
    if (i < segments.length && segments[i].equals("21")) {
      serial = pathValue(segments, i);
      i += 2;
    }
    if (i < segments.length) {
      throw new MalformedDataException(
          "Digital Link: AI ("
              + segments[i]
              + ") after the key's qualifiers; expected order /01/ then /10/ then /21/, each once");
    }
    return new PathValues(gtin, batch, serial);
  }

  private static String pathValue(String[] segments, int aiIndex) throws MalformedDataException {
    String field = "AI (" + segments[aiIndex] + ")";
    String raw = segments[aiIndex + 1];
    if (raw.isEmpty()) {
      throw new MalformedDataException(field + ": empty path segment");
    }
    return UriPercentEncoding.decode(field, raw, false);
  }

  private record QueryValues(Gs1Date expiry, String signature, List<String> others) {}

  private static QueryValues readQuery(String query) throws MalformedDataException {
    Gs1Date expiry = null;
    String signature = null;
    List<String> others = new ArrayList<>();
    int pieces = 0;
    for (String piece : query.split("&", -1)) {
      if (piece.isEmpty()) {
        continue;
      }
      if (++pieces > MAX_QUERY_PARAMETERS) {
        throw new MalformedDataException(
            "Digital Link: more than " + MAX_QUERY_PARAMETERS + " query parameters");
      }
      int equals = piece.indexOf('=');
      String key = equals < 0 ? piece : piece.substring(0, equals);
      if (equals < 0 || !isAllDigits(key)) {
        others.add(piece);
        continue;
      }
      String field = "AI (" + key + ")";
      String raw = piece.substring(equals + 1);
      if (raw.isEmpty()) {
        throw new MalformedDataException(field + ": empty query parameter value");
      }
      String value = UriPercentEncoding.decode(field, raw, true);
      switch (key) {
        case "17" -> {
          if (expiry != null) {
            throw new MalformedDataException(field + ": repeated");
          }
          expiry = Gs1Date.parse(field, value);
        }
        case "8030" -> {
          if (signature != null) {
            throw new MalformedDataException(field + ": repeated");
          }
          ApplicationIdentifier.DIGITAL_SIGNATURE.validate(value);
          signature = value;
        }
        case "01", "10", "21" ->
            throw new MalformedDataException(
                field + ": belongs in the path, not the query (or is repeated)");
        default ->
            throw new MalformedDataException(
                field + ": not supported in a markproof label (accepted query AIs: 17, 8030)");
      }
    }
    return new QueryValues(expiry, signature, others);
  }

  private static boolean isAllDigits(String text) {
    if (text.isEmpty()) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) < '0' || text.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  private static boolean containsAny(String text, String characters) {
    for (int i = 0; i < text.length(); i++) {
      if (characters.indexOf(text.charAt(i)) >= 0) {
        return true;
      }
    }
    return false;
  }
}
