package org.markproof.contracts.checkpoint;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.markproof.contracts.MalformedDataException;
import org.markproof.contracts.merkle.MerkleHashes;
import org.markproof.contracts.note.CanonicalBase64;
import org.markproof.contracts.note.SignedNote;

/**
 * An offline proof of inclusion (c2sp.org/tlog-proof §Format): the header line {@code
 * c2sp.org/tlog-proof@v1}, an optional {@code extra <base64>} line, {@code index <decimal>}, the
 * inclusion proof hashes one per line from the leaf's sibling up, an empty line, then the signed
 * checkpoint note verbatim. Verify it with {@link TlogProofVerifier}.
 *
 * @param index the zero-based index of the entry in the log
 * @param hashes the RFC 6962 inclusion proof, 32 bytes each, at most {@link #MAX_HASHES}
 * @param extra the optional opaque extra data; not authenticated, never to be trusted implicitly
 * @param checkpointNote the signed checkpoint note, byte for byte
 */
public record TlogProof(
    long index, List<byte[]> hashes, Optional<byte[]> extra, byte[] checkpointNote) {
  /** The header line. */
  public static final String HEADER = "c2sp.org/tlog-proof@v1";

  /** The most proof hashes: an index below 2^63 needs at most 63. */
  public static final int MAX_HASHES = 63;

  /** The largest extra data accepted, in bytes. */
  public static final int MAX_EXTRA_BYTES = 16 * 1024;

  /** The largest proof accepted, in bytes: its lines and a signed note of the largest size. */
  public static final int MAX_PROOF_BYTES = SignedNote.MAX_NOTE_BYTES + 64 * 1024;

  private static final int MAX_LINE_LENGTH = 4 * ((MAX_EXTRA_BYTES + 2) / 3) + 6;

  /** Checks the shape and copies every array. */
  public TlogProof {
    if (index < 0 || hashes.size() > MAX_HASHES || checkpointNote == null) {
      throw new IllegalArgumentException("bad index, proof length or missing checkpoint");
    }
    List<byte[]> copies = new ArrayList<>(hashes.size());
    for (byte[] h : hashes) {
      if (h.length != MerkleHashes.HASH_LENGTH) {
        throw new IllegalArgumentException("proof hash of " + h.length + " bytes");
      }
      copies.add(h.clone());
    }
    hashes = List.copyOf(copies);
    extra = extra.map(byte[]::clone);
    if (extra.isPresent() && extra.get().length > MAX_EXTRA_BYTES) {
      throw new IllegalArgumentException("extra data longer than " + MAX_EXTRA_BYTES);
    }
    checkpointNote = checkpointNote.clone();
  }

  /**
   * Parses a proof strictly; the checkpoint must parse as a signed note, but nothing is verified.
   *
   * @throws MalformedDataException naming the line that breaks c2sp.org/tlog-proof or our bounds
   */
  public static TlogProof parse(byte[] proof) throws MalformedDataException {
    if (proof == null || proof.length > MAX_PROOF_BYTES) {
      throw new MalformedDataException("tlog-proof: missing or larger than " + MAX_PROOF_BYTES);
    }
    LineReader lines = new LineReader(proof);
    if (!HEADER.equals(lines.next())) {
      throw new MalformedDataException("tlog-proof line 1: expected " + HEADER);
    }
    String line = lines.next();
    Optional<byte[]> extra = Optional.empty();
    if (line.startsWith("extra ")) {
      byte[] data = CanonicalBase64.decode(line.substring(6), "tlog-proof extra data");
      if (data.length > MAX_EXTRA_BYTES) {
        throw new MalformedDataException("tlog-proof extra data: more than " + MAX_EXTRA_BYTES);
      }
      extra = Optional.of(data);
      line = lines.next();
    }
    if (!line.startsWith("index ")) {
      throw new MalformedDataException("tlog-proof line " + lines.number + ": expected index");
    }
    long index = Decimals.parse(line.substring(6), "tlog-proof index");
    List<byte[]> hashes = new ArrayList<>();
    for (line = lines.next(); !line.isEmpty(); line = lines.next()) {
      if (hashes.size() == MAX_HASHES) {
        throw new MalformedDataException("tlog-proof: more than " + MAX_HASHES + " proof hashes");
      }
      byte[] hash = CanonicalBase64.decode(line, "tlog-proof line " + lines.number);
      if (hash.length != MerkleHashes.HASH_LENGTH) {
        throw new MalformedDataException(
            "tlog-proof line " + lines.number + ": hash of " + hash.length + " bytes, expected 32");
      }
      hashes.add(hash);
    }
    byte[] note = Arrays.copyOfRange(proof, lines.offset, proof.length);
    SignedNote.parse(note);
    return new TlogProof(index, hashes, extra, note);
  }

  /** Returns the encoded proof. */
  public byte[] toBytes() {
    StringBuilder head = new StringBuilder(HEADER).append('\n');
    extra.ifPresent(e -> head.append("extra ").append(CanonicalBase64.encode(e)).append('\n'));
    head.append("index ").append(index).append('\n');
    for (byte[] h : hashes) {
      head.append(CanonicalBase64.encode(h)).append('\n');
    }
    head.append('\n');
    ByteArrayOutputStream out = new ByteArrayOutputStream(head.length() + checkpointNote.length);
    out.writeBytes(head.toString().getBytes(StandardCharsets.US_ASCII));
    out.writeBytes(checkpointNote);
    return out.toByteArray();
  }

  @Override
  public List<byte[]> hashes() {
    return hashes.stream().map(byte[]::clone).toList();
  }

  @Override
  public Optional<byte[]> extra() {
    return extra.map(byte[]::clone);
  }

  @Override
  public byte[] checkpointNote() {
    return checkpointNote.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TlogProof p && index == p.index && Arrays.equals(toBytes(), p.toBytes());
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(toBytes());
  }

  @Override
  public String toString() {
    return "TlogProof[index " + index + ", " + hashes.size() + " hashes]";
  }

  /** Reads the printable ASCII lines before the checkpoint. */
  private static final class LineReader {
    private final byte[] bytes;
    private int offset;
    private int number;

    LineReader(byte[] bytes) {
      this.bytes = bytes;
    }

    String next() throws MalformedDataException {
      number++;
      int end = offset;
      while (end < bytes.length && bytes[end] != '\n') {
        if (bytes[end] < 0x20 || bytes[end] > 0x7e || end - offset > MAX_LINE_LENGTH) {
          throw new MalformedDataException(
              "tlog-proof line " + number + ": not printable ASCII or too long");
        }
        end++;
      }
      if (end == bytes.length) {
        throw new MalformedDataException(
            "tlog-proof line " + number + ": missing, or not ending with a newline");
      }
      String line = new String(bytes, offset, end - offset, StandardCharsets.US_ASCII);
      offset = end + 1;
      return line;
    }
  }
}
