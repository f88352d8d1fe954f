package org.markproof.contracts.verdict;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.markproof.contracts.MalformedDataException;
import org.markproof.contracts.checkpoint.TlogProof;
import org.markproof.contracts.entry.LogEntry;
import org.markproof.contracts.note.CanonicalBase64;

/**
 * The parts of a verdict document the offline check needs, read strictly (docs/verdicts.md "The
 * document"): its {@code format}, its {@code verdict} code, and its {@code evidence}, whose entries
 * each have a known role, used once, an index, the leaf bytes and a parsed tlog-proof. Nothing here
 * is verified; {@link EvidenceVerifier} does that.
 *
 * @param verdict the verdict code
 * @param checkpoint the bytes of {@code evidence.checkpoint}, the signed checkpoint note
 * @param entries the evidence entries in document order
 */
record EvidenceDocument(String verdict, byte[] checkpoint, List<Item> entries) {
  /** The roles of docs/verdicts.md, in the order it lists them. */
  static final List<String> ROLES =
      List.of("batch", "product", "mark", "holder", "status", "license", "revocation");

  private static final Set<String> ENTRY_MEMBERS = Set.of("role", "index", "entry", "proof");
  private static final Set<String> EVIDENCE_MEMBERS = Set.of("checkpoint", "entries");

  /**
   * One evidence entry, not yet verified.
   *
   * @param position its position in {@code evidence.entries}
   * @param role one of {@link #ROLES}
   * @param index the log index the document gives
   * @param entry the leaf bytes ({@code LogEntry.encoded()})
   * @param proof the parsed c2sp.org/tlog-proof
   */
  record Item(int position, String role, long index, byte[] entry, TlogProof proof) {
    /** How messages name this entry: {@code entry 2 (role license, index 57)}. */
    String describe() {
      return "entry " + position + " (role " + role + ", index " + index + ")";
    }
  }

  /**
   * Reads the document's shape.
   *
   * @throws MalformedDataException naming the member that is missing, of the wrong type, not
   *     canonical base64, not a tlog-proof, of an unknown role or of a role already used
   */
  static EvidenceDocument read(ObjectNode document) throws MalformedDataException {
    String format = text(document, "format", "format");
    if (!VerdictSignature.FORMATS.contains(format)) {
      throw new MalformedDataException(
          "format: got \"" + format + "\", expected one of " + VerdictSignature.FORMATS);
    }
    String verdict = text(document, "verdict", "verdict");
    if (!EvidenceClaims.NEEDED.containsKey(verdict)) {
      throw new MalformedDataException("verdict: unknown code \"" + verdict + "\"");
    }
    JsonNode evidence = member(document, "evidence", "evidence");
    requireObject(evidence, "evidence", EVIDENCE_MEMBERS);
    byte[] checkpoint =
        text(evidence, "checkpoint", "evidence.checkpoint").getBytes(StandardCharsets.UTF_8);
    JsonNode entries = member(evidence, "entries", "evidence.entries");
    if (!entries.isArray()) {
      throw new MalformedDataException("evidence.entries: expected an array");
    }
    List<Item> items = new ArrayList<>(entries.size());
    Map<String, String> used = new HashMap<>();
    for (int i = 0; i < entries.size(); i++) {
      items.add(item(entries.get(i), i, used));
    }
    return new EvidenceDocument(verdict, checkpoint, List.copyOf(items));
  }

  private static Item item(JsonNode node, int position, Map<String, String> used)
      throws MalformedDataException {
    String path = "evidence.entries[" + position + "]";
    requireObject(node, path, ENTRY_MEMBERS);
    String role = text(node, "role", path + ".role");
    if (!ROLES.contains(role)) {
      throw new MalformedDataException(
          path + ".role: unknown role \"" + role + "\", expected one of " + ROLES);
    }
    String first = used.putIfAbsent(role, path);
    if (first != null) {
      throw new MalformedDataException(
          path + ".role: role " + role + " is used twice, first by " + first);
    }
    JsonNode index = member(node, "index", path + ".index");
    if (!index.isIntegralNumber() || !index.canConvertToLong() || index.longValue() < 0) {
      throw new MalformedDataException(path + ".index: expected an integer from 0 to 2^63-1");
    }
    byte[] entry = CanonicalBase64.decode(text(node, "entry", path + ".entry"), path + ".entry");
    if (entry.length > LogEntry.MAX_LEAF_BYTES) {
      throw new MalformedDataException(
          path + ".entry: got " + entry.length + " bytes, at most " + LogEntry.MAX_LEAF_BYTES);
    }
    TlogProof proof;
    try {
      proof =
          TlogProof.parse(text(node, "proof", path + ".proof").getBytes(StandardCharsets.UTF_8));
    } catch (MalformedDataException e) {
      throw new MalformedDataException(path + ".proof: " + e.getMessage(), e);
    }
    return new Item(position, role, index.longValue(), entry, proof);
  }

  private static JsonNode member(JsonNode object, String name, String path)
      throws MalformedDataException {
    JsonNode value = object.get(name);
    if (value == null) {
      throw new MalformedDataException(path + ": missing required member");
    }
    return value;
  }

  private static String text(JsonNode object, String name, String path)
      throws MalformedDataException {
    JsonNode value = member(object, name, path);
    if (!value.isTextual()) {
      throw new MalformedDataException(path + ": expected a string");
    }
    return value.textValue();
  }

  private static void requireObject(JsonNode node, String path, Set<String> allowed)
      throws MalformedDataException {
    if (!node.isObject()) {
      throw new MalformedDataException(path + ": expected an object");
    }
    for (Map.Entry<String, JsonNode> member : node.properties()) {
      if (!allowed.contains(member.getKey())) {
        throw new MalformedDataException(path + "." + member.getKey() + ": unknown member");
      }
    }
  }
}
