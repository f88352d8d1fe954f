package org.markproof.contracts.tiles;

import org.markproof.contracts.MalformedDataException;

/**
 * The path syntax of c2sp.org/tlog-tiles: {@code tile/<L>/<N>[.p/<W>]} and {@code
 * tile/entries/<N>[.p/<W>]}. {@code <N>} is written in groups of three digits, all but the last
 * prefixed with {@code x} (1234067 is {@code x001/x234/067}); {@code <L>} and {@code <W>} are
 * decimal without leading zeros. Parsing accepts only this canonical form.
 */
final class TilePaths {
  /** Longest canonical path: "tile/entries/" + 7 index groups + ".p/255". */
  private static final int MAX_PATH_LENGTH = 64;

  private static final String PREFIX = "tile/";
  private static final String ENTRIES = "entries";
  private static final String PARTIAL = ".p";

  private TilePaths() {}

  /** Returns {@code n} in three-digit groups, {@code x}-prefixed but for the last. */
  static String formatIndex(long n) {
    String digits = Long.toString(n);
    String padded = "0".repeat((3 - digits.length() % 3) % 3) + digits;
    StringBuilder path = new StringBuilder();
    for (int i = 0; i < padded.length(); i += 3) {
      if (i > 0) {
        path.append('/');
      }
      if (i + 3 < padded.length()) {
        path.append('x');
      }
      path.append(padded, i, i + 3);
    }
    return path.toString();
  }

  /** Returns the {@code .p/<W>} suffix of a partial tile, or nothing for a full one. */
  static String formatWidth(int width) {
    return width == TileResource.FULL_WIDTH ? "" : PARTIAL + "/" + width;
  }

  static TileResource parse(String path) throws MalformedDataException {
    if (path == null || path.length() > MAX_PATH_LENGTH) {
      throw malformed(path, "longer than " + MAX_PATH_LENGTH + " characters or missing");
    }
    if (!path.startsWith(PREFIX)) {
      throw malformed(path, "does not start with " + PREFIX);
    }
    String[] segments = path.substring(PREFIX.length()).split("/", -1);
    if (segments.length < 2) {
      throw malformed(path, "has no index");
    }
    int width = TileResource.FULL_WIDTH;
    int indexEnd = segments.length;
    if (segments[segments.length - 2].endsWith(PARTIAL)) {
      width = (int) parseDecimal(path, segments[segments.length - 1], "width", 1, 255);
      indexEnd = segments.length - 1;
      String last = segments[indexEnd - 1];
      segments[indexEnd - 1] = last.substring(0, last.length() - PARTIAL.length());
    }
    long index = parseIndex(path, segments, 1, indexEnd);
    TileResource resource;
    try {
      if (segments[0].equals(ENTRIES)) {
        resource = new EntryBundleId(index, width);
      } else {
        int level = (int) parseDecimal(path, segments[0], "level", 0, 63);
        if (level > TileId.MAX_LEVEL) {
          throw malformed(path, "names level " + level + ", empty in every tree below 2^63");
        }
        resource = new TileId(level, index, width);
      }
    } catch (IllegalArgumentException e) {
      throw malformed(path, e.getMessage());
    }
    if (!resource.path().equals(path)) {
      // A safety net behind the checks above: no second spelling of a resource may slip by.
      throw malformed(path, "is not canonical; expected " + resource.path());
    }
    return resource;
  }

  private static long parseIndex(String path, String[] segments, int from, int to)
      throws MalformedDataException {
    if (to - from < 1) {
      throw malformed(path, "has no index");
    }
    if (to - from > 7) {
      throw malformed(path, "has " + (to - from) + " index groups, at most 7 fit in 63 bits");
    }
    long index = 0;
    for (int i = from; i < to; i++) {
      String group = segments[i];
      boolean last = i == to - 1;
      if (!last) {
        if (!group.startsWith("x")) {
          throw malformed(path, "index group '" + group + "' lacks its x prefix");
        }
        group = group.substring(1);
      }
      if (group.length() != 3 || !isDigits(group)) {
        throw malformed(path, "index group '" + segments[i] + "' is not three digits");
      }
      if (i == from && !last && group.equals("000")) {
        throw malformed(path, "index has a leading zero group");
      }
      try {
        index = Math.addExact(Math.multiplyExact(index, 1000L), Integer.parseInt(group));
      } catch (ArithmeticException e) {
        throw malformed(path, "index exceeds " + Long.MAX_VALUE);
      }
    }
    return index;
  }

  private static long parseDecimal(String path, String text, String what, int min, int max)
      throws MalformedDataException {
    if (text.isEmpty() || text.length() > 3 || !isDigits(text)) {
      throw malformed(path, what + " '" + text + "' is not a number of at most 3 digits");
    }
    if (text.length() > 1 && text.charAt(0) == '0') {
      throw malformed(path, what + " '" + text + "' has a leading zero");
    }
    int value = Integer.parseInt(text);
    if (value < min || value > max) {
      throw malformed(path, what + " " + value + " is outside " + min + ".." + max);
    }
    return value;
  }

  private static boolean isDigits(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  private static MalformedDataException malformed(String path, String problem) {
    return new MalformedDataException("tile path '" + path + "' " + problem);
  }
}
