package org.markproof.contracts.edge;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.markproof.contracts.MalformedDataException;
import org.markproof.contracts.checkpoint.Checkpoint;
import org.markproof.contracts.merkle.MerkleHashes;
import org.markproof.contracts.note.CanonicalBase64;
import org.markproof.contracts.note.SignedNote;

/**
 * The header line of an edge bundle (docs/edge.md "The bundle"): the entries {@code from … to−1}
 * follow it, and {@code consistency} proves the checkpoint of size {@code to} extends the tree of
 * size {@code from} (RFC 9162 §2.1.4). The header proves nothing by itself: a reader verifies the
 * checkpoint with the log key, the proof against its adopted root, and the entries against the
 * checkpoint's root.
 *
 * @param from the size the receiver has adopted; the first entry's index
 * @param to the checkpoint's size; one past the last entry's index
 * @param checkpoint the signed checkpoint note of size {@code to}, as served at {@code /checkpoint}
 * @param consistency the consistency proof from {@code from} to {@code to}, empty when {@code from}
 *     is 0 or equals {@code to}
 */
public record EdgeBundle(long from, long to, String checkpoint, List<byte[]> consistency) {
  /** The {@code format} member of every v1 header. */
  public static final String FORMAT = "markproof/edge-bundle/v1";

  /** The media type of a bundle file. */
  public static final String MEDIA_TYPE = "application/vnd.markproof.edge-bundle";

  /** The longest header line, its newline included. */
  public static final int MAX_HEADER_BYTES = 1 << 20;

  /**
   * The most hashes a consistency proof may have: at most two per tree level (RFC 9162 §2.1.4.1),
   * and a size fits in 63 bits.
   */
  public static final int MAX_PROOF_HASHES = 2 * Long.SIZE;

  private static final Set<String> MEMBERS =
      Set.of("format", "from", "to", "checkpoint", "consistency");
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  /**
   * Checks the shape: sizes, proof length and hash lengths, and that the checkpoint note is a
   * checkpoint of size {@code to} (its signatures are not verified here).
   *
   * @throws IllegalArgumentException naming what is wrong
   */
  public EdgeBundle {
    try {
      check(from, to, checkpoint, consistency);
    } catch (MalformedDataException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
    List<byte[]> copies = new ArrayList<>(consistency.size());
    consistency.forEach(h -> copies.add(h.clone()));
    consistency = List.copyOf(copies);
  }

  /** Returns copies of the proof's hashes. */
  @Override
  public List<byte[]> consistency() {
    List<byte[]> copies = new ArrayList<>(consistency.size());
    consistency.forEach(h -> copies.add(h.clone()));
    return copies;
  }

  /** The number of entries after the header: {@code to − from}. */
  public long entryCount() {
    return to - from;
  }

  /** The header line: one JSON object in UTF-8, without a newline inside, ending in {@code \n}. */
  public byte[] encode() {
    ObjectNode header = JSON.createObjectNode();
    header.put("format", FORMAT);
    header.put("from", from);
    header.put("to", to);
    header.put("checkpoint", checkpoint);
    ArrayNode proof = header.putArray("consistency");
    consistency.forEach(h -> proof.add(CanonicalBase64.encode(h)));
    try {
      byte[] json = JSON.writeValueAsBytes(header);
      byte[] line = new byte[json.length + 1];
      System.arraycopy(json, 0, line, 0, json.length);
      line[json.length] = '\n';
      return line;
    } catch (IOException e) {
      throw new IllegalStateException("cannot write an edge bundle header", e);
    }
  }

  /**
   * Parses a header line (without its newline) strictly: exactly the five members, each of its
   * type, no duplicates, canonical base64 hashes of 32 bytes.
   *
   * @throws MalformedDataException naming the member at fault
   */
  public static EdgeBundle parse(byte[] line) throws MalformedDataException {
    if (line.length >= MAX_HEADER_BYTES) {
      throw new MalformedDataException(
          "edge bundle header: " + line.length + " bytes, at most " + (MAX_HEADER_BYTES - 1));
    }
    JsonNode header;
    try {
      header = JSON.readTree(line);
    } catch (IOException e) {
      throw new MalformedDataException("edge bundle header: not JSON: " + firstLine(e), e);
    }
    if (header == null || !header.isObject()) {
      throw new MalformedDataException("edge bundle header: not a JSON object");
    }
    Set<String> names = new TreeSet<>();
    header.fieldNames().forEachRemaining(names::add);
    if (!names.equals(MEMBERS)) {
      throw new MalformedDataException(
          "edge bundle header: members " + names + ", expected " + new TreeSet<>(MEMBERS));
    }
    if (!FORMAT.equals(header.get("format").textValue())) {
      throw new MalformedDataException(
          "edge bundle header: format " + header.get("format") + ", expected " + FORMAT);
    }
    long from = size(header, "from");
    long to = size(header, "to");
    JsonNode note = header.get("checkpoint");
    if (!note.isTextual()) {
      throw new MalformedDataException("edge bundle header: checkpoint is not a string");
    }
    JsonNode proof = header.get("consistency");
    if (!proof.isArray() || proof.size() > MAX_PROOF_HASHES) {
      throw new MalformedDataException(
          "edge bundle header: consistency is not an array of at most "
              + MAX_PROOF_HASHES
              + " hashes");
    }
    List<byte[]> hashes = new ArrayList<>(proof.size());
    for (JsonNode hash : proof) {
      String what = "edge bundle header: consistency[" + hashes.size() + "]";
      if (!hash.isTextual()) {
        throw new MalformedDataException(what + " is not a string");
      }
      hashes.add(CanonicalBase64.decode(hash.textValue(), what));
    }
    check(from, to, note.textValue(), hashes);
    return new EdgeBundle(from, to, note.textValue(), hashes);
  }

  private static long size(JsonNode header, String name) throws MalformedDataException {
    JsonNode value = header.get(name);
    if (!value.isIntegralNumber() || !value.canConvertToLong() || value.longValue() < 0) {
      throw new MalformedDataException(
          "edge bundle header: " + name + " is not a tree size (a whole number >= 0)");
    }
    return value.longValue();
  }

  private static void check(long from, long to, String checkpoint, List<byte[]> consistency)
      throws MalformedDataException {
    if (from < 0 || to < from) {
      throw new MalformedDataException(
          "edge bundle header: from " + from + " and to " + to + ", expected 0 <= from <= to");
    }
    if (consistency.size() > MAX_PROOF_HASHES) {
      throw new MalformedDataException(
          "edge bundle header: "
              + consistency.size()
              + " proof hashes, at most "
              + MAX_PROOF_HASHES);
    }
    if ((from == 0 || from == to) && !consistency.isEmpty()) {
      throw new MalformedDataException(
          "edge bundle header: a bundle from "
              + from
              + " to "
              + to
              + " has no consistency proof, got "
              + consistency.size()
              + " hashes");
    }
    for (int i = 0; i < consistency.size(); i++) {
      byte[] hash = consistency.get(i);
      if (hash == null || hash.length != MerkleHashes.HASH_LENGTH) {
        throw new MalformedDataException(
            "edge bundle header: consistency["
                + i
                + "] has "
                + (hash == null ? "no" : hash.length)
                + " bytes, expected "
                + MerkleHashes.HASH_LENGTH);
      }
    }
    Checkpoint parsed =
        Checkpoint.parse(SignedNote.parse(checkpoint.getBytes(StandardCharsets.UTF_8)).text());
    if (parsed.size() != to) {
      throw new MalformedDataException(
          "edge bundle header: the checkpoint is of size " + parsed.size() + ", to is " + to);
    }
  }

  private static String firstLine(IOException e) {
    String message = String.valueOf(e.getMessage());
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
