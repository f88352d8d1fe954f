package org.markproof.service.scan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.markproof.contracts.crypto.Sha256;
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

  @Test
  void partsPutBackAreTheCanonicalMember() {
    ObjectNode evidence =
        evidence(
            "origin\n5\nroot=\n\n\u2014 origin sig\n",
            "quote \" backslash \\ tab \t nul \u0000",
            "beyond the BMP \uD83D\uDE00, and \u00e9",
            "x".repeat(300));
    List<byte[]> parts = StoredEvidence.parts(evidence);
    assertEquals(4, parts.size());
    assertArrayEquals(CanonicalJson.bytes(evidence.get("checkpoint")), parts.get(0));
    assertArrayEquals(CanonicalJson.bytes(evidence.get("entries").get(2)), parts.get(3));
    assertArrayEquals(CanonicalJson.bytes(evidence), StoredEvidence.join(parts));

    byte[] ids = StoredEvidence.ids(parts);
    assertEquals(4 * 32, ids.length);
    for (int i = 0; i < parts.size(); i++) {
      assertArrayEquals(Sha256.hash(parts.get(i)), Arrays.copyOfRange(ids, i * 32, i * 32 + 32));
    }
  }

  @Test
  void evidenceWithoutEntriesIsItsCheckpointAlone() {
    ObjectNode evidence = evidence("origin\n1\nroot=\n");
    List<byte[]> parts = StoredEvidence.parts(evidence);
    assertEquals(1, parts.size());
    assertArrayEquals(CanonicalJson.bytes(evidence), StoredEvidence.join(parts));
  }

  @Test
  void anotherShapeIsRefused() {
    ObjectNode extra = evidence("origin\n1\nroot=\n", "p");
    extra.put("more", 1);
    assertThrows(IllegalArgumentException.class, () -> StoredEvidence.parts(extra));
    ObjectNode noEntries = JSON.createObjectNode().put("checkpoint", "c");
    noEntries.put("other", "x");
    assertThrows(IllegalArgumentException.class, () -> StoredEvidence.parts(noEntries));
    ObjectNode numberNote = JSON.createObjectNode().put("checkpoint", 5);
    numberNote.putArray("entries");
    assertThrows(IllegalArgumentException.class, () -> StoredEvidence.parts(numberNote));
    assertThrows(IllegalArgumentException.class, () -> StoredEvidence.join(List.of()));
  }
}
