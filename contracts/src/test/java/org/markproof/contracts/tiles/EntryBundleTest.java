package org.markproof.contracts.tiles;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.markproof.contracts.MalformedDataException;
import org.markproof.contracts.merkle.MerkleHashes;

class EntryBundleTest {
  private static final HexFormat HEX = HexFormat.of();

  @Test
  void encodesEachEntryAfterItsBigEndianUint16Length() {
    byte[] big = new byte[300];
    big[299] = 7;
    EntryBundle bundle = new EntryBundle(List.of(new byte[0], "a".getBytes(), big));
    byte[] encoded = bundle.encode();
    assertEquals("0000" + "000161" + "012c", HEX.formatHex(encoded, 0, 7));
    assertEquals(2 + 3 + 2 + 300, encoded.length);
    assertEquals(7, encoded[encoded.length - 1]);
  }

  @Test
  void decodesWhatItEncodes() throws MalformedDataException {
    List<byte[]> entries = new ArrayList<>();
    for (int i = 0; i < 256; i++) {
      entries.add(new byte[i * 7]);
    }
    entries.set(255, new byte[EntryBundle.MAX_ENTRY_LENGTH]);
    byte[] encoded = new EntryBundle(entries).encode();
    List<byte[]> decoded = EntryBundle.decode(EntryBundleId.full(0), encoded).entries();
    assertEquals(256, decoded.size());
    for (int i = 0; i < 256; i++) {
      assertArrayEquals(entries.get(i), decoded.get(i), "entry " + i);
    }
  }

  @Test
  void bundlesWithTheSameBytesAreEqual() {
    EntryBundle one = new EntryBundle(List.of("a".getBytes(), "bc".getBytes()));
    EntryBundle same = new EntryBundle(List.of("a".getBytes(), "bc".getBytes()));
    EntryBundle other = new EntryBundle(List.of("a".getBytes(), "bd".getBytes()));
    assertEquals(one, same);
    assertEquals(one.hashCode(), same.hashCode());
    assertNotEquals(one, other);
  }

  @Test
  void leafHashesAreTheLevelZeroTileHashes() {
    EntryBundle bundle = new EntryBundle(List.of("x".getBytes(), "y".getBytes()));
    assertArrayEquals(MerkleHashes.leafHash("y".getBytes()), bundle.leafHashes().get(1));
  }

  @Test
  void rejectsBundlesThatDoNotHoldExactlyTheirWidth() {
    byte[] two = new EntryBundle(List.of("ab".getBytes(), "c".getBytes())).encode();
    EntryBundleId widthTwo = new EntryBundleId(4, 2);
    assertThrows(
        MalformedDataException.class, () -> EntryBundle.decode(new EntryBundleId(4, 3), two));
    assertThrows(
        MalformedDataException.class, () -> EntryBundle.decode(new EntryBundleId(4, 1), two));
    assertThrows(MalformedDataException.class, () -> EntryBundle.decode(widthTwo, new byte[0]));
    assertThrows(MalformedDataException.class, () -> EntryBundle.decode(widthTwo, null));
    byte[] truncated = Arrays.copyOf(two, two.length - 1);
    assertThrows(MalformedDataException.class, () -> EntryBundle.decode(widthTwo, truncated));
    byte[] halfLength = Arrays.copyOf(two, 6);
    assertThrows(MalformedDataException.class, () -> EntryBundle.decode(widthTwo, halfLength));
    byte[] lengthPastEnd = HEX.parseHex("ffff00");
    assertThrows(
        MalformedDataException.class,
        () -> EntryBundle.decode(new EntryBundleId(0, 1), lengthPastEnd));
  }

  @Test
  void refusesToBuildBundlesTheFormatCannotCarry() {
    assertThrows(IllegalArgumentException.class, () -> new EntryBundle(List.of()));
    assertThrows(
        IllegalArgumentException.class,
        () -> new EntryBundle(List.of(new byte[EntryBundle.MAX_ENTRY_LENGTH + 1])));
    List<byte[]> tooMany = new ArrayList<>();
    for (int i = 0; i < 257; i++) {
      tooMany.add(new byte[1]);
    }
    assertThrows(IllegalArgumentException.class, () -> new EntryBundle(tooMany));
  }
}
