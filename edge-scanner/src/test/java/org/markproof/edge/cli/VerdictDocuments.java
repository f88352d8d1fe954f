package org.markproof.edge.cli;

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
import org.markproof.contracts.crypto.Sha256;
import org.markproof.contracts.entry.BatchIssued;
import org.markproof.contracts.entry.EntrySigner;
import org.markproof.contracts.entry.LogEntry;
import org.markproof.contracts.entry.MarkRepresentation;
import org.markproof.contracts.entry.OfficeCode;
import org.markproof.contracts.entry.ProductRegistered;
import org.markproof.contracts.entry.Statement;
import org.markproof.contracts.entry.TrademarkRecorded;
import org.markproof.contracts.entry.TrademarkRef;
import org.markproof.contracts.label.Gtin;
import org.markproof.contracts.merkle.MerkleHashes;
import org.markproof.contracts.merkle.ProofGenerator;
import org.markproof.contracts.note.Ed25519NoteSigner;
import org.markproof.contracts.note.SignedNote;
import org.markproof.contracts.verdict.VerdictSignature;

/**
 * A GENUINE verdict document over a small real log: a mark, its product and a batch, each entry
 * signed by its submitter, a checkpoint signed by the log key, tlog-proofs from {@link
 * ProofGenerator}, and the document signed with {@link VerdictSignature}. Keys derive from fixed
 * labels.
 */
final class VerdictDocuments {
  static final String ORIGIN = "evidence-it.markproof.org/log";
  static final Ed25519NoteSigner LOG = signer(ORIGIN);
  static final Ed25519NoteSigner VERDICTS = signer("verdicts.evidence-it.markproof.org");
  static final Gtin GTIN = Gtin.of("09506000134352");

  private VerdictDocuments() {}

  /** The unsigned GENUINE document on serial S0001 of LOT-A. */
  static ObjectNode genuine() throws Exception {
    TrademarkRef mark = new TrademarkRef(OfficeCode.of("EM"), "018000001");
    List<Statement> statements =
        List.of(
            new TrademarkRecorded(
                "euipo",
                mark,
                new MarkRepresentation.WordMark("ACME"),
                List.of(9),
                "acme",
                LocalDate.parse("2020-01-10"),
                LocalDate.parse("2020-06-01"),
                LocalDate.parse("2030-01-10")),
            new ProductRegistered(
                "acme", GTIN, mark, 9, "Pocket spectrometer", List.of(OfficeCode.of("EM"))),
            new BatchIssued(
                "acme",
                GTIN,
                "LOT-A",
                1000,
                key("labels").publicKey(),
                LocalDate.parse("2026-03-01")));
    List<LogEntry> leaves = new ArrayList<>();
    Instant start = Instant.parse("2026-03-01T09:00:00Z");
    for (int i = 0; i < statements.size(); i++) {
      Statement s = statements.get(i);
      leaves.add(
          LogEntry.of(start.plus(Duration.ofMinutes(i)), EntrySigner.sign(s, key(s.submitter()))));
    }
    List<byte[]> hashes = leaves.stream().map(LogEntry::leafHash).toList();
    Checkpoint checkpoint = Checkpoint.of(ORIGIN, leaves.size(), MerkleHashes.root(hashes));
    byte[] note = SignedNote.sign(checkpoint.format(), List.of(LOG)).toBytes();

    ObjectNode doc = JsonNodeFactory.instance.objectNode();
    doc.put("format", VerdictSignature.FORMAT).put("verdict", "GENUINE");
    doc.putObject("item").put("gtin", GTIN.digits()).put("batch", "LOT-A").put("serial", "S0001");
    doc.putObject("product").put("gtin", GTIN.digits());
    doc.putObject("mark").put("office", "EM").put("number", mark.number());
    doc.putObject("holder").put("id", "acme");
    ObjectNode batch = doc.putObject("batch").put("batch", "LOT-A").put("issuer", "acme");
    batch.put("issueDate", "2026-03-01");
    ObjectNode evidence = doc.putObject("evidence");
    evidence.put("checkpoint", new String(note, StandardCharsets.UTF_8));
    String[] roles = {"mark", "product", "batch"};
    for (int i = roles.length - 1; i >= 0; i--) {
      TlogProof proof =
          new TlogProof(i, ProofGenerator.inclusion(hashes, i), Optional.empty(), note);
      evidence
          .withArray("entries")
          .addObject()
          .put("role", roles[i])
          .put("index", i)
          .put("entry", Base64.getEncoder().encodeToString(leaves.get(i).encoded()))
          .put("proof", new String(proof.toBytes(), StandardCharsets.UTF_8));
    }
    return doc;
  }

  /** The document's bytes after signing it with the verdict key. */
  static byte[] signed(ObjectNode doc) {
    return VerdictSignature.sign(doc, VERDICTS).toString().getBytes(StandardCharsets.UTF_8);
  }

  private static Ed25519NoteSigner signer(String name) {
    try {
      return Ed25519NoteSigner.of(name, key(name));
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static Ed25519PrivateKey key(String label) {
    try {
      return Ed25519PrivateKey.fromSeed(
          Sha256.hash(("evidence IT key: " + label).getBytes(StandardCharsets.UTF_8)));
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
