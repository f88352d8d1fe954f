package org.markproof.contracts.entry;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import org.markproof.contracts.MalformedDataException;
import org.markproof.contracts.merkle.MerkleHashes;

/**
 * One leaf of the markproof log: a {@link SignedEntry} with the time the sequencer appended it.
 *
 * <p>The rules judge an entry at its sequencing time ({@code Rules.apply}), so that time must
 * travel with the entry for every edge and auditor to replay the log to the same state; putting it
 * in the leaf makes it covered by the Merkle tree and the signed checkpoint, as the timestamp of an
 * RFC 9162 §4.5 {@code TimestampedEntry} is. The leaf bytes are the RFC 8785 canonical JSON
 *
 * <pre>{"entry":ENTRY,"sequencedAt":TIME}</pre>
 *
 * where {@code ENTRY} is {@link SignedEntry#encoded()} and {@code TIME} an RFC 3339 UTC instant as
 * {@link Instant#toString()} writes it. The leaf hash is RFC 9162 §2.1.1 {@code H(0x00 ‖ leaf)}.
 */
public final class LogEntry {
  /**
   * Largest leaf: c2sp.org/tlog-tiles entry bundles prefix each entry with a uint16 length. The
   * field bounds of {@link EntryLimits} keep every canonical entry well below it.
   */
  public static final int MAX_LEAF_BYTES = 0xFFFF;

  private final Instant sequencedAt;
  private final SignedEntry entry;
  private final byte[] encoded;

  private LogEntry(Instant sequencedAt, SignedEntry entry) {
    this.sequencedAt = sequencedAt;
    this.entry = entry;
    // Members in JCS order ("entry" < "sequencedAt"); both parts are already canonical and the
    // instant's text needs no escaping, so concatenation is the canonical form.
    byte[] head = "{\"entry\":".getBytes(StandardCharsets.US_ASCII);
    byte[] body = entry.encodedRef();
    byte[] tail = (",\"sequencedAt\":\"" + sequencedAt + "\"}").getBytes(StandardCharsets.US_ASCII);
    byte[] bytes = Arrays.copyOf(head, head.length + body.length + tail.length);
    System.arraycopy(body, 0, bytes, head.length, body.length);
    System.arraycopy(tail, 0, bytes, head.length + body.length, tail.length);
    if (bytes.length > MAX_LEAF_BYTES) {
      throw new IllegalArgumentException(
          "leaf of " + bytes.length + " bytes exceeds the tlog-tiles bound " + MAX_LEAF_BYTES);
    }
    this.encoded = bytes;
  }

  /**
   * Stamps {@code entry} with its sequencing time.
   *
   * @throws IllegalArgumentException if the leaf would exceed {@link #MAX_LEAF_BYTES}, which the
   *     bounds of {@link EntryLimits} rule out for any parsed entry
   */
  public static LogEntry of(Instant sequencedAt, SignedEntry entry) {
    return new LogEntry(Objects.requireNonNull(sequencedAt), Objects.requireNonNull(entry));
  }

  /**
   * Parses a leaf. It must be exactly the canonical encoding, so that one entry has one leaf hash.
   *
   * @throws MalformedDataException naming the JSON path of the first problem
   */
  public static LogEntry parse(byte[] leaf) throws MalformedDataException {
    JsonFields f = StrictJsonReader.read(leaf, "").object("entry", "sequencedAt");
    Instant at = FieldReaders.instant(f.required("sequencedAt"));
    LogEntry parsed = new LogEntry(at, SignedEntry.read(f.required("entry")));
    if (!Arrays.equals(parsed.encoded, leaf)) {
      throw new MalformedDataException("log entry: not in RFC 8785 canonical form");
    }
    return parsed;
  }

  public Instant sequencedAt() {
    return sequencedAt;
  }

  public SignedEntry entry() {
    return entry;
  }

  /** The leaf bytes. */
  public byte[] encoded() {
    return encoded.clone();
  }

  /** The RFC 9162 leaf hash of {@link #encoded()}. */
  public byte[] leafHash() {
    return MerkleHashes.leafHash(encoded);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LogEntry other && Arrays.equals(encoded, other.encoded);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(encoded);
  }

  @Override
  public String toString() {
    return "LogEntry[" + entry + " at " + sequencedAt + "]";
  }
}
