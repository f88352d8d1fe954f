package org.markproof.contracts.verdict;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.markproof.contracts.rules.Statements.SHOE;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.markproof.contracts.MalformedDataException;
import org.markproof.contracts.crypto.SignatureVerificationException;
import org.markproof.contracts.note.Ed25519NoteSigner;
import org.markproof.contracts.rules.Statements;
import org.markproof.contracts.rules.TestLedger;

class VerdictPartsTest {
  private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final VerdictLedger l = new VerdictLedger();
  private final Ed25519NoteSigner verdictKey;

  VerdictPartsTest() throws Exception {
    verdictKey = Ed25519NoteSigner.of("markproof.test/verdict", TestLedger.key("verdict", 0));
  }

  private VerdictSignature.Signed signed(String scanId, String text, Judgement judgement) {
    ScanFacts scan = new ScanFacts(scanId, "FR-CDG", 49.0097, 2.5479, NOW, text, Optional.of("qr"));
    ObjectNode doc =
        VerdictDocument.write(
            judgement,
            scan,
            VerdictDocument.Circumstances.online(NOW),
            l,
            l.checkpoint(),
            l.size());
    return VerdictSignature.signed(doc, verdictKey);
  }

  private VerdictSignature.Signed signed(String scanId, String text) {
    return signed(scanId, text, l.judge(text));
  }

  /** Every kind of document the service writes, with text that is not ASCII. */
  private List<VerdictSignature.Signed> documents() {
    List<VerdictSignature.Signed> out = new ArrayList<>();
    out.add(signed("genuine", VerdictLedger.label("L1", "SER0001")));
    out.add(signed("malformed", "caf\u00e9 \u2014 \ud834\udd1e \u0007 \"quoted\" \\ </script>"));
    out.add(signed("unknown-batch", VerdictLedger.label("NOPE", "SER0001")));
    out.add(
        signed("forged", VerdictLedger.label(TestLedger.key("someone-else", 0), "L1", "SER0002")));
    String copied = VerdictLedger.label("L1", "SER0003");
    Sighting far = new Sighting("earlier", "AU-SYD", -33.9399, 151.1753, NOW.minusSeconds(600));
    Judgement clone =
        l.judge(copied)
            .withClones(
                CloneDetector.check(
                    ClonePolicy.DEFAULT,
                    new Sighting("clone", "FR-CDG", 49.0097, 2.5479, NOW),
                    List.of(far)));
    assertEquals(VerdictCode.SUSPECT_CLONE, clone.verdict());
    out.add(signed("clone", copied, clone));
    return out;
  }

  @Test
  void joiningTheStoredPartsGivesBackTheSignedTextByteForByte() throws Exception {
    for (VerdictSignature.Signed signed : documents()) {
      VerdictParts parts = VerdictParts.split(signed).orElseThrow();
      assertArrayEquals(signed.text(), parts.join(), new String(signed.text(), UTF_8));

      ObjectNode rest = (ObjectNode) JSON.readTree(parts.rest());
      ObjectNode whole = (ObjectNode) JSON.readTree(signed.text());
      assertFalse(rest.has("evidence"));
      assertEquals(whole.get("evidence"), JSON.readTree(parts.evidence()));
      whole.remove("evidence");
      assertEquals(whole, rest, "the rest is every other member, unchanged");
      VerdictSignature.verify((ObjectNode) JSON.readTree(parts.join()), verdictKey.verifier());
    }
  }

  @Test
  void evidenceAddedAsKeptCanonicalBytesSignsTheSameTextAsTheWholeTree() throws Exception {
    List<String> codes =
        List.of(
            VerdictLedger.label("L1", "SER0001"),
            "caf\u00e9 \u2014 \ud834\udd1e \u0007",
            VerdictLedger.label("NOPE", "SER0001"));
    for (String code : codes) {
      Judgement j = l.judge(code);
      ScanFacts scan = new ScanFacts("k", "FR-CDG", 49.0097, 2.5479, NOW, code, Optional.empty());
      VerdictDocument.Circumstances online = VerdictDocument.Circumstances.online(NOW);
      VerdictSignature.Signed whole =
          VerdictSignature.signed(
              VerdictDocument.write(j, scan, online, l, l.checkpoint(), l.size()), verdictKey);
      byte[] evidence =
          org.markproof.contracts.entry.CanonicalJson.bytes(
              VerdictDocument.evidence(j.evidence(), l, l.checkpoint(), l.size()));
      ObjectNode body = VerdictDocument.withoutEvidence(j, scan, online);
      VerdictSignature.Signed kept = VerdictSignature.signed(body, evidence, verdictKey);
      assertArrayEquals(whole.text(), kept.text(), new String(kept.text(), UTF_8));
      assertEquals(whole.evidenceStart(), kept.evidenceStart());
      assertEquals(whole.evidenceEnd(), kept.evidenceEnd());
      assertArrayEquals(evidence, VerdictParts.split(kept).orElseThrow().evidence());
      assertThrows(
          IllegalArgumentException.class,
          () ->
              VerdictSignature.signed(
                  VerdictDocument.write(j, scan, online, l, l.checkpoint(), l.size()),
                  evidence,
                  verdictKey),
          "a document with evidence already");
    }
  }

  @Test
  void scansOfOneBatchAgainstOneCheckpointShareTheirEvidence() throws Exception {
    VerdictParts first =
        VerdictParts.split(signed("a", VerdictLedger.label("L1", "SER0001"))).orElseThrow();
    VerdictParts second =
        VerdictParts.split(signed("b", VerdictLedger.label("L1", "SER0777"))).orElseThrow();
    assertArrayEquals(first.evidence(), second.evidence());
    assertArrayEquals(first.evidenceId(), second.evidenceId());
    assertNotEquals(new String(first.rest(), UTF_8), new String(second.rest(), UTF_8));

    l.ledger.apply(Statements.batch("acme", SHOE, "L2", "2026-01-06"));
    VerdictParts later =
        VerdictParts.split(signed("c", VerdictLedger.label("L1", "SER0001"))).orElseThrow();
    assertFalse(
        java.util.Arrays.equals(first.evidenceId(), later.evidenceId()),
        "another checkpoint, other evidence");
  }

  @Test
  void partsThatWereAlteredDoNotPassForTheVerdict() throws Exception {
    VerdictParts parts =
        VerdictParts.split(signed("a", VerdictLedger.label("L1", "SER0001"))).orElseThrow();
    String evidence = new String(parts.evidence(), UTF_8);
    String otherIndex = evidence.replaceFirst("\"index\":(\\d+)", "\"index\":9$1");
    assertNotEquals(evidence, otherIndex);
    byte[] joined = new VerdictParts(parts.rest(), otherIndex.getBytes(UTF_8)).join();
    assertThrows(
        SignatureVerificationException.class,
        () -> VerdictSignature.verify((ObjectNode) JSON.readTree(joined), verdictKey.verifier()));

    assertThrows(
        MalformedDataException.class,
        () -> new VerdictParts(parts.rest(), "{\"checkpoint\":".getBytes(UTF_8)).join());
    assertThrows(
        MalformedDataException.class,
        () -> new VerdictParts("[1]".getBytes(UTF_8), parts.evidence()).join());
    assertThrows(
        MalformedDataException.class,
        () -> new VerdictParts("{\"a\":1,\"a\":2}".getBytes(UTF_8), parts.evidence()).join());
    assertThrows(
        MalformedDataException.class,
        () ->
            new VerdictParts("{\"verdict\":\"GENUINE\"}".getBytes(UTF_8), parts.evidence()).join(),
        "a document without its signature member");
  }

  @Test
  void aTextWithoutAnEvidenceSpanIsNotSplit() {
    VerdictSignature.Signed whole = signed("a", VerdictLedger.label("L1", "SER0001"));
    assertTrue(VerdictParts.split(new VerdictSignature.Signed(whole.text(), -1, -1)).isEmpty());
    assertTrue(
        VerdictParts.split(new VerdictSignature.Signed(whole.text(), 1, whole.evidenceEnd()))
            .isEmpty(),
        "a span that does not start at the member's name");
  }

  @Test
  void theSpanNamesTheEvidenceMemberOfTheSignedText() {
    VerdictSignature.Signed s = signed("a", VerdictLedger.label("L1", "SER0001"));
    String text = new String(s.text(), UTF_8);
    String member =
        new String(
            java.util.Arrays.copyOfRange(s.text(), s.evidenceStart(), s.evidenceEnd()), UTF_8);
    assertTrue(member.startsWith("\"evidence\":{\"checkpoint\":"), member);
    assertTrue(member.endsWith("]}"), member);
    assertEquals(text.indexOf("\"evidence\":"), s.evidenceStart());
  }
}
