package org.markproof.contracts.checkpoint;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.markproof.contracts.MalformedDataException;
import org.markproof.contracts.merkle.MerkleHashes;
import org.markproof.contracts.note.CanonicalBase64;
import org.markproof.contracts.note.NoteText;

/**
 * The note text of a transparency log checkpoint (c2sp.org/tlog-checkpoint §Note text): origin,
 * tree size, root hash, then optional extension lines, each line non-empty and ending in a newline.
 *
 * <p>The tree size is an unsigned 64-bit number in the spec; sizes above {@link Long#MAX_VALUE} are
 * rejected, which no log will reach.
 *
 * @param origin the log identity; any non-empty line (the spec only recommends a schema-less URL,
 *     and clients must not assume it, e.g. {@code go.sum database tree})
 * @param size the number of leaves
 * @param rootHash the 32-byte RFC 6962 root hash of the tree at {@code size}
 * @param extensions the opaque extension lines, without newlines, each non-empty
 */
public record Checkpoint(String origin, long size, byte[] rootHash, List<String> extensions) {
  /** Longest line accepted, in characters. */
  public static final int MAX_LINE_LENGTH = 1024;

  /** Most extension lines accepted. */
  public static final int MAX_EXTENSION_LINES = 32;

  /** Checks the shape; callers with untrusted input use {@link #parse}. */
  public Checkpoint {
    extensions = List.copyOf(extensions);
    if (!isLine(origin) || size < 0 || rootHash == null) {
      throw new IllegalArgumentException("checkpoint needs an origin line, a size >= 0 and a root");
    }
    if (rootHash.length != MerkleHashes.HASH_LENGTH) {
      throw new IllegalArgumentException("root hash of " + rootHash.length + " bytes");
    }
    if (extensions.size() > MAX_EXTENSION_LINES
        || !extensions.stream().allMatch(Checkpoint::isLine)) {
      throw new IllegalArgumentException("bad extension lines");
    }
    rootHash = rootHash.clone();
  }

  /** Makes a checkpoint without extension lines. */
  public static Checkpoint of(String origin, long size, byte[] rootHash) {
    return new Checkpoint(origin, size, rootHash, List.of());
  }

  /**
   * Parses a checkpoint note text strictly.
   *
   * @throws MalformedDataException naming the line that breaks c2sp.org/tlog-checkpoint or our
   *     bounds
   */
  public static Checkpoint parse(String text) throws MalformedDataException {
    if (text == null || text.isEmpty() || text.charAt(text.length() - 1) != '\n') {
      throw new MalformedDataException("checkpoint: empty or not ending with a newline");
    }
    int maxLines = 3 + MAX_EXTENSION_LINES;
    if (text.length() > maxLines * (MAX_LINE_LENGTH + 1)) {
      throw new MalformedDataException("checkpoint: " + text.length() + " characters, too long");
    }
    NoteText.requireValid(text, "checkpoint");
    List<String> lines = new ArrayList<>(3);
    int start = 0;
    while (start < text.length()) {
      int end = text.indexOf('\n', start);
      String line = text.substring(start, end);
      String what = "checkpoint line " + (lines.size() + 1);
      if (line.isEmpty()) {
        throw new MalformedDataException(what + " is empty");
      }
      if (line.length() > MAX_LINE_LENGTH) {
        throw new MalformedDataException(
            what + ": " + line.length() + " characters, more than " + MAX_LINE_LENGTH);
      }
      if (lines.size() == maxLines) {
        throw new MalformedDataException(
            "checkpoint: more than " + MAX_EXTENSION_LINES + " extension lines");
      }
      lines.add(line);
      start = end + 1;
    }
    if (lines.size() < 3) {
      throw new MalformedDataException(
          "checkpoint: " + lines.size() + " lines, expected origin, size and root hash");
    }
    long size = Decimals.parse(lines.get(1), "checkpoint size");
    byte[] root = CanonicalBase64.decode(lines.get(2), "checkpoint root hash");
    if (root.length != MerkleHashes.HASH_LENGTH) {
      throw new MalformedDataException(
          "checkpoint root hash: got "
              + root.length
              + " bytes, expected "
              + MerkleHashes.HASH_LENGTH);
    }
    return new Checkpoint(lines.get(0), size, root, lines.subList(3, lines.size()));
  }

  /** Returns the note text: origin, size, base64 root and extension lines, each with a newline. */
  public String format() {
    StringBuilder out = new StringBuilder(origin.length() + 80);
    out.append(origin).append('\n').append(size).append('\n');
    out.append(CanonicalBase64.encode(rootHash)).append('\n');
    for (String line : extensions) {
      out.append(line).append('\n');
    }
    return out.toString();
  }

  /** Returns {@link #format()} as UTF-8. */
  public byte[] toBytes() {
    return format().getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public byte[] rootHash() {
    return rootHash.clone();
  }

  private static boolean isLine(String line) {
    if (line == null || line.isEmpty() || line.length() > MAX_LINE_LENGTH) {
      return false;
    }
    try {
      NoteText.requireValid(line, "line");
    } catch (MalformedDataException e) {
      return false;
    }
    return line.indexOf('\n') < 0;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Checkpoint c
        && size == c.size
        && origin.equals(c.origin)
        && Arrays.equals(rootHash, c.rootHash)
        && extensions.equals(c.extensions);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * origin.hashCode() + Long.hashCode(size)) + Arrays.hashCode(rootHash);
  }

  @Override
  public String toString() {
    return "Checkpoint[" + origin + ", " + size + ", " + CanonicalBase64.encode(rootHash) + "]";
  }
}
