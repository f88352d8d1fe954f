package org.markproof.edge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.markproof.contracts.merkle.MerkleHashes;
import org.markproof.contracts.note.Ed25519NoteSigner;
import org.markproof.contracts.tiles.EntryBundle;
import org.markproof.contracts.tiles.EntryBundleId;

/**
 * {@code audit --log URL --vkey VKEY} through the built jar against a real HTTP server in the test
 * serving a real 600-entry log (two full entry bundles and a partial one, a partial level-1 tile),
 * then variants of it tampered in one place each. Nothing is mocked: the jar fetches over HTTP and
 * verifies with contracts' Ed25519 and Merkle code.
 */
class AuditCommandIT {
  private static final int SIZE = 600;
  private static final int VICTIM = 300;

  private static TiledLog log;

  @BeforeAll
  static void buildLog() throws Exception {
    log = TiledLog.of(SIZE);
  }

  @Test
  void verifiesAnIntactLogAndPrintsItsCheckpoint() throws Exception {
    JarRun run = audit(log.resources);
    assertEquals(0, run.exitCode(), run::toString);
    String root = Base64.getEncoder().encodeToString(rootOf(log.leaves));
    assertTrue(
        run.out().startsWith("log verified: " + TiledLog.ORIGIN + " " + SIZE + " " + root),
        run::toString);
  }

  @Test
  void verifiesAnEmptyLog() throws Exception {
    Map<String, byte[]> empty =
        Map.of("checkpoint", TiledLog.note(log.logKey, 0, MerkleHashes.emptyRoot()));
    JarRun run = audit(empty);
    assertEquals(0, run.exitCode(), run::toString);
  }

  @Test
  void namesTheEntryABundleServesInsteadOfTheLoggedOne() throws Exception {
    byte[] other = TiledLog.of(1).leaves.get(0);
    Map<String, byte[]> served = withBundleEntry(VICTIM, other);
    JarRun run = audit(served);
    assertEquals(1, run.exitCode(), run::toString);
    assertTrue(run.err().contains("entry " + VICTIM + " hashes to leaf hash"), run::toString);
    assertTrue(run.err().contains("tile/0/001"), run::toString);
  }

  @Test
  void namesAnEntryThatIsNotACanonicalLeaf() throws Exception {
    byte[] reordered =
        "{\"sequencedAt\":\"2026-11-26T09:00:00Z\",\"entry\":{}}".getBytes(StandardCharsets.UTF_8);
    JarRun run = audit(withBundleEntry(VICTIM + 1, reordered));
    assertEquals(1, run.exitCode(), run::toString);
    assertTrue(
        run.err().contains("entry " + (VICTIM + 1) + " (in tile/entries/001) is not a canonical"),
        run::toString);
  }

  @Test
  void namesTheHigherTileHashThatDisagreesWithTheEntries() throws Exception {
    Map<String, byte[]> served = new HashMap<>(log.resources);
    byte[] tile = served.get("tile/1/000.p/2").clone();
    tile[32 + 7] ^= 0x01;
    served.put("tile/1/000.p/2", tile);
    JarRun run = audit(served);
    assertEquals(1, run.exitCode(), run::toString);
    assertTrue(run.err().contains("tile/1/000.p/2 hash 1 (entries 256 to 511)"), run::toString);
  }

  @Test
  void refusesARewrittenLogWhoseTilesAgreeButNotTheCheckpoint() throws Exception {
    TiledLog rewritten = log.withLeaf(VICTIM, TiledLog.of(1).leaves.get(0));
    Map<String, byte[]> served = new HashMap<>(rewritten.resources);
    served.put("checkpoint", log.resources.get("checkpoint"));
    JarRun run = audit(served);
    assertEquals(1, run.exitCode(), run::toString);
    assertTrue(run.err().contains("the checkpoint signs"), run::toString);
    assertTrue(run.err().contains("the " + SIZE + " entries hash to root"), run::toString);
  }

  @Test
  void refusesACheckpointSignedByAnotherKey() throws Exception {
    Ed25519NoteSigner impostor = Ed25519NoteSigner.generate(TiledLog.ORIGIN, new SecureRandom());
    Map<String, byte[]> served = new HashMap<>(log.resources);
    served.put("checkpoint", TiledLog.note(impostor, SIZE, rootOf(log.leaves)));
    JarRun run = audit(served);
    assertEquals(1, run.exitCode(), run::toString);
    assertTrue(run.err().contains("verification failed"), run::toString);
  }

  @Test
  void aMissingBundleMeansTheLogCannotBeRead() throws Exception {
    Map<String, byte[]> served = new HashMap<>(log.resources);
    served.remove("tile/entries/002.p/88");
    JarRun run = audit(served);
    assertEquals(2, run.exitCode(), run::toString);
    assertTrue(run.err().contains("tile/entries/002.p/88: HTTP 404"), run::toString);
  }

  @Test
  void anUnreachableLogIsBadInput() throws Exception {
    String url;
    try (LogServer server = LogServer.serving(Map.of())) {
      url = server.url();
    }
    JarRun run = JarRun.of("audit", "--log", url, "--vkey", log.verifierKey());
    assertEquals(2, run.exitCode(), run::toString);
    assertTrue(run.err().startsWith("edge-scanner audit: cannot read input: GET "), run::toString);
  }

  @Test
  void aMalformedKeyOrUrlIsBadUsage() throws Exception {
    JarRun badKey = JarRun.of("audit", "--log", "http://127.0.0.1:1/log", "--vkey", "nope");
    assertEquals(2, badKey.exitCode(), badKey::toString);
    JarRun badUrl = JarRun.of("audit", "--log", "file:///etc", "--vkey", log.verifierKey());
    assertEquals(2, badUrl.exitCode(), badUrl::toString);
    assertTrue(badUrl.err().contains("expected an http(s) URL"), badUrl::toString);
  }

  private static JarRun audit(Map<String, byte[]> resources) throws Exception {
    try (LogServer server = LogServer.serving(resources)) {
      return JarRun.of("audit", "--log", server.url(), "--vkey", log.verifierKey());
    }
  }

  /** The genuine resources with entry {@code index} of its bundle replaced by {@code leaf}. */
  private static Map<String, byte[]> withBundleEntry(int index, byte[] leaf) {
    Map<String, byte[]> served = new HashMap<>(log.resources);
    EntryBundleId id = new EntryBundleId(index / 256, 256);
    int first = (int) id.firstEntry();
    List<byte[]> entries = new ArrayList<>(log.leaves.subList(first, first + 256));
    entries.set(index - first, leaf);
    served.put(id.path(), new EntryBundle(entries).encode());
    return served;
  }

  private static byte[] rootOf(List<byte[]> leaves) {
    return MerkleHashes.root(leaves.stream().map(MerkleHashes::leafHash).toList());
  }
}
