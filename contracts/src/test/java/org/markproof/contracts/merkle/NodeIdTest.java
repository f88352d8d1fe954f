package org.markproof.contracts.merkle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class NodeIdTest {
  @Test
  void coversItsRangeOfLeaves() {
    NodeId node = new NodeId(3, 5);
    assertEquals(40, node.firstLeaf());
    assertEquals(48, node.endLeaf());
    assertEquals(8, node.leafCount());
  }

  @Test
  void navigatesToParentSiblingAndChildren() {
    NodeId node = new NodeId(2, 5);
    assertEquals(new NodeId(3, 2), node.parent());
    assertEquals(new NodeId(2, 4), node.sibling());
    assertEquals(new NodeId(1, 10), node.leftChild());
    assertEquals(new NodeId(1, 11), node.rightChild());
    assertThrows(IllegalStateException.class, () -> NodeId.leaf(3).leftChild());
  }

  @Test
  void acceptsOnlySubtreesEndingWithinTheLargestTree() {
    assertEquals(Long.MAX_VALUE - 1, NodeId.leaf(Long.MAX_VALUE - 1).firstLeaf());
    assertEquals(1L << 62, new NodeId(62, 0).endLeaf());
    assertThrows(IllegalArgumentException.class, () -> NodeId.leaf(Long.MAX_VALUE));
    assertThrows(IllegalArgumentException.class, () -> new NodeId(62, 1));
    assertThrows(IllegalArgumentException.class, () -> new NodeId(63, 0));
    assertThrows(IllegalArgumentException.class, () -> new NodeId(-1, 0));
    assertThrows(IllegalArgumentException.class, () -> new NodeId(0, -1));
  }
}
