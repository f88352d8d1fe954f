package org.markproof.contracts.verdict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.markproof.contracts.verdict.EvidenceFixture.BOOT_BATCH;
import static org.markproof.contracts.verdict.EvidenceFixture.BOOT_PRODUCT;
import static org.markproof.contracts.verdict.EvidenceFixture.LICENSE;
import static org.markproof.contracts.verdict.EvidenceFixture.LICENSED_BATCH;
import static org.markproof.contracts.verdict.EvidenceFixture.LOG;
import static org.markproof.contracts.verdict.EvidenceFixture.MARK_ASSIGNED;
import static org.markproof.contracts.verdict.EvidenceFixture.ORIGIN;
import static org.markproof.contracts.verdict.EvidenceFixture.SHOE_BATCH;
import static org.markproof.contracts.verdict.EvidenceFixture.SHOE_PRODUCT;
import static org.markproof.contracts.verdict.EvidenceFixture.VERDICTS;
import static org.markproof.contracts.verdict.EvidenceFixture.bytes;
import static org.markproof.contracts.verdict.EvidenceFixture.entries;
import static org.markproof.contracts.verdict.EvidenceFixture.signed;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.markproof.contracts.MalformedDataException;
import org.markproof.contracts.checkpoint.CheckpointVerifier;
import org.markproof.contracts.checkpoint.Ed25519CosignatureSigner;
import org.markproof.contracts.checkpoint.PolicyNotSatisfiedException;
import org.markproof.contracts.checkpoint.TlogPolicy;
import org.markproof.contracts.crypto.SignatureVerificationException;
import org.markproof.contracts.merkle.RootMismatchException;
import org.markproof.contracts.note.Ed25519NoteSigner;
import org.markproof.contracts.note.TestKeys;
import org.markproof.contracts.note.UnverifiedNoteException;
import org.markproof.contracts.note.VerifierKey;
import org.markproof.contracts.verdict.EvidenceCheckException.Check;
import org.markproof.contracts.verdict.EvidenceVerifier.ProvenEntry;

/**
 * docs/verdicts.md "Checking a verdict offline" on documents built over a small real log, and one
 * tampering per check: each must fail with the check and the entry named.
 */
class EvidenceVerifierTest {
  private final EvidenceFixture log = new EvidenceFixture();

  EvidenceVerifierTest() throws Exception {}

  private static EvidenceVerifier verifier() throws MalformedDataException {
    return EvidenceVerifier.of(CheckpointVerifier.forLog(LOG.verifier()), VERDICTS.verifier());
  }

  private static EvidenceCheckException fails(Check check, byte[] document) {
    EvidenceCheckException e =
        assertThrows(EvidenceCheckException.class, () -> verifier().verify(document));
    assertEquals(check, e.check(), e::getMessage);
    return e;
  }

  private static MalformedDataException malformed(byte[] document) {
    return assertThrows(MalformedDataException.class, () -> verifier().verify(document));
  }

  private static ObjectNode object(ObjectNode doc, String member) {
    return (ObjectNode) doc.get(member);
  }

  @Test
  void genuineDocumentVerifies() throws Exception {
    EvidenceVerifier.Result result = verifier().verify(signed(log.genuine()));
    assertEquals("GENUINE", result.verdict());
    assertEquals(ORIGIN, result.checkpoint().checkpoint().origin());
    assertEquals(13, result.checkpoint().checkpoint().size());
    assertEquals(
        List.of("batch", "product", "mark"),
        result.entries().stream().map(ProvenEntry::role).toList());
    assertEquals(log.leaves.get(SHOE_BATCH), result.entries().get(0).entry());
  }

  @Test
  void revokedDocumentWithItsLabelRevocationVerifies() throws Exception {
    EvidenceVerifier.Result result = verifier().verify(signed(log.revoked()));
    assertEquals("REVOKED", result.verdict());
    assertEquals(4, result.entries().size());
  }

  @Test
  void licenseeBatchWithItsLicenseVerifies() throws Exception {
    ObjectNode doc = log.genuine();
    object(doc, "item").put("batch", "LOT-G");
    object(doc, "batch").put("batch", "LOT-G").put("issuer", "globex");
    doc.putObject("licensee").put("id", "globex").put("name", "Globex").put("license", "lic-1");
    entries(doc).set(0, log.evidence("batch", LICENSED_BATCH));
    entries(doc).add(log.evidence("license", LICENSE));
    assertEquals(4, verifier().verify(signed(doc)).entries().size());
  }

  @Test
  void policyDemandsTheWitnessCosignature() throws Exception {
    Ed25519CosignatureSigner witness =
        Ed25519CosignatureSigner.of(
            "w1.example",
            TestKeys.key("w1"),
            Clock.fixed(Instant.parse("2026-03-02T00:00:00Z"), ZoneOffset.UTC));
    TlogPolicy policy =
        TlogPolicy.parse(
            ("witness W1 " + witness.verifier().verifierKey().text() + "\nquorum W1\n")
                .getBytes(StandardCharsets.UTF_8));
    EvidenceVerifier strict = verifier().withPolicy(policy);
    EvidenceCheckException e =
        assertThrows(EvidenceCheckException.class, () -> strict.verify(signed(log.genuine())));
    assertEquals(Check.CHECKPOINT, e.check());
    assertInstanceOf(PolicyNotSatisfiedException.class, e.getCause());

    byte[] cosigned = log.checkpoint(log.leaves.size(), LOG, witness);
    ObjectNode doc = log.genuine();
    object(doc, "evidence").put("checkpoint", new String(cosigned, StandardCharsets.UTF_8));
    for (int i = 0; i < 3; i++) {
      int index = entries(doc).get(i).get("index").intValue();
      ((ObjectNode) entries(doc).get(i))
          .put("proof", log.proof(index, cosigned, log.leaves.size()));
    }
    assertEquals(
        1, strict.verify(signed(doc)).checkpoint().cosignatures().size(), "cosigned by W1");
  }

  @Test
  void alteredVerdictFieldBreaksTheSignature() {
    ObjectNode doc = VerdictSignature.sign(log.genuine(), VERDICTS);
    object(doc, "item").put("serial", "S0009");
    EvidenceCheckException e = fails(Check.SIGNATURE, bytes(doc));
    assertInstanceOf(SignatureVerificationException.class, e.getCause());
    assertEquals(
        "check 1, the verdict's signature: does not verify: " + e.getCause().getMessage(),
        e.getMessage());
  }

  @Test
  void documentSignedByAnotherVerdictKeyFails() {
    Ed25519NoteSigner other = TestKeys.signer("verdicts.elsewhere.example");
    EvidenceCheckException e =
        fails(Check.SIGNATURE, bytes(VerdictSignature.sign(log.genuine(), other)));
    assertEquals(
        "check 1, the verdict's signature: does not verify: verdict signed by key "
            + other.name()
            + "+"
            + VerifierKey.hexKeyId(other.keyId())
            + ", not by "
            + VERDICTS.name()
            + "+"
            + VerifierKey.hexKeyId(VERDICTS.keyId()),
        e.getMessage());
  }

  @Test
  void checkpointSignedByAnotherLogKeyFails() throws Exception {
    Ed25519NoteSigner impostor = Ed25519NoteSigner.of(ORIGIN, TestKeys.key("impostor"));
    byte[] forged = log.checkpoint(log.leaves.size(), impostor);
    ObjectNode doc = log.genuine();
    object(doc, "evidence").put("checkpoint", new String(forged, StandardCharsets.UTF_8));
    for (int i = 0; i < 3; i++) {
      int index = entries(doc).get(i).get("index").intValue();
      ((ObjectNode) entries(doc).get(i)).put("proof", log.proof(index, forged, log.leaves.size()));
    }
    EvidenceCheckException e = fails(Check.CHECKPOINT, signed(doc));
    assertInstanceOf(UnverifiedNoteException.class, e.getCause());
    assertEquals(
        "check 2, the checkpoint's signature: evidence.checkpoint does not verify with the log"
            + " key "
            + ORIGIN
            + "+"
            + VerifierKey.hexKeyId(LOG.keyId())
            + ": signed note: no signature by a known key among 1",
        e.getMessage());
  }

  @Test
  void proofForAnotherIndexFails() {
    ObjectNode doc = log.genuine();
    ((ObjectNode) entries(doc).get(0)).set("proof", log.evidence("x", SHOE_PRODUCT).get("proof"));
    EvidenceCheckException e = fails(Check.PROOFS, signed(doc));
    assertEquals(
        "check 3, the entries' proofs: entry 0 (role batch, index 7): its proof is for index 5",
        e.getMessage());
  }

  @Test
  void entryClaimingAnotherIndexWithItsProofFails() {
    ObjectNode doc = log.genuine();
    ObjectNode batch = (ObjectNode) entries(doc).get(0);
    batch.put("index", BOOT_BATCH);
    batch.put("proof", log.proof(BOOT_BATCH, log.checkpoint, log.leaves.size()));
    EvidenceCheckException e = fails(Check.PROOFS, signed(doc));
    assertInstanceOf(RootMismatchException.class, e.getCause());
    assertEquals(
        "check 3, the entries' proofs: entry 0 (role batch, index 8): proof does not verify"
            + " against the checkpoint: "
            + e.getCause().getMessage(),
        e.getMessage());
  }

  @Test
  void proofCarryingAnotherCheckpointFails() throws Exception {
    byte[] older = log.checkpoint(10, LOG);
    ObjectNode doc = log.genuine();
    ((ObjectNode) entries(doc).get(1)).put("proof", log.proof(SHOE_PRODUCT, older, 10));
    EvidenceCheckException e = fails(Check.PROOFS, signed(doc));
    assertEquals(
        "check 3, the entries' proofs: entry 1 (role product, index 5): its proof carries another"
            + " checkpoint than evidence.checkpoint",
        e.getMessage());
  }

  @Test
  void entrySwappedForAnotherRealEntryFailsItsProof() {
    ObjectNode doc = log.genuine();
    ((ObjectNode) entries(doc).get(0)).set("entry", log.evidence("batch", BOOT_BATCH).get("entry"));
    EvidenceCheckException e = fails(Check.PROOFS, signed(doc));
    assertInstanceOf(RootMismatchException.class, e.getCause());
    assertEquals(
        "check 3, the entries' proofs: entry 0 (role batch, index 7): proof does not verify"
            + " against the checkpoint: "
            + e.getCause().getMessage(),
        e.getMessage());
  }

  @Test
  void provenBatchOfAnotherGtinContradictsTheItem() {
    ObjectNode doc = log.genuine();
    entries(doc).set(0, log.evidence("batch", BOOT_BATCH));
    EvidenceMismatchException e =
        assertThrows(EvidenceMismatchException.class, () -> verifier().verify(signed(doc)));
    assertEquals(
        "check 4, the entries against the verdict's claims: entry 0 (role batch, index 8): the"
            + " batch entry's gtin is \"09506000134369\", the verdict claims item.gtin"
            + " \"09506000134352\"",
        e.getMessage());
    assertEquals("item.gtin", e.claimPath());
  }

  @Test
  void provenBatchContradictsTheClaimedBatch() {
    ObjectNode doc = log.genuine();
    object(doc, "item").put("batch", "LOT-Z");
    EvidenceMismatchException e =
        assertThrows(EvidenceMismatchException.class, () -> verifier().verify(signed(doc)));
    assertEquals(
        "check 4, the entries against the verdict's claims: entry 0 (role batch, index 7): the"
            + " batch entry's batch is \"LOT-A\", the verdict claims item.batch \"LOT-Z\"",
        e.getMessage());
  }

  @Test
  void productOfAnotherGtinContradictsTheProduct() {
    ObjectNode doc = log.genuine();
    entries(doc).set(1, log.evidence("product", BOOT_PRODUCT));
    EvidenceMismatchException e =
        assertThrows(EvidenceMismatchException.class, () -> verifier().verify(signed(doc)));
    assertEquals("product.gtin", e.claimPath());
  }

  @Test
  void holderClaimOtherThanTheMarksHolderFails() {
    ObjectNode doc = log.genuine();
    object(doc, "holder").put("id", "globex");
    EvidenceMismatchException e =
        assertThrows(EvidenceMismatchException.class, () -> verifier().verify(signed(doc)));
    assertEquals(
        "check 4, the entries against the verdict's claims: entry 2 (role mark, index 4): the"
            + " mark entry's holder is \"acme\", the verdict claims holder.id \"globex\"",
        e.getMessage());
  }

  @Test
  void holderEntryProvesTheClaimedHolderInsteadOfTheMarkEntry() throws Exception {
    ObjectNode doc = log.genuine();
    object(doc, "holder").put("id", "globex");
    entries(doc).add(log.evidence("holder", MARK_ASSIGNED));
    assertEquals(4, verifier().verify(signed(doc)).entries().size());

    object(doc, "holder").put("id", "acme");
    EvidenceMismatchException e =
        assertThrows(EvidenceMismatchException.class, () -> verifier().verify(signed(doc)));
    assertEquals(
        "check 4, the entries against the verdict's claims: entry 3 (role holder, index 12): the"
            + " holder entry's new holder is \"globex\", the verdict claims holder.id \"acme\"",
        e.getMessage());
  }

  @Test
  void statusEntryOfAnotherKindFails() {
    ObjectNode doc = log.genuine();
    entries(doc).add(log.evidence("status", MARK_ASSIGNED));
    EvidenceCheckException e = fails(Check.CLAIMS, signed(doc));
    assertEquals(
        "check 4, the entries against the verdict's claims: entry 3 (role status, index 12): is a"
            + " trademark.assigned entry, expected trademark.status-changed",
        e.getMessage());
  }

  @Test
  void entryOfAnotherKindThanItsRoleFails() {
    ObjectNode doc = log.genuine();
    entries(doc).set(0, log.evidence("batch", SHOE_PRODUCT));
    entries(doc).remove(1);
    EvidenceCheckException e = fails(Check.CLAIMS, signed(doc));
    assertEquals(
        "check 4, the entries against the verdict's claims: entry 0 (role batch, index 5): is a"
            + " product.registered entry, expected batch.issued",
        e.getMessage());
  }

  @Test
  void revocationOfOtherSerialsFails() {
    ObjectNode doc = log.revoked();
    object(doc, "item").put("serial", "S0001");
    EvidenceMismatchException e =
        assertThrows(EvidenceMismatchException.class, () -> verifier().verify(signed(doc)));
    assertEquals(
        "check 4, the entries against the verdict's claims: entry 3 (role revocation, index 11):"
            + " the revocation entry's serials is \"S0002,S0003\", the verdict claims item.serial"
            + " \"S0001\"",
        e.getMessage());
  }

  @Test
  void licenseClaimWithoutItsLicenseeFails() {
    ObjectNode doc = log.genuine();
    entries(doc).add(log.evidence("license", LICENSE));
    EvidenceMismatchException e =
        assertThrows(EvidenceMismatchException.class, () -> verifier().verify(signed(doc)));
    assertEquals(
        "check 4, the entries against the verdict's claims: entry 3 (role license, index 9): the"
            + " verdict has no licensee.license to compare with the license entry's license"
            + " \"lic-1\"",
        e.getMessage());
  }

  @Test
  void genuineWithoutItsBatchEntryFails() {
    ObjectNode doc = log.genuine();
    entries(doc).remove(0);
    EvidenceCheckException e = fails(Check.CLAIMS, signed(doc));
    assertEquals(
        "check 4, the entries against the verdict's claims: verdict GENUINE needs a batch entry"
            + " and the evidence has none (it needs batch, product, mark)",
        e.getMessage());
  }

  /** A NOT_AUTHORIZED verdict for {@code reasons} whose evidence has no batch entry. */
  private ObjectNode notAuthorizedWithoutBatchEntry(String... reasons) {
    ObjectNode doc = log.genuine();
    doc.put("verdict", "NOT_AUTHORIZED");
    var list = doc.putArray("reasons");
    Arrays.stream(reasons).forEach(list::add);
    entries(doc).remove(0);
    return doc;
  }

  @Test
  void notAuthorizedForTheTerritoryWithoutABatchNeedsOnlyTheProductAndTheMark() throws Exception {
    // As a post whose store keeps other territories' batches judges a foreign product's label.
    ObjectNode doc = notAuthorizedWithoutBatchEntry("territory-not-covered", "product-registered");
    doc.remove("batch");
    EvidenceVerifier.Result result = verifier().verify(signed(doc));
    assertEquals("NOT_AUTHORIZED", result.verdict());
    assertEquals(
        List.of("product", "mark"), result.entries().stream().map(ProvenEntry::role).toList());
  }

  @Test
  void notAuthorizedWithoutABatchForAnotherReasonStillNeedsTheBatch() {
    ObjectNode doc = notAuthorizedWithoutBatchEntry("issuer-not-entitled");
    doc.remove("batch");
    EvidenceCheckException e = fails(Check.CLAIMS, signed(doc));
    assertEquals(
        "check 4, the entries against the verdict's claims: verdict NOT_AUTHORIZED needs a batch"
            + " entry and the evidence has none (it needs batch, product, mark)",
        e.getMessage());
  }

  @Test
  void notAuthorizedForTheTerritoryClaimingABatchStillNeedsTheBatch() {
    EvidenceCheckException e =
        fails(Check.CLAIMS, signed(notAuthorizedWithoutBatchEntry("territory-not-covered")));
    assertTrue(e.getMessage().contains("needs a batch entry"), e::getMessage);
  }

  @Test
  void revokedWithoutARevocationEntryFails() {
    ObjectNode doc = log.revoked();
    entries(doc).remove(3);
    EvidenceCheckException e = fails(Check.CLAIMS, signed(doc));
    assertEquals(
        "check 4, the entries against the verdict's claims: verdict REVOKED needs a revocation"
            + " entry and the evidence has none (it needs revocation)",
        e.getMessage());
  }

  @Test
  void repeatedRoleIsMalformed() {
    ObjectNode doc = log.genuine();
    entries(doc).add(log.evidence("batch", BOOT_BATCH));
    assertEquals(
        "evidence.entries[3].role: role batch is used twice, first by evidence.entries[0]",
        malformed(signed(doc)).getMessage());
  }

  @Test
  void unknownRoleIsMalformed() {
    ObjectNode doc = log.genuine();
    entries(doc).add(log.evidence("seller", BOOT_BATCH));
    assertEquals(
        "evidence.entries[3].role: unknown role \"seller\", expected one of [batch, product, mark,"
            + " holder, status, license, revocation]",
        malformed(signed(doc)).getMessage());
  }

  @Test
  void oversizedDocumentIsMalformed() {
    ObjectNode doc = log.genuine();
    doc.put("padding", "x".repeat(EvidenceVerifier.MAX_DOCUMENT_BYTES));
    byte[] document = signed(doc);
    assertEquals(
        "verdict document: got " + document.length + " bytes, expected at most 1048576",
        malformed(document).getMessage());
  }

  @Test
  void invalidJsonIsMalformed() {
    byte[] document = signed(log.genuine());
    String message = malformed(Arrays.copyOf(document, document.length - 1)).getMessage();
    assertTrue(message.startsWith("verdict document: not valid JSON at line 1 column "), message);
  }

  @Test
  void duplicateMemberIsMalformed() {
    String document = new String(signed(log.genuine()), StandardCharsets.UTF_8);
    String twice = document.replaceFirst("\"verdict\":\"GENUINE\"", "$0,\"verdict\":\"REVOKED\"");
    String message = malformed(twice.getBytes(StandardCharsets.UTF_8)).getMessage();
    assertTrue(message.contains("Duplicate field 'verdict'"), message);
  }

  @Test
  void unpairedSurrogateIsMalformed() {
    ObjectNode doc = log.genuine();
    object(doc, "message").put("text", "Genuine SURROGATE");
    String text = new String(signed(doc), StandardCharsets.UTF_8);
    byte[] document = text.replace("SURROGATE", "\\ud800").getBytes(StandardCharsets.UTF_8);
    assertEquals(
        "message.text: unpaired surrogate at character 8", malformed(document).getMessage());
  }

  @Test
  void deeplyNestedDocumentIsMalformed() {
    ObjectNode doc = log.genuine();
    doc.putArray("deep")
        .addArray()
        .addArray()
        .addArray()
        .addArray()
        .addArray()
        .addArray()
        .addArray();
    String message = malformed(signed(doc)).getMessage();
    assertTrue(message.contains("nesting depth (9) exceeds the maximum allowed (8"), message);
  }
}
