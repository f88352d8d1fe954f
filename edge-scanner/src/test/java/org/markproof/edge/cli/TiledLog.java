package org.markproof.edge.cli;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.markproof.contracts.checkpoint.Checkpoint;
import org.markproof.contracts.crypto.Ed25519PrivateKey;
import org.markproof.contracts.entry.EntrySigner;
import org.markproof.contracts.entry.LogEntry;
import org.markproof.contracts.entry.ParticipantEnrolled;
import org.markproof.contracts.entry.ParticipantRole;
import org.markproof.contracts.merkle.MerkleHashes;
import org.markproof.contracts.merkle.NodeHashSource;
import org.markproof.contracts.note.Ed25519NoteSigner;
import org.markproof.contracts.note.SignedNote;
import org.markproof.contracts.tiles.EntryBundle;
import org.markproof.contracts.tiles.EntryBundleId;
import org.markproof.contracts.tiles.TileHashes;
import org.markproof.contracts.tiles.TileId;
import org.markproof.contracts.tiles.TileLayout;

/**
 * A real markproof log, built with contracts only, as the resources a log serves
 * (c2sp.org/tlog-tiles): {@code checkpoint} signed by the log key, every entry bundle and every
 * hash tile of its tree. Leaves are signed {@code participant.enrolled} entries; hashes come
 * straight from {@link MerkleHashes}, not from the code under test.
 */
final class TiledLog {
  static final String ORIGIN = "audit-test.markproof.org/log";

  final Ed25519NoteSigner logKey;
  final List<byte[]> leaves;
  final Map<String, byte[]> resources = new HashMap<>();

  private TiledLog(Ed25519NoteSigner logKey, List<byte[]> leaves) throws Exception {
    this.logKey = logKey;
    this.leaves = List.copyOf(leaves);
    List<byte[]> leafHashes = leaves.stream().map(MerkleHashes::leafHash).toList();
    long size = leaves.size();
    NodeHashSource nodes =
        id ->
            MerkleHashes.root(
                leafHashes.subList((int) id.firstLeaf(), (int) Math.min(id.endLeaf(), size)));
    for (TileId tile : TileLayout.newTiles(0, size)) {
      resources.put(tile.path(), TileHashes.encode(tile, nodes));
    }
    for (EntryBundleId bundle : TileLayout.newEntryBundles(0, size)) {
      List<byte[]> entries = leaves.subList((int) bundle.firstEntry(), (int) bundle.endEntry());
      resources.put(bundle.path(), new EntryBundle(entries).encode());
    }
    resources.put("checkpoint", note(logKey, size, MerkleHashes.root(leafHashes)));
  }

  /** A log of {@code size} signed entries under a fresh log key. */
  static TiledLog of(int size) throws Exception {
    SecureRandom random = new SecureRandom();
    Ed25519PrivateKey participant = Ed25519PrivateKey.generate(random);
    Instant start = Instant.parse("2026-11-26T09:00:00Z");
    List<byte[]> leaves = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      ParticipantEnrolled statement =
          new ParticipantEnrolled(
              "operator",
              "participant-" + i,
              "Participant " + i,
              new ParticipantRole.Operator(),
              participant.publicKey());
      LogEntry entry =
          LogEntry.of(start.plus(Duration.ofMillis(i)), EntrySigner.sign(statement, participant));
      leaves.add(entry.encoded());
    }
    return new TiledLog(Ed25519NoteSigner.generate(ORIGIN, random), leaves);
  }

  /** The same log with leaf {@code index} replaced, tiles and checkpoint rebuilt over it. */
  TiledLog withLeaf(int index, byte[] leaf) throws Exception {
    List<byte[]> changed = new ArrayList<>(leaves);
    changed.set(index, leaf);
    return new TiledLog(logKey, changed);
  }

  String verifierKey() {
    return logKey.verifier().verifierKey().text();
  }

  static byte[] note(Ed25519NoteSigner key, long size, byte[] root) throws Exception {
    String text = Checkpoint.of(ORIGIN, size, root).format();
    return SignedNote.sign(text, List.of(key)).format().getBytes(StandardCharsets.UTF_8);
  }
}
