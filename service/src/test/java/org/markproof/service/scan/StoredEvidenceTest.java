package org.markproof.service.scan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.markproof.contracts.entry.CanonicalJson;

/** The evidence member's stored parts put back give its canonical bytes exactly. */
class StoredEvidenceTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static ObjectNode evidence(String note, String... entryTexts) {
    ObjectNode node = JSON.createObjectNode();
    // Members in the opposite of canonical order, as a tree may hold them.
    ArrayNode entries = node.putArray("entries");
    node.put("checkpoint", note);
    int index = 0;
    for (String text : entryTexts) {
      ObjectNode entry = entries.addObject();
      entry.put("role", "batch");
      entry.put("proof", text);
      entry.put("index", index++);
      entry.put("entry", "AAEC");
    }
    return node;
  }

  /** Part 0 the note's canonical text, then each entry's, as the cache writes them. */
  private static List<byte[]> parts(ObjectNode evidence) {
    List<byte[]> parts = new ArrayList<>();
    parts.add(CanonicalJson.bytes(evidence.get("checkpoint")));
    for (JsonNode entry : evidence.get("entries")) {
      parts.add(CanonicalJson.bytes(entry));
    }
    return parts;
  }

  @Test
  void partsPutBackAreTheCanonicalMember() {
    ObjectNode evidence =
        evidence(
            "origin\n5\nroot=\n\n\u2014 origin sig\n",
            "quote \" backslash \\ tab \t nul \u0000",
            "beyond the BMP \uD83D\uDE00, and \u00e9",
            "x".repeat(300));
    assertArrayEquals(CanonicalJson.bytes(evidence), StoredEvidence.join(parts(evidence)));
  }

  @Test
  void evidenceWithoutEntriesIsItsCheckpointAlone() {
    ObjectNode evidence = evidence("origin\n1\nroot=\n");
    assertArrayEquals(CanonicalJson.bytes(evidence), StoredEvidence.join(parts(evidence)));
  }

  @Test
  void noPartsIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> StoredEvidence.join(List.of()));
  }
}
