package org.markproof.contracts.tiles;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.markproof.contracts.MalformedDataException;
import org.markproof.contracts.VerificationException;
import org.markproof.contracts.merkle.CompactRange;
import org.markproof.contracts.merkle.MerkleHashes;
import org.markproof.contracts.merkle.NodeHashSource;
import org.markproof.contracts.merkle.NodeId;
import org.markproof.contracts.merkle.ProofPlan;
import org.markproof.contracts.merkle.ProofPlanner;
import org.markproof.contracts.merkle.ProofVerifier;
import org.markproof.contracts.merkle.ReferenceMerkleTree;

/**
 * Builds a log of 70,000 entries the way the service will (a compact range reporting each new node
 * to storage), serves its tiles, and checks them against the spec's definition and by assembling
 * verified proofs from them as a client would.
 */
class TileContentsTest {
  private static final int SIZE = 70_000;
  private static final List<byte[]> LEAVES = new ArrayList<>();
  private static final Map<NodeId, byte[]> STORED = new HashMap<>();
  private static final NodeHashSource STORAGE =
      id -> {
        byte[] hash = STORED.get(id);
        if (hash == null) {
          throw new IllegalStateException(id + " is not stored");
        }
        return hash;
      };

  @BeforeAll
  static void appendEntriesInBatches() {
    Random random = new Random(70_000);
    for (int i = 0; i < SIZE; i++) {
      byte[] entry = new byte[8 + random.nextInt(24)];
      random.nextBytes(entry);
      LEAVES.add(MerkleHashes.leafHash(entry));
    }
    CompactRange range = CompactRange.empty();
    while (range.size() < SIZE) {
      int end = (int) Math.min(SIZE, range.size() + 1 + random.nextInt(3000));
      range = range.appendAll(LEAVES.subList((int) range.size(), end), STORED::put);
    }
  }

  @Test
  void everyTileHoldsTheHashesTheSpecDefines() throws MalformedDataException {
    // Hash i of tile n at level l is MTH(D[(n·256 + i)·256^l : (n·256 + i + 1)·256^l]).
    for (TileId tile : TileLayout.newTiles(0, SIZE)) {
      List<byte[]> hashes = TileHashes.decode(tile, TileHashes.encode(tile, STORAGE));
      long span = 1L << tile.nodeLevel();
      for (int i = 0; i < tile.width(); i++) {
        long first = (tile.index() * 256 + i) * span;
        byte[] expected =
            ReferenceMerkleTree.mth(LEAVES.subList((int) first, (int) (first + span)));
        assertArrayEquals(expected, hashes.get(i), tile.path() + " hash " + i);
      }
    }
  }

  @Test
  void proofsAssembledFromTilesVerify() throws MalformedDataException, VerificationException {
    Random random = new Random(3);
    for (int round = 0; round < 100; round++) {
      int size = 1 + random.nextInt(SIZE);
      int index = random.nextInt(size);
      byte[] root = MerkleHashes.root(LEAVES.subList(0, size));
      ProofPlan plan = ProofPlanner.inclusion(index, size);
      List<byte[]> proof = plan.assemble(tilesServedAt(size, plan));
      ProofVerifier.verifyInclusion(index, size, LEAVES.get(index), proof, root);

      int size1 = 1 + random.nextInt(size);
      ProofPlan consistency = ProofPlanner.consistency(size1, size);
      byte[] root1 = MerkleHashes.root(LEAVES.subList(0, size1));
      ProofVerifier.verifyConsistency(
          size1, size, consistency.assemble(tilesServedAt(size, consistency)), root1, root);
    }
  }

  @Test
  void rejectsTileDataOfTheWrongLength() {
    TileId tile = new TileId(0, 3, 5);
    assertThrows(MalformedDataException.class, () -> TileHashes.decode(tile, new byte[5 * 32 - 1]));
    assertThrows(
        MalformedDataException.class, () -> TileHashes.decode(tile, new byte[5 * 32 + 32]));
    assertThrows(MalformedDataException.class, () -> TileHashes.decode(tile, null));
    assertEquals(8192, TileHashes.FULL_TILE_LENGTH);
    assertEquals(8192, TileHashes.encode(TileId.full(0, 0), STORAGE).length);
  }

  /** The tiles a client of a tree of {@code size} fetches for {@code plan}, as served. */
  private static TileNodeSource tilesServedAt(long size, ProofPlan plan)
      throws MalformedDataException {
    TileNodeSource source = new TileNodeSource(size);
    for (TileId tile : TileLayout.tilesHolding(plan.nodeIds(), size)) {
      source.add(tile, TileHashes.encode(tile, STORAGE));
    }
    return source;
  }
}
