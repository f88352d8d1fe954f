package org.markproof.contracts.verdict;

import static org.markproof.contracts.rules.Statements.SHOE;
import static org.markproof.contracts.rules.Statements.batch;
import static org.markproof.contracts.rules.Statements.product;
import static org.markproof.contracts.rules.TestLedger.EM_MARK;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.markproof.contracts.MalformedDataException;
import org.markproof.contracts.checkpoint.Checkpoint;
import org.markproof.contracts.crypto.Ed25519PrivateKey;
import org.markproof.contracts.entry.LogEntry;
import org.markproof.contracts.label.DigitalLink;
import org.markproof.contracts.label.LabelSigner;
import org.markproof.contracts.label.ScannedCode;
import org.markproof.contracts.merkle.MerkleHashes;
import org.markproof.contracts.merkle.ProofGenerator;
import org.markproof.contracts.note.Ed25519NoteSigner;
import org.markproof.contracts.note.SignedNote;
import org.markproof.contracts.rules.TestLedger;

/**
 * The ledger verdict tests judge against: the rules' standard ledger (acme holds EM 018000001),
 * product SHOE registered by acme for EM, batch L1 issued by acme on 2026-01-05 with the label key
 * {@code label-L1}. Also signs labels and checkpoints, and serves evidence from its entries.
 */
final class VerdictLedger implements EvidenceSource {
  static final String ORIGIN = "markproof.test/log";

  final TestLedger ledger = TestLedger.standard();
  final Ed25519NoteSigner logKey;

  VerdictLedger() {
    ledger.apply(product("acme", SHOE, EM_MARK));
    ledger.apply(batch("acme", SHOE, "L1", "2026-01-05"));
    try {
      logKey = Ed25519NoteSigner.of(ORIGIN, TestLedger.key("log", 0));
    } catch (MalformedDataException e) {
      throw new AssertionError(e);
    }
  }

  static Ed25519PrivateKey labelKey(String lot) {
    return TestLedger.key("label-" + lot, 0);
  }

  /**
   * The Digital Link URI of serial {@code serial} of SHOE lot {@code lot}, signed by {@code key}.
   */
  static String label(Ed25519PrivateKey key, String lot, String serial) {
    try {
      DigitalLink link =
          LabelSigner.forResolver("https://id.acme.example").sign(key, SHOE, lot, serial);
      return link.toUri();
    } catch (MalformedDataException e) {
      throw new AssertionError(e);
    }
  }

  static String label(String lot, String serial) {
    return label(labelKey(lot), lot, serial);
  }

  Judgement judge(String text) {
    return Judge.judge(ledger.state, ScannedCode.parse(text), ScanContext.anywhere());
  }

  List<byte[]> leafHashes() {
    List<byte[]> out = new ArrayList<>();
    for (LogEntry e : ledger.logEntries()) {
      out.add(e.leafHash());
    }
    return out;
  }

  /** The signed checkpoint of the whole ledger. */
  byte[] checkpoint() {
    List<byte[]> leaves = leafHashes();
    String text = Checkpoint.of(ORIGIN, leaves.size(), MerkleHashes.root(leaves)).format();
    try {
      return SignedNote.sign(text, List.of(logKey)).toBytes();
    } catch (MalformedDataException e) {
      throw new AssertionError(e);
    }
  }

  long size() {
    return ledger.logEntries().size();
  }

  @Override
  public byte[] entry(long index) {
    return ledger.logEntries().get((int) index).encoded();
  }

  @Override
  public List<byte[]> inclusionProof(long index, long treeSize) {
    return ProofGenerator.inclusion(leafHashes().subList(0, (int) treeSize), index);
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
