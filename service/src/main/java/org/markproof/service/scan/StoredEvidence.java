package org.markproof.service.scan;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A verdict's evidence member as it is stored (V15): in parts, each a row of {@code
 * verdict_evidence} named by its SHA-256, so that what many verdicts share is stored once.
 *
 * <p>The member is {@code {"checkpoint": <note>, "entries": [<entry>, …]}} (VerdictDocument): part
 * 0 is the canonical JSON (RFC 8785) of the checkpoint's note, part i ≥ 1 that of the i-th entry
 * relied on (its role, index, bytes and tlog-proof). Against one checkpoint, every verdict on goods
 * of one product shares the checkpoint and the product's and mark's entries; only the batch's entry
 * is new with a new batch. Stored whole (V10 to V14), the member was new for every batch: on a
 * ledger of 10^6 batches, 6.3 kB for three scans of four (docs/benchmarks.md).
 *
 * <p>RFC 8785 writes an object's members in order of their names and every value by itself, so the
 * member's canonical bytes are the parts put back between the names: {@link #join} gives exactly
 * what {@code CanonicalJson.bytes} gives for the whole.
 */
final class StoredEvidence {
  private static final byte[] OPEN = "{\"checkpoint\":".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] ENTRIES = ",\"entries\":[".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] CLOSE = "]}".getBytes(StandardCharsets.US_ASCII);

  /** Length of a part's name. */
  static final int ID_LENGTH = 32;

  private StoredEvidence() {}

  /** The evidence member's canonical bytes from its parts, in order. */
  static byte[] join(List<byte[]> parts) {
    if (parts.isEmpty()) {
      throw new IllegalArgumentException("evidence: no parts");
    }
    int size = OPEN.length + ENTRIES.length + CLOSE.length + parts.size();
    for (byte[] part : parts) {
      size += part.length;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(size);
    out.writeBytes(OPEN);
    out.writeBytes(parts.get(0));
    out.writeBytes(ENTRIES);
    for (int i = 1; i < parts.size(); i++) {
      if (i > 1) {
        out.write(',');
      }
      out.writeBytes(parts.get(i));
    }
    out.writeBytes(CLOSE);
    return out.toByteArray();
  }
}
