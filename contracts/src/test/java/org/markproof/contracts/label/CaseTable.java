package org.markproof.contracts.label;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads the tab-separated case tables under {@code src/test/resources/label/}. */
final class CaseTable {
  record Row(int line, boolean accept, String input, String expected, String note) {
    @Override
    public String toString() {
      return "line " + line + " (" + note + "): " + input.replace('\u001d', '^');
    }
  }

  private CaseTable() {}

  static List<Row> read(String resource) throws IOException {
    List<Row> rows = new ArrayList<>();
    try (InputStream in = CaseTable.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IOException("missing test resource " + resource);
      }
      String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
      for (int i = 0; i < lines.length; i++) {
        if (lines[i].isEmpty() || lines[i].startsWith("#")) {
          continue;
        }
        String[] columns = lines[i].split("\t", -1);
        if (columns.length != 4 || !(columns[0].equals("accept") || columns[0].equals("reject"))) {
          throw new IOException(resource + " line " + (i + 1) + ": expected 4 columns");
        }
        String input = columns[1].equals("<empty>") ? "" : columns[1];
        rows.add(new Row(i + 1, columns[0].equals("accept"), input, columns[2], columns[3]));
      }
    }
    return rows;
  }
}
