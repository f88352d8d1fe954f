package org.markproof.contracts.verdict;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.markproof.contracts.rules.Statements.SHOE;
import static org.markproof.contracts.rules.Statements.license;
import static org.markproof.contracts.rules.TestLedger.EM_MARK;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.markproof.contracts.checkpoint.CheckpointVerifier;
import org.markproof.contracts.checkpoint.TlogProof;
import org.markproof.contracts.checkpoint.TlogProofVerifier;
import org.markproof.contracts.crypto.SignatureVerificationException;
import org.markproof.contracts.label.ScannedCode;
import org.markproof.contracts.note.Ed25519NoteSigner;
import org.markproof.contracts.rules.Statements;
import org.markproof.contracts.rules.TestLedger;

class VerdictDocumentTest {
  private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

  private final VerdictLedger l = new VerdictLedger();
  private final Ed25519NoteSigner verdictKey;

  VerdictDocumentTest() throws Exception {
    verdictKey = Ed25519NoteSigner.of("markproof.test/verdict", TestLedger.key("verdict", 0));
  }

  private ObjectNode document(String text) {
    ScanFacts scan =
        new ScanFacts("scan-1", "FR-CDG", 49.0097, 2.5479, NOW, text, Optional.of("qr"));
    Judgement j = Judge.judge(l.ledger.state, ScannedCode.parse(text), ScanContext.anywhere());
    return VerdictDocument.write(
        j, scan, VerdictDocument.Circumstances.online(NOW), l, l.checkpoint(), l.size());
  }

  @Test
  void aGenuineVerdictCarriesWhatTheOfficerNeedsAndProofsThatVerify() throws Exception {
    l.ledger.apply(license("acme", "LIC-1", "initech", EM_MARK, "2026-01-01", "2027-01-01"));
    l.ledger.apply(Statements.batch("initech", SHOE, "I1", "2026-01-10"));
    ObjectNode doc = document(VerdictLedger.label("I1", "SER0001"));
    assertEquals("markproof/verdict/v2", doc.get("format").textValue());
    assertEquals("GENUINE", doc.get("verdict").textValue());
    assertEquals("label-signature-valid", doc.get("reasons").get(0).textValue());
    assertEquals("scan.reason.label-signature-valid", doc.at("/message/key").textValue());
    assertEquals(SHOE.digits(), doc.at("/item/gtin").textValue());
    assertEquals("SER0001", doc.at("/item/serial").textValue());
    assertEquals("Running shoe", doc.at("/product/description").textValue());
    assertEquals("EM", doc.at("/mark/office").textValue());
    assertEquals("018000001", doc.at("/mark/number").textValue());
    assertEquals("ACME", doc.at("/mark/text").textValue());
    assertEquals("registered", doc.at("/mark/status").textValue());
    assertEquals("acme", doc.at("/holder/id").textValue());
    assertEquals("initech", doc.at("/licensee/id").textValue());
    assertEquals("LIC-1", doc.at("/licensee/license").textValue());
    assertEquals("2026-01-10", doc.at("/batch/issueDate").textValue());
    assertEquals(false, doc.at("/batch/revoked").booleanValue());

    byte[] checkpoint = doc.at("/evidence/checkpoint").textValue().getBytes(StandardCharsets.UTF_8);
    CheckpointVerifier log = CheckpointVerifier.forLog(l.logKey.verifier());
    Set<String> roles = new HashSet<>();
    for (JsonNode e : doc.at("/evidence/entries")) {
      roles.add(e.get("role").textValue());
      TlogProof proof =
          TlogProof.parse(e.get("proof").textValue().getBytes(StandardCharsets.UTF_8));
      assertEquals(e.get("index").longValue(), proof.index());
      assertTrue(java.util.Arrays.equals(checkpoint, proof.checkpointNote()));
      byte[] entry = Base64.getDecoder().decode(e.get("entry").textValue());
      assertEquals(l.size(), TlogProofVerifier.verifyEntry(proof, log, entry).checkpoint().size());
    }
    assertEquals(Set.of("batch", "product", "mark", "license"), roles);
  }

  @Test
  void theSignatureCoversEveryMemberButItself() throws Exception {
    ObjectNode doc =
        VerdictSignature.sign(document(VerdictLedger.label("L1", "SER0001")), verdictKey);
    VerdictSignature.verify(doc, verdictKey.verifier());
    assertTrue(
        doc.at("/signature/key").textValue().startsWith("markproof.test/verdict+"),
        doc.at("/signature/key").textValue());

    ObjectNode tampered = doc.deepCopy();
    tampered.put("verdict", "COUNTERFEIT");
    assertThrows(
        SignatureVerificationException.class,
        () -> VerdictSignature.verify(tampered, verdictKey.verifier()));

    ObjectNode moved = doc.deepCopy();
    ((ObjectNode) moved.get("scan")).put("lat", 49.0098);
    assertThrows(
        SignatureVerificationException.class,
        () -> VerdictSignature.verify(moved, verdictKey.verifier()));

    Ed25519NoteSigner other =
        Ed25519NoteSigner.of("markproof.test/verdict", TestLedger.key("v2", 0));
    assertThrows(
        SignatureVerificationException.class, () -> VerdictSignature.verify(doc, other.verifier()));
  }

  @Test
  void signedTextIsTheSignedDocumentWrittenOnce() throws Exception {
    ObjectNode unsigned = document("hello");
    ObjectNode signed = VerdictSignature.sign(unsigned.deepCopy(), verdictKey);
    String text = VerdictSignature.signedText(unsigned, verdictKey);

    ObjectNode parsed =
        (ObjectNode) new com.fasterxml.jackson.databind.ObjectMapper().readTree(text);
    assertEquals(signed, parsed, "the same members and values as sign() gives");
    assertEquals(signed, unsigned, "signed in place too");
    VerdictSignature.verify(parsed, verdictKey.verifier());
    assertTrue(text.endsWith(",\"signature\":" + parsed.get("signature") + "}"), text);

    ObjectNode tampered = parsed.deepCopy();
    tampered.put("verdict", "GENUINE");
    assertThrows(
        SignatureVerificationException.class,
        () -> VerdictSignature.verify(tampered, verdictKey.verifier()));
  }

  @Test
  void theSignedMessageIsTheDomainTagAndTheHashOfTheCanonicalJson() {
    ObjectNode doc = document("hello");
    byte[] message = VerdictSignature.message(doc);
    byte[] domain = "markproof/verdict/v2\n".getBytes(StandardCharsets.US_ASCII);
    assertArrayEquals(domain, java.util.Arrays.copyOf(message, domain.length));
    assertArrayEquals(
        org.markproof.contracts.crypto.Sha256.hash(
            org.markproof.contracts.entry.CanonicalJson.bytes(doc)),
        java.util.Arrays.copyOfRange(message, domain.length, message.length));
    assertEquals("MALFORMED", doc.get("verdict").textValue());
    assertEquals(0, doc.at("/evidence/entries").size());
  }

  @Test
  void aFirstFormatDocumentSignsAndVerifiesOverItsCanonicalJsonItself() throws Exception {
    ObjectNode doc = document("hello");
    doc.put("format", VerdictSignature.FORMAT_V1);
    String message = new String(VerdictSignature.message(doc), StandardCharsets.UTF_8);
    assertTrue(message.startsWith("markproof/verdict/v1\n{\"detail\":"), message);
    VerdictSignature.sign(doc, verdictKey);
    VerdictSignature.verify(doc, verdictKey.verifier());

    ObjectNode relabelled = doc.deepCopy();
    relabelled.put("format", VerdictSignature.FORMAT);
    assertThrows(
        SignatureVerificationException.class,
        () -> VerdictSignature.verify(relabelled, verdictKey.verifier()));
    ObjectNode unknown = doc.deepCopy();
    unknown.put("format", "markproof/verdict/v9");
    assertThrows(
        org.markproof.contracts.MalformedDataException.class,
        () -> VerdictSignature.verify(unknown, verdictKey.verifier()));
    assertThrows(
        IllegalArgumentException.class, () -> VerdictSignature.signedText(doc, verdictKey));
  }

  @Test
  void evidenceBeyondTheCheckpointIsRefused() {
    Judgement j =
        Judge.judge(
            l.ledger.state,
            ScannedCode.parse(VerdictLedger.label("L1", "SER0001")),
            ScanContext.anywhere());
    ScanFacts scan = new ScanFacts("s", "p", 0, 0, NOW, "x", Optional.empty());
    assertThrows(
        IllegalArgumentException.class,
        () ->
            VerdictDocument.write(
                j, scan, VerdictDocument.Circumstances.online(NOW), l, l.checkpoint(), 3));
  }
}
