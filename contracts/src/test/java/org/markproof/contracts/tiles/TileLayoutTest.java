package org.markproof.contracts.tiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.markproof.contracts.merkle.NodeId;

class TileLayoutTest {
  @Test
  void treeOf70000EntriesHasTheTilesTheSpecLists() {
    long size = 70_000;
    assertEquals(273, TileLayout.fullTileCount(0, size));
    assertEquals(1, TileLayout.fullTileCount(1, size));
    assertEquals(0, TileLayout.fullTileCount(2, size));
    assertEquals(
        List.of(new TileId(0, 273, 112), new TileId(1, 1, 17), new TileId(2, 0, 1)),
        TileLayout.partialTiles(size));
  }

  @Test
  void treeOf256EntriesHasOneFullTileAndAPartialTileAbove() {
    assertEquals(1, TileLayout.fullTileCount(0, 256));
    assertEquals(Optional.empty(), TileLayout.partialTile(0, 256));
    assertEquals(List.of(new TileId(1, 0, 1)), TileLayout.partialTiles(256));
  }

  @Test
  void largestTreeHasAPartialTileAtTheTopLevel() {
    assertEquals(Optional.of(new TileId(7, 0, 127)), TileLayout.partialTile(7, Long.MAX_VALUE));
    assertEquals(0, TileLayout.fullTileCount(7, Long.MAX_VALUE));
    assertEquals(8, TileLayout.partialTiles(Long.MAX_VALUE).size());
  }

  @Test
  void newTilesAreExactlyThoseOfTheNewSizeMissingFromTheOld() {
    Random random = new Random(5);
    for (int round = 0; round < 300; round++) {
      long oldSize = random.nextInt(1 << 20);
      long newSize = oldSize + random.nextInt(1 << (1 + random.nextInt(18)));
      Set<TileId> expected = allTiles(newSize);
      expected.removeAll(allTiles(oldSize));
      List<TileId> actual = TileLayout.newTiles(oldSize, newSize);
      assertEquals(expected, new HashSet<>(actual), oldSize + " to " + newSize);
      assertEquals(expected.size(), actual.size(), "no tile twice, " + oldSize + " to " + newSize);
    }
    assertEquals(List.of(TileId.full(0, 0), new TileId(1, 0, 1)), TileLayout.newTiles(255, 256));
    assertEquals(List.of(new TileId(0, 1, 1)), TileLayout.newTiles(256, 257));
    assertEquals(List.of(new EntryBundleId(1, 1)), TileLayout.newEntryBundles(256, 257));
    assertEquals(List.of(), TileLayout.newTiles(70_000, 70_000));
  }

  @Test
  void tileAtGivesTheWidthATileHasInATreeOfThatSize() {
    assertEquals(TileId.full(0, 272), TileLayout.tileAt(0, 272, 70_000));
    assertEquals(new TileId(0, 273, 112), TileLayout.tileAt(0, 273, 70_000));
    assertThrows(IllegalArgumentException.class, () -> TileLayout.tileAt(0, 274, 70_000));
    assertThrows(IllegalArgumentException.class, () -> TileLayout.tileAt(0, -1, 70_000));
  }

  @Test
  void locatesNodesOnAndBetweenTileLevels() {
    assertEquals(
        new TileLocation(new TileId(0, 1, 5), 4, 0), TileLayout.locate(NodeId.leaf(260), 261));
    assertEquals(
        new TileLocation(TileId.full(0, 2), 64, 6), TileLayout.locate(new NodeId(6, 9), 70_000));
    assertEquals(
        new TileLocation(new TileId(1, 1, 17), 16, 0),
        TileLayout.locate(new NodeId(8, 272), 70_000));
    assertEquals(
        new TileLocation(new TileId(1, 1, 17), 0, 4),
        TileLayout.locate(new NodeId(12, 16), 70_000));
    assertEquals(new NodeId(12, 16), TileLayout.locate(new NodeId(12, 16), 70_000).nodeId());
  }

  @Test
  void refusesToLocateANodeNotCompleteInTheTree() {
    assertThrows(
        IllegalArgumentException.class, () -> TileLayout.locate(NodeId.leaf(70_000), 70_000));
    assertThrows(
        IllegalArgumentException.class, () -> TileLayout.locate(new NodeId(5, 2187), 70_000));
  }

  private static Set<TileId> allTiles(long size) {
    Set<TileId> tiles = new HashSet<>(TileLayout.partialTiles(size));
    for (int level = 0; level <= TileId.MAX_LEVEL; level++) {
      for (long n = 0; n < TileLayout.fullTileCount(level, size); n++) {
        tiles.add(TileId.full(level, n));
      }
    }
    return tiles;
  }
}
