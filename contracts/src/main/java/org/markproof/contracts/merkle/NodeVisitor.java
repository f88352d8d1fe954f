package org.markproof.contracts.merkle;

/**
 * Receives each perfect subtree that {@link CompactRange} completes while appending leaves, so that
 * storage can persist it (as node rows or c2sp.org/tlog-tiles tiles).
 */
@FunctionalInterface
public interface NodeVisitor {
  /** A visitor that ignores every node. */
  NodeVisitor NONE = (id, hash) -> {};

  /**
   * Called once per completed node, children before parents, leaves included.
   *
   * @param hash a fresh copy of the node's 32-byte hash, the visitor's to keep
   */
  void visit(NodeId id, byte[] hash);
}
