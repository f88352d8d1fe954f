package org.markproof.edge.sync;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.markproof.contracts.checkpoint.Checkpoint;
import org.markproof.contracts.checkpoint.CheckpointVerifier;
import org.markproof.contracts.checkpoint.Ed25519CosignatureSigner;
import org.markproof.contracts.edge.EdgeBundle;
import org.markproof.contracts.entry.LogEntry;
import org.markproof.contracts.entry.ParticipantEnrolled;
import org.markproof.contracts.entry.ParticipantRole;
import org.markproof.contracts.merkle.MerkleHashes;
import org.markproof.contracts.merkle.ProofGenerator;
import org.markproof.contracts.note.Ed25519NoteSigner;
import org.markproof.contracts.note.SignedNote;
import org.markproof.contracts.rules.TestLedger;
import org.markproof.edge.store.EdgeStore;
import org.markproof.edge.store.TerritoryFilter;

/**
 * A real markproof log for sync tests: entries signed by contracts' {@link TestLedger} participants
 * and accepted by the rules, checkpoints signed by a log key and cosigned by the log's timestamp
 * key (as the service signs them), and edge bundles written from them with proofs from {@link
 * ProofGenerator}, independent of the store under test. Keys derive from fixed labels, so two logs
 * built the same way hold the same bytes; {@link #forkedAt} builds one that differs from an index.
 */
public final class TestLog {
  public static final String ORIGIN = "sync-test.markproof.org/log";
  public static final Instant SIGNED_AT = Instant.parse("2026-11-26T12:00:00Z");

  public final Ed25519NoteSigner logKey;
  public final Ed25519CosignatureSigner timestampKey;
  public final List<LogEntry> entries;

  private TestLog(List<LogEntry> entries) throws Exception {
    this.logKey = Ed25519NoteSigner.of(ORIGIN, TestLedger.key("log key of " + ORIGIN, 0));
    this.timestampKey =
        Ed25519CosignatureSigner.of(
            ORIGIN + "/timestamp",
            TestLedger.key("timestamp key of " + ORIGIN, 0),
            Clock.fixed(SIGNED_AT, ZoneOffset.UTC));
    this.entries = List.copyOf(entries);
  }

  /** A log of {@code size} (at least 8) entries: the standard ledger, then enrolments. */
  public static TestLog of(int size) throws Exception {
    return new TestLog(ledger(size, Integer.MAX_VALUE).logEntries());
  }

  /** A log of the entries {@code ledger} applied, in order. */
  public static TestLog of(TestLedger ledger) throws Exception {
    return new TestLog(ledger.logEntries());
  }

  /** A log of {@code size} entries equal to {@link #of} below {@code index}, different from it. */
  public static TestLog forkedAt(int size, int index) throws Exception {
    return new TestLog(ledger(size, index).logEntries());
  }

  /**
   * A log of {@code size} entries whose entry {@code index} is an enrolment the rules refuse (the
   * same participant twice), correctly signed: a log that signed a corrupt state.
   */
  public static TestLog withRuleBreakingEntry(int size, int index) throws Exception {
    List<LogEntry> entries = new ArrayList<>(of(size).entries);
    TestLedger ledger = TestLedger.withOperator();
    LogEntry again =
        LogEntry.of(
            ledger.now,
            ledger.sign(
                new ParticipantEnrolled(
                    "op",
                    "op",
                    "Operations again",
                    new ParticipantRole.Operator(),
                    TestLedger.key("op", 0).publicKey())));
    entries.set(index, again);
    return new TestLog(entries);
  }

  private static TestLedger ledger(int size, int forkIndex) {
    TestLedger ledger = TestLedger.standard();
    for (int count = ledger.logEntries().size(), i = 0; count < size; count++, i++) {
      String name = (count >= forkIndex ? "forked-" : "brand-") + i;
      ledger.enrol(name, new ParticipantRole.BrandOwner());
    }
    return ledger;
  }

  public String verifierKey() {
    return logKey.verifier().verifierKey().text();
  }

  public String timestampVerifierKey() {
    return timestampKey.verifier().verifierKey().text();
  }

  public List<byte[]> leafHashes(int size) {
    return entries.subList(0, size).stream().map(LogEntry::leafHash).toList();
  }

  public byte[] root(int size) {
    return MerkleHashes.root(leafHashes(size));
  }

  /** The checkpoint of {@code size}, signed by the log key and timestamped by its timestamp key. */
  public String note(int size) throws Exception {
    String text = Checkpoint.of(ORIGIN, size, root(size)).format();
    return SignedNote.sign(text, List.of(logKey, timestampKey)).format();
  }

  /** The edge bundle from {@code from} to {@code to}, as docs/edge.md "The bundle" defines it. */
  public byte[] bundle(int from, int to) throws Exception {
    List<byte[]> proof =
        from == 0 || from == to ? List.of() : ProofGenerator.consistency(leafHashes(to), from);
    return bundle(new EdgeBundle(from, to, note(to), proof), from, to);
  }

  /** A bundle with {@code header} and entries {@code [from, to)} of this log. */
  public byte[] bundle(EdgeBundle header, int from, int to) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(header.encode());
    for (LogEntry entry : entries.subList(from, to)) {
      byte[] leaf = entry.encoded();
      out.write(leaf.length >>> 8);
      out.write(leaf.length & 0xFF);
      out.writeBytes(leaf);
    }
    return out.toByteArray();
  }

  /** Writes {@link #bundle(int, int)} into {@code file}. */
  public Path writeBundle(Path file, int from, int to) throws Exception {
    return Files.write(file, bundle(from, to));
  }

  /**
   * Writes the whole log as a bundle at {@code bundleFile} and syncs it into the edge store {@code
   * storeFile}, verifying with this log's keys, at {@link #SIGNED_AT}: a post that is up to date.
   */
  public void syncWholeLogInto(Path storeFile, Path bundleFile) throws Exception {
    syncWholeLogInto(storeFile, bundleFile, Optional.empty());
  }

  /** As {@link #syncWholeLogInto(Path, Path)}, keeping only the entries {@code filter} needs. */
  public void syncWholeLogInto(Path storeFile, Path bundleFile, Optional<TerritoryFilter> filter)
      throws Exception {
    Path bundle = writeBundle(bundleFile, 0, entries.size());
    try (EdgeStore store = EdgeStore.open(storeFile);
        BundleSource source = BundleSource.open(bundle)) {
      new Sync(store, opener(), Clock.fixed(SIGNED_AT, ZoneOffset.UTC), filter).run(source);
    }
  }

  /** Opens this log's checkpoints: its log key, and its timestamp key's cosignature required. */
  public CheckpointOpener opener() throws Exception {
    return new CheckpointOpener(
        CheckpointVerifier.forLog(logKey.verifier()),
        Optional.empty(),
        Optional.of(timestampKey.verifier()));
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
