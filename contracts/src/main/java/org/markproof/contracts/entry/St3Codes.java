package org.markproof.contracts.entry;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The WIPO Standard ST.3 two-letter codes bundled as {@code st3-codes.txt}: states and other
 * entities (aligned with ISO 3166-1 alpha-2, ST.3 Annex I) and intergovernmental organisations such
 * as EM (EUIPO), WO (WIPO), EP, AP, OA, BX, EA, GC, XN, XV, QZ.
 */
final class St3Codes {
  private static final String RESOURCE = "st3-codes.txt";
  private static final Map<String, String> NAMES = load();

  private St3Codes() {}

  static boolean contains(String code) {
    return NAMES.containsKey(code);
  }

  /** Every code with its ST.3 short name, in code order. */
  static Map<String, String> names() {
    return NAMES;
  }

  private static Map<String, String> load() {
    Map<String, String> names = new TreeMap<>();
    try (InputStream in = St3Codes.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing bundled resource " + RESOURCE);
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        String[] columns = line.split("\t", -1);
        if (columns.length != 3 || !columns[0].matches("[A-Z]{2}")) {
          throw new IllegalStateException(RESOURCE + ": bad line " + Excerpt.of(line));
        }
        names.put(columns[0], columns[2]);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read bundled resource " + RESOURCE, e);
    }
    return Collections.unmodifiableMap(names);
  }
}
