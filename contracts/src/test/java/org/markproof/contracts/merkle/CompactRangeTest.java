package org.markproof.contracts.merkle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.markproof.contracts.MalformedDataException;

class CompactRangeTest {
  private static final List<byte[]> LEAVES = RandomLeaves.of(new Random(1000), 1000);

  @Test
  void appendingInRandomBatchesGivesTheMerkleTreeHash() {
    for (long seed = 0; seed < 5; seed++) {
      Random random = new Random(seed);
      CompactRange range = CompactRange.empty();
      while (range.size() < LEAVES.size()) {
        int end = (int) Math.min(LEAVES.size(), range.size() + random.nextInt(40));
        range = range.appendAll(LEAVES.subList((int) range.size(), end));
        assertEquals(end, range.size());
        assertArrayEquals(
            ReferenceMerkleTree.mth(LEAVES.subList(0, end)), range.root(), "size " + end);
      }
    }
  }

  @Test
  void reportsExactlyTheNewPerfectSubtreesWithTheirHashesChildrenFirst() {
    Random random = new Random(11);
    CompactRange range = CompactRange.empty();
    Set<NodeId> seen = new HashSet<>();
    while (range.size() < LEAVES.size()) {
      long oldSize = range.size();
      int end = (int) Math.min(LEAVES.size(), oldSize + random.nextInt(70));
      Map<NodeId, byte[]> reported = new LinkedHashMap<>();
      range =
          range.appendAll(
              LEAVES.subList((int) oldSize, end),
              (id, hash) -> {
                if (id.level() > 0) {
                  assertTrue(
                      seen.contains(id.leftChild()) && seen.contains(id.rightChild()),
                      id + " reported before its children");
                }
                assertTrue(seen.add(id), id + " reported twice");
                reported.put(id, hash);
              });
      assertEquals(newPerfectSubtrees(oldSize, end), reported.keySet(), "append to " + end);
      for (Map.Entry<NodeId, byte[]> node : reported.entrySet()) {
        NodeId id = node.getKey();
        byte[] expected =
            ReferenceMerkleTree.mth(LEAVES.subList((int) id.firstLeaf(), (int) id.endLeaf()));
        assertArrayEquals(expected, node.getValue(), id.toString());
      }
    }
  }

  @Test
  void restoredFromItsFrontierContinuesToTheSameRoots() throws MalformedDataException {
    Random random = new Random(12);
    CompactRange range = CompactRange.empty();
    while (range.size() < LEAVES.size()) {
      CompactRange restored = CompactRange.restore(range.size(), range.frontier());
      CompactRange stored =
          CompactRange.fromStored(
              range.size(), new LeafListSource(LEAVES.subList(0, (int) range.size())));
      int end = (int) Math.min(LEAVES.size(), range.size() + random.nextInt(50));
      List<byte[]> batch = LEAVES.subList((int) range.size(), end);
      range = range.appendAll(batch);
      assertArrayEquals(range.root(), restored.appendAll(batch).root(), "restored, size " + end);
      assertArrayEquals(range.root(), stored.appendAll(batch).root(), "from stored, size " + end);
    }
  }

  @Test
  void appendingLeavesTheOriginalRangeUnchanged() {
    CompactRange three = CompactRange.empty().appendAll(LEAVES.subList(0, 3));
    byte[] root = three.root();
    three.append(LEAVES.get(3), NodeVisitor.NONE);
    assertEquals(3, three.size());
    assertArrayEquals(root, three.root());
  }

  @Test
  void frontierIdsFollowTheBitsOfTheSize() {
    assertEquals(List.of(), CompactRange.frontierIds(0));
    assertEquals(
        List.of(new NodeId(2, 0), new NodeId(1, 2), NodeId.leaf(6)), CompactRange.frontierIds(7));
    assertEquals(List.of(new NodeId(3, 0)), CompactRange.frontierIds(8));
    assertEquals(List.of(new NodeId(62, 0)), CompactRange.frontierIds(1L << 62));
    List<NodeId> largest = CompactRange.frontierIds(Long.MAX_VALUE);
    assertEquals(63, largest.size());
    assertEquals(NodeId.leaf(Long.MAX_VALUE - 1), largest.get(62));
  }

  @Test
  void restoreRejectsAFrontierOfTheWrongShape() {
    List<byte[]> two = new ArrayList<>(List.of(new byte[32], new byte[32]));
    assertThrows(MalformedDataException.class, () -> CompactRange.restore(-1, List.of()));
    assertThrows(MalformedDataException.class, () -> CompactRange.restore(7, two));
    assertThrows(MalformedDataException.class, () -> CompactRange.restore(4, two));
    two.set(1, new byte[33]);
    assertThrows(MalformedDataException.class, () -> CompactRange.restore(3, two));
  }

  @Test
  void rejectsLeafHashesOfTheWrongLength() {
    assertThrows(
        IllegalArgumentException.class,
        () -> CompactRange.empty().append(new byte[31], NodeVisitor.NONE));
  }

  /** Perfect subtrees of a tree of {@code newSize} leaves that were not complete at oldSize. */
  private static Set<NodeId> newPerfectSubtrees(long oldSize, long newSize) {
    Set<NodeId> nodes = new HashSet<>();
    for (int level = 0; (1L << level) <= newSize; level++) {
      for (long index = 0; (index + 1) << level <= newSize; index++) {
        if ((index + 1) << level > oldSize) {
          nodes.add(new NodeId(level, index));
        }
      }
    }
    return nodes;
  }
}
