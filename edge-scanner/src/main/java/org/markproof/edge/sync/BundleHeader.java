package org.markproof.edge.sync;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.markproof.contracts.MalformedDataException;
import org.markproof.contracts.merkle.MerkleHashes;

/**
 * Line 1 of an edge bundle (docs/edge.md "The bundle"): {@code
 * {"format":"markproof/edge-bundle/v1","from":SIZE,"to":N,"checkpoint":"<note>","consistency":[…]}}.
 *
 * @param from the size the bundle starts at: its entries are {@code from … to−1}
 * @param to the size of {@code checkpoint}
 * @param checkpoint the signed checkpoint note of size {@code to}
 * @param consistency the RFC 9162 consistency proof from {@code from} to {@code to}; empty when
 *     {@code from} is 0 or equals {@code to}
 */
public record BundleHeader(long from, long to, String checkpoint, List<byte[]> consistency) {
  /** The value of {@code format}. */
  public static final String FORMAT = "markproof/edge-bundle/v1";

  /** The media type of a bundle file. */
  public static final String MEDIA_TYPE = "application/vnd.markproof.edge-bundle";

  /** The longest header line, without its newline. */
  public static final int MAX_HEADER_BYTES = 1 << 20;

  /** Longest proof of a tree of at most 2^63 leaves. */
  private static final int MAX_PROOF_HASHES = 128;

  private static final Set<String> MEMBERS =
      Set.of("format", "from", "to", "checkpoint", "consistency");
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);

  public BundleHeader {
    consistency = List.copyOf(consistency);
  }

  /**
   * Parses a header line (without its newline) strictly: exactly the five members, sizes in order.
   *
   * @throws MalformedDataException naming the member that is wrong
   */
  public static BundleHeader parse(byte[] line) throws MalformedDataException {
    JsonNode json;
    try {
      json = JSON.readTree(line);
    } catch (JacksonException e) {
      throw new MalformedDataException("bundle header: not JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new MalformedDataException("bundle header: not JSON: " + e.getMessage());
    }
    if (json == null || !json.isObject()) {
      throw new MalformedDataException("bundle header: expected a JSON object");
    }
    for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!MEMBERS.contains(name)) {
        throw new MalformedDataException("bundle header: unknown member \"" + name + "\"");
      }
    }
    if (!FORMAT.equals(json.path("format").textValue())) {
      throw new MalformedDataException(
          "bundle header: format " + json.path("format") + ", expected \"" + FORMAT + "\"");
    }
    long from = size(json, "from");
    long to = size(json, "to");
    if (to < from) {
      throw new MalformedDataException("bundle header: to " + to + " is smaller than from " + from);
    }
    if (!json.path("checkpoint").isTextual()) {
      throw new MalformedDataException("bundle header: checkpoint must be the signed note text");
    }
    List<byte[]> proof = hashes(json.get("consistency"), "bundle header: consistency");
    if ((from == 0 || from == to) && !proof.isEmpty()) {
      throw new MalformedDataException(
          "bundle header: consistency must be empty from " + from + " to " + to);
    }
    return new BundleHeader(from, to, json.get("checkpoint").textValue(), proof);
  }

  /** Returns the header line, without its newline. */
  public byte[] format() {
    ObjectNode json = JSON.createObjectNode();
    json.put("format", FORMAT);
    json.put("from", from);
    json.put("to", to);
    json.put("checkpoint", checkpoint);
    ArrayNode proof = json.putArray("consistency");
    consistency.forEach(h -> proof.add(Base64.getEncoder().encodeToString(h)));
    return json.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** Reads a JSON array of base64 SHA-256 hashes. */
  static List<byte[]> hashes(JsonNode array, String what) throws MalformedDataException {
    if (array == null || !array.isArray()) {
      throw new MalformedDataException(what + ": expected an array of base64 hashes");
    }
    if (array.size() > MAX_PROOF_HASHES) {
      throw new MalformedDataException(
          what + ": " + array.size() + " hashes, at most " + MAX_PROOF_HASHES);
    }
    List<byte[]> hashes = new ArrayList<>(array.size());
    for (JsonNode item : array) {
      String where = what + " hash " + hashes.size();
      if (!item.isTextual()) {
        throw new MalformedDataException(where + ": expected a base64 string");
      }
      byte[] hash;
      try {
        hash = Base64.getDecoder().decode(item.textValue());
      } catch (IllegalArgumentException e) {
        throw new MalformedDataException(where + ": not base64");
      }
      if (hash.length != MerkleHashes.HASH_LENGTH) {
        throw new MalformedDataException(
            where + ": got " + hash.length + " bytes, expected " + MerkleHashes.HASH_LENGTH);
      }
      hashes.add(hash);
    }
    return hashes;
  }

  private static long size(JsonNode json, String name) throws MalformedDataException {
    JsonNode value = json.get(name);
    if (value == null
        || !value.canConvertToExactIntegral()
        || !value.canConvertToLong()
        || !value.isIntegralNumber()
        || value.asLong() < 0) {
      throw new MalformedDataException("bundle header: " + name + " must be a size >= 0");
    }
    return value.asLong();
  }
}
