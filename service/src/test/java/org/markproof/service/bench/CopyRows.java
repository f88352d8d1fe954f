package org.markproof.service.bench;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.HexFormat;
import org.postgresql.PGConnection;

/**
 * Rows for PostgreSQL's {@code COPY … FROM STDIN} in its text format: tab-separated fields, one row
 * a line, {@code bytea} as {@code \x} hex (its backslash doubled, COPY's escape character). Fields
 * given as text must hold no tab, newline or backslash (the loader writes numbers, RFC 3339 times
 * and identifiers only). COPY fires the tables' row and deferred triggers like INSERT does.
 */
final class CopyRows {
  private static final HexFormat HEX = HexFormat.of();

  private final ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 20);
  private boolean rowStarted;

  CopyRows field(String text) {
    separate();
    out.writeBytes(text.getBytes(StandardCharsets.US_ASCII));
    return this;
  }

  CopyRows bytea(byte[] bytes) {
    separate();
    out.writeBytes(("\\\\x" + HEX.formatHex(bytes)).getBytes(StandardCharsets.US_ASCII));
    return this;
  }

  void end() {
    out.write('\n');
    rowStarted = false;
  }

  private void separate() {
    if (rowStarted) {
      out.write('\t');
    }
    rowStarted = true;
  }

  /** Copies the rows into {@code table} (with its column list), in the connection's transaction. */
  long copyInto(Connection c, String table) throws Exception {
    return c.unwrap(PGConnection.class)
        .getCopyAPI()
        .copyIn("COPY " + table + " FROM STDIN", new ByteArrayInputStream(out.toByteArray()));
  }
}
