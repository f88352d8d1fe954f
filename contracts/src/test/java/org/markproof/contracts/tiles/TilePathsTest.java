package org.markproof.contracts.tiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.markproof.contracts.MalformedDataException;

class TilePathsTest {
  @Test
  void formatsTheSpecExamples() {
    assertEquals("tile/0/x001/x234/067", TileId.full(0, 1_234_067).path());
    assertEquals("tile/entries/x001/x234/067", EntryBundleId.full(1_234_067).path());
    assertEquals("tile/0/273.p/112", new TileId(0, 273, 112).path());
    assertEquals("tile/1/001.p/17", new TileId(1, 1, 17).path());
    assertEquals("tile/2/000.p/1", new TileId(2, 0, 1).path());
    assertEquals("tile/entries/273.p/112", new EntryBundleId(273, 112).path());
    assertEquals("tile/3/x001/000", TileId.full(3, 1000).path());
    assertEquals("tile/0/999", TileId.full(0, 999).path());
  }

  @Test
  void parsesTheSpecExamples() throws MalformedDataException {
    assertEquals(TileId.full(0, 1_234_067), TileResource.parse("tile/0/x001/x234/067"));
    assertEquals(new TileId(1, 1, 17), TileResource.parse("tile/1/001.p/17"));
    assertEquals(EntryBundleId.full(1_234_067), TileResource.parse("tile/entries/x001/x234/067"));
    assertEquals(new EntryBundleId(273, 112), TileResource.parse("tile/entries/273.p/112"));
    assertEquals(new TileId(7, 0, 127), TileResource.parse("tile/7/000.p/127"));
  }

  @Test
  void parsesEveryFormattedPathBackToTheSameResource() throws MalformedDataException {
    Random random = new Random(8);
    for (int i = 0; i < 5000; i++) {
      int level = random.nextInt(TileId.MAX_LEVEL);
      int width = 1 + random.nextInt(TileResource.FULL_WIDTH);
      long maxIndex = Long.MAX_VALUE >>> (TileId.HEIGHT * (level + 1));
      long index = (random.nextLong() >>> 1) % maxIndex >>> random.nextInt(60);
      TileId tile = new TileId(level, index, width);
      assertEquals(tile, TileResource.parse(tile.path()));
      EntryBundleId bundle = new EntryBundleId(index, width);
      assertEquals(bundle, TileResource.parse(bundle.path()));
    }
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(
      strings = {
        "tile",
        "tile/",
        "tile/0",
        "tile/0/",
        "tiles/0/000",
        "/tile/0/000",
        " tile/0/000",
        "tile/0/000 ",
        "tile/0/000/",
        "tile/0/00",
        "tile/0/0000",
        "tile/0/+12",
        "tile/0/-01",
        "tile/0/\uff11\uff12\uff13",
        "tile/0/x000/001",
        "tile/0/001/002",
        "tile/0/x001",
        "tile/0/x01/002",
        "tile/0/X001/002",
        "tile/00/000",
        "tile/01/000",
        "tile/-1/000",
        "tile/64/000",
        "tile/8/000",
        "tile/1000/000",
        "tile/7/001",
        "tile/7/000",
        "tile/7/000.p/128",
        "tile/0/000.p",
        "tile/0/000.p/",
        "tile/0/000.p/0",
        "tile/0/000.p/08",
        "tile/0/000.p/256",
        "tile/0/000.p/5/6",
        "tile/0/000.P/5",
        "tile/0/000.q/5",
        "tile/0.p/5",
        "tile/0/.p/5",
        "tile/entries",
        "tile/entries/",
        "tile/entries/000.p/300",
        "tile/entries/x001/x234/067/",
        "tile/0/x009/x223/x372/x036/x854/x775/808",
        "tile/0/x009/x223/x372/x036/x854/x775/807",
        "tile/0/x001/x002/x003/x004/x005/x006/x007/008",
        "tile/entries/x036/x028/x797/x018/x963/x968/000",
      })
  void rejectsMalformedOrImpossiblePaths(String path) {
    assertThrows(MalformedDataException.class, () -> TileResource.parse(path));
  }

  @Test
  void typedParsersRejectTheOtherKindOfResource() {
    assertThrows(MalformedDataException.class, () -> TileId.parse("tile/entries/000"));
    assertThrows(MalformedDataException.class, () -> EntryBundleId.parse("tile/0/000"));
  }

  @Test
  void boundsTileIdsToTreesBelow2To63() {
    assertThrows(IllegalArgumentException.class, () -> TileId.full(7, 0));
    assertThrows(IllegalArgumentException.class, () -> new TileId(0, 0, 0));
    assertThrows(IllegalArgumentException.class, () -> new TileId(0, 0, 257));
    assertThrows(IllegalArgumentException.class, () -> new TileId(8, 0, 1));
    assertThrows(IllegalArgumentException.class, () -> TileId.full(0, -1));
    assertThrows(IllegalArgumentException.class, () -> EntryBundleId.full(Long.MAX_VALUE / 256));
  }
}
