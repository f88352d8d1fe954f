package org.markproof.edge.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.markproof.contracts.barcode.BarcodeEncoder;
import org.markproof.contracts.barcode.PngRenderer;
import org.markproof.contracts.barcode.QrErrorCorrection;
import org.markproof.contracts.checkpoint.Checkpoint;
import org.markproof.contracts.checkpoint.TlogProof;
import org.markproof.contracts.crypto.Ed25519PrivateKey;
import org.markproof.contracts.crypto.Sha256;
import org.markproof.contracts.entry.BatchIssued;
import org.markproof.contracts.entry.EntrySigner;
import org.markproof.contracts.entry.LogEntry;
import org.markproof.contracts.entry.MarkRepresentation;
import org.markproof.contracts.entry.OfficeCode;
import org.markproof.contracts.entry.ParticipantEnrolled;
import org.markproof.contracts.entry.ParticipantRole;
import org.markproof.contracts.entry.ProductRegistered;
import org.markproof.contracts.entry.Statement;
import org.markproof.contracts.entry.TrademarkRecorded;
import org.markproof.contracts.entry.TrademarkRef;
import org.markproof.contracts.label.DigitalLink;
import org.markproof.contracts.label.ElementString;
import org.markproof.contracts.label.Gtin;
import org.markproof.contracts.label.LabelSigner;
import org.markproof.contracts.merkle.MerkleHashes;
import org.markproof.contracts.merkle.ProofGenerator;
import org.markproof.contracts.note.Ed25519NoteSigner;
import org.markproof.contracts.note.SignedNote;
import org.markproof.contracts.rules.LedgerState;
import org.markproof.contracts.rules.Rules;

/**
 * Writes the small example ledger of {@code docs/examples}: six entries an operator, the EUIPO
 * registrar and a brand owner signed (each accepted by the rules), a checkpoint signed by the
 * example log key, the inclusion proof of the batch entry as a c2sp.org/tlog-proof, and a signed
 * label of that batch as text, QR Code and GS1 DataMatrix. Every key derives from a fixed label, so
 * the output is the same on every run; {@code BundledExampleIT} checks the committed files still
 * equal it. Regenerate with {@code mvn -pl edge-scanner -am test-compile} and then {@code java -cp
 * <test classpath> org.markproof.edge.cli.ExampleLedger docs/examples}.
 */
public final class ExampleLedger {
  static final String ORIGIN = "example.markproof.org/log";
  static final Gtin GTIN = Gtin.of("09506000134352");
  static final String BATCH = "LOT2026A";
  static final String SERIAL = "X7Q2M9K4P1";
  private static final Instant START = Instant.parse("2026-03-01T09:00:00Z");

  private ExampleLedger() {}

  /** Writes every example file into {@code dir}. */
  public static void write(Path dir) throws Exception {
    Ed25519PrivateKey operator = key("operator");
    Ed25519PrivateKey euipo = key("registrar EM");
    Ed25519PrivateKey acme = key("brand owner acme");
    Ed25519PrivateKey labels = key("acme label key LOT2026A");
    TrademarkRef mark = new TrademarkRef(OfficeCode.of("EM"), "018000001");
    List<Statement> statements =
        List.of(
            new ParticipantEnrolled(
                "operator",
                "operator",
                "markproof example operator",
                new ParticipantRole.Operator(),
                operator.publicKey()),
            new ParticipantEnrolled(
                "operator",
                "euipo",
                "EUIPO (example)",
                new ParticipantRole.Registrar(OfficeCode.of("EM")),
                euipo.publicKey()),
            new ParticipantEnrolled(
                "operator",
                "acme",
                "ACME Instruments (example)",
                new ParticipantRole.BrandOwner(),
                acme.publicKey()),
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
                "acme", GTIN, mark, 9, "ACME pocket spectrometer", List.of(OfficeCode.of("EM"))),
            new BatchIssued(
                "acme", GTIN, BATCH, 1000, labels.publicKey(), LocalDate.parse("2026-03-01")));
    List<Ed25519PrivateKey> signers = List.of(operator, operator, operator, euipo, acme, acme);

    LedgerState state = LedgerState.empty();
    List<byte[]> leafHashes = new ArrayList<>();
    List<LogEntry> leaves = new ArrayList<>();
    for (int i = 0; i < statements.size(); i++) {
      LogEntry leaf =
          LogEntry.of(
              START.plus(Duration.ofMinutes(i)),
              EntrySigner.sign(statements.get(i), signers.get(i)));
      state = Rules.apply(state, leaf);
      leaves.add(leaf);
      leafHashes.add(leaf.leafHash());
    }

    Ed25519NoteSigner log = Ed25519NoteSigner.of(ORIGIN, key("log"));
    Checkpoint checkpoint = Checkpoint.of(ORIGIN, leaves.size(), MerkleHashes.root(leafHashes));
    byte[] note = SignedNote.sign(checkpoint.format(), List.of(log)).toBytes();
    int batchIndex = leaves.size() - 1;
    TlogProof proof =
        new TlogProof(
            batchIndex, ProofGenerator.inclusion(leafHashes, batchIndex), Optional.empty(), note);

    DigitalLink label =
        LabelSigner.forResolver("https://id.acme.example").sign(labels, GTIN, BATCH, SERIAL);

    Files.createDirectories(dir);
    write(dir, "log.vkey", log.verifier().verifierKey().text() + "\n");
    Files.write(dir.resolve("checkpoint.note"), note);
    Files.write(dir.resolve("batch-entry.json"), leaves.get(batchIndex).encoded());
    Files.write(dir.resolve("batch-entry.tlog-proof"), proof.toBytes());
    write(dir, "label.txt", label.toUri() + "\n");
    Files.write(
        dir.resolve("label-qr.png"),
        PngRenderer.render(BarcodeEncoder.qrCode(label.toUri(), QrErrorCorrection.M), 6));
    Files.write(
        dir.resolve("label-datamatrix.png"),
        PngRenderer.render(BarcodeEncoder.gs1DataMatrix(label.fields()), 6));
    write(
        dir, "label-element-string.txt", ElementString.formatHumanReadable(label.fields()) + "\n");
    StringBuilder entries = new StringBuilder();
    for (LogEntry leaf : leaves) {
      entries.append(new String(leaf.encoded(), StandardCharsets.UTF_8)).append('\n');
    }
    write(dir, "entries.jsonl", entries.toString());
  }

  /** An Ed25519 key whose seed is SHA-256 of a fixed label: reproducible, and only an example. */
  private static Ed25519PrivateKey key(String label) throws Exception {
    return Ed25519PrivateKey.fromSeed(
        Sha256.hash(("markproof example key: " + label).getBytes(StandardCharsets.UTF_8)));
  }

  private static void write(Path dir, String name, String text) throws IOException {
    Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
  }

  public static void main(String[] args) throws Exception {
    write(Path.of(args.length > 0 ? args[0] : "docs/examples"));
  }
}
