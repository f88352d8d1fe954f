package org.markproof.contracts.verdict;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.markproof.contracts.checkpoint.Checkpoint;
import org.markproof.contracts.checkpoint.TlogProof;
import org.markproof.contracts.crypto.Ed25519PrivateKey;
import org.markproof.contracts.entry.BatchIssued;
import org.markproof.contracts.entry.EntrySigner;
import org.markproof.contracts.entry.LabelRevoked;
import org.markproof.contracts.entry.LicenseGranted;
import org.markproof.contracts.entry.LicenseScope;
import org.markproof.contracts.entry.LogEntry;
import org.markproof.contracts.entry.MarkRepresentation;
import org.markproof.contracts.entry.OfficeCode;
import org.markproof.contracts.entry.ParticipantEnrolled;
import org.markproof.contracts.entry.ParticipantRole;
import org.markproof.contracts.entry.ProductRegistered;
import org.markproof.contracts.entry.RevocationReason;
import org.markproof.contracts.entry.Statement;
import org.markproof.contracts.entry.TrademarkAssigned;
import org.markproof.contracts.entry.TrademarkRecorded;
import org.markproof.contracts.entry.TrademarkRef;
import org.markproof.contracts.label.Gtin;
import org.markproof.contracts.merkle.MerkleHashes;
import org.markproof.contracts.merkle.ProofGenerator;
import org.markproof.contracts.note.Ed25519NoteSigner;
import org.markproof.contracts.note.NoteSigner;
import org.markproof.contracts.note.SignedNote;
import org.markproof.contracts.note.TestKeys;
import org.markproof.contracts.rules.LedgerState;
import org.markproof.contracts.rules.Rules;

/**
 * A small real log for verdict evidence: entries signed by their submitters and accepted by the
 * rules, a checkpoint signed by the log key, inclusion proofs from {@link ProofGenerator}, and
 * verdict documents built on them and signed with {@link VerdictSignature}. Keys derive from fixed
 * labels.
 */
final class EvidenceFixture {
  static final String ORIGIN = "evidence-test.markproof.org/log";
  static final Ed25519NoteSigner LOG = TestKeys.signer(ORIGIN);
  static final Ed25519NoteSigner VERDICTS = TestKeys.signer("verdicts.evidence-test.markproof.org");
  static final TrademarkRef MARK = new TrademarkRef(OfficeCode.of("EM"), "018000001");
  static final Gtin SHOE = Gtin.of("09506000134352");
  static final Gtin BOOT = Gtin.of("09506000134369");

  /** Log indexes of the entries documents use. */
  static final int MARK_RECORDED = 4;

  static final int SHOE_PRODUCT = 5;
  static final int BOOT_PRODUCT = 6;
  static final int SHOE_BATCH = 7;
  static final int BOOT_BATCH = 8;
  static final int LICENSE = 9;
  static final int LICENSED_BATCH = 10;
  static final int LABELS_REVOKED = 11;
  static final int MARK_ASSIGNED = 12;

  private static final Instant START = Instant.parse("2026-03-01T09:00:00Z");

  final List<LogEntry> leaves = new ArrayList<>();
  final List<byte[]> leafHashes = new ArrayList<>();
  final byte[] checkpoint;

  EvidenceFixture() throws Exception {
    LicenseScope scope =
        new LicenseScope(List.of(SHOE), List.of(), List.of(25), List.of(OfficeCode.of("EM")));
    List<Statement> statements =
        List.of(
            enrol("op", new ParticipantRole.Operator()),
            enrol("euipo", new ParticipantRole.Registrar(OfficeCode.of("EM"))),
            enrol("acme", new ParticipantRole.BrandOwner()),
            enrol("globex", new ParticipantRole.BrandOwner()),
            new TrademarkRecorded(
                "euipo",
                MARK,
                new MarkRepresentation.WordMark("ACME"),
                List.of(25),
                "acme",
                LocalDate.parse("2019-12-01"),
                LocalDate.parse("2020-05-06"),
                LocalDate.parse("2029-12-01")),
            product(SHOE, "Running shoe"),
            product(BOOT, "Hiking boot"),
            batch("acme", SHOE, "LOT-A"),
            batch("acme", BOOT, "LOT-B"),
            new LicenseGranted(
                "acme",
                "lic-1",
                "acme",
                "globex",
                MARK,
                scope,
                LocalDate.parse("2026-01-01"),
                LocalDate.parse("2027-12-31")),
            batch("globex", SHOE, "LOT-G"),
            new LabelRevoked(
                "acme", SHOE, "LOT-A", List.of("S0002", "S0003"), RevocationReason.STOLEN),
            new TrademarkAssigned("euipo", MARK, "globex", LocalDate.parse("2026-03-01")));
    LedgerState state = LedgerState.empty();
    for (int i = 0; i < statements.size(); i++) {
      Statement s = statements.get(i);
      LogEntry leaf =
          LogEntry.of(START.plus(Duration.ofMinutes(i)), EntrySigner.sign(s, key(s.submitter())));
      state = Rules.apply(state, leaf);
      leaves.add(leaf);
      leafHashes.add(leaf.leafHash());
    }
    checkpoint = checkpoint(leaves.size(), LOG);
  }

  /** The log's checkpoint at {@code size}, signed by {@code signers}. */
  byte[] checkpoint(int size, NoteSigner... signers) throws Exception {
    Checkpoint c = Checkpoint.of(ORIGIN, size, MerkleHashes.root(leafHashes.subList(0, size)));
    return SignedNote.sign(c.format(), List.of(signers)).toBytes();
  }

  /** The tlog-proof of entry {@code index} in the tree of {@code note}'s size. */
  String proof(int index, byte[] note, int size) {
    List<byte[]> hashes = ProofGenerator.inclusion(leafHashes.subList(0, size), index);
    return new String(
        new TlogProof(index, hashes, Optional.empty(), note).toBytes(), StandardCharsets.UTF_8);
  }

  /** An evidence entry: role, index, the leaf and its proof against {@link #checkpoint}. */
  ObjectNode evidence(String role, int index) {
    ObjectNode entry = JsonNodeFactory.instance.objectNode();
    entry.put("role", role);
    entry.put("index", index);
    entry.put("entry", Base64.getEncoder().encodeToString(leaves.get(index).encoded()));
    entry.put("proof", proof(index, checkpoint, leaves.size()));
    return entry;
  }

  /** A GENUINE verdict on serial S0001 of LOT-A of the shoe, issued by the holder, unsigned. */
  ObjectNode genuine() {
    ObjectNode doc = JsonNodeFactory.instance.objectNode();
    doc.put("format", VerdictSignature.FORMAT);
    doc.put("verdict", "GENUINE");
    doc.putArray("reasons").add("label-signature-valid").add("issuer-entitled");
    doc.putObject("message").put("key", "verdict.genuine").put("text", "Genuine: ACME shoe");
    doc.put("offline", false);
    doc.put("judgedAt", "2026-03-02T15:00:00Z");
    ObjectNode scan = doc.putObject("scan");
    scan.put("scanId", "scan-1").put("postId", "FR-CDG").put("lat", 49.0097).put("lon", 2.5479);
    scan.put("scannedAt", "2026-03-02T14:59:58Z").put("code", "https://id.acme.example/01/…");
    scan.put("symbology", "QR_CODE");
    doc.putObject("item").put("gtin", SHOE.digits()).put("batch", "LOT-A").put("serial", "S0001");
    ObjectNode product = doc.putObject("product");
    product.put("gtin", SHOE.digits()).put("description", "Running shoe").put("niceClass", 25);
    product.putArray("territories").add("EM");
    ObjectNode mark = doc.putObject("mark");
    mark.put("office", "EM").put("number", MARK.number()).put("text", "ACME");
    mark.put("status", "registered").put("expiryDate", "2029-12-01");
    doc.putObject("holder").put("id", "acme").put("name", "acme");
    ObjectNode batch = doc.putObject("batch");
    batch.put("batch", "LOT-A").put("issuer", "acme").put("issueDate", "2026-03-01");
    batch.put("serialCount", 1000).put("revoked", false);
    doc.putArray("sightings");
    ObjectNode evidence = doc.putObject("evidence");
    evidence.put("checkpoint", new String(checkpoint, StandardCharsets.UTF_8));
    evidence
        .putArray("entries")
        .add(evidence("batch", SHOE_BATCH))
        .add(evidence("product", SHOE_PRODUCT))
        .add(evidence("mark", MARK_RECORDED));
    return doc;
  }

  /** A REVOKED verdict on serial S0002 of LOT-A, whose labels entry 11 revokes, unsigned. */
  ObjectNode revoked() {
    ObjectNode doc = genuine();
    doc.put("verdict", "REVOKED");
    doc.putArray("reasons").add("serial-revoked");
    ((ObjectNode) doc.get("item")).put("serial", "S0002");
    entries(doc).add(evidence("revocation", LABELS_REVOKED));
    return doc;
  }

  /** The document's {@code evidence.entries}. */
  static ArrayNode entries(ObjectNode doc) {
    return (ArrayNode) doc.get("evidence").get("entries");
  }

  /** Signs {@code doc} with the verdict key and returns its bytes. */
  static byte[] signed(ObjectNode doc) {
    return bytes(VerdictSignature.sign(doc, VERDICTS));
  }

  static byte[] bytes(ObjectNode doc) {
    return doc.toString().getBytes(StandardCharsets.UTF_8);
  }

  static Ed25519PrivateKey key(String participant) {
    return TestKeys.key("evidence test participant " + participant);
  }

  private static ParticipantEnrolled enrol(String name, ParticipantRole role) {
    return new ParticipantEnrolled("op", name, name, role, key(name).publicKey());
  }

  private static ProductRegistered product(Gtin gtin, String description) {
    return new ProductRegistered("acme", gtin, MARK, 25, description, List.of(OfficeCode.of("EM")));
  }

  private static BatchIssued batch(String issuer, Gtin gtin, String lot) {
    return new BatchIssued(
        issuer, gtin, lot, 1000, key("labels " + lot).publicKey(), LocalDate.parse("2026-03-01"));
  }
}
