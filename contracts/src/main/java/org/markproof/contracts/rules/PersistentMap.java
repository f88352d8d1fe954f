package org.markproof.contracts.rules;

import java.util.Arrays;
import java.util.Objects;
import java.util.function.BiConsumer;

/**
 * An immutable hash map with structural sharing: a hash array mapped trie (Bagwell, "Ideal Hash
 * Trees", 2001) of 32-way bitmap nodes. {@link #with} copies only the path to the changed key,
 * O(log32 n) nodes, so every version of the ledger state stays valid while the next one is built at
 * the cost of a handful of small arrays per entry. Keys must be immutable with value-based {@code
 * equals}/{@code hashCode}; null keys and values are refused.
 */
final class PersistentMap<K, V> {
  private static final int BITS = 5;
  private static final int MASK = (1 << BITS) - 1;
  private static final PersistentMap<Object, Object> EMPTY =
      new PersistentMap<>(new Branch(0, new Object[0]), 0);

  private final Branch root;
  private final int size;

  private PersistentMap(Branch root, int size) {
    this.root = root;
    this.size = size;
  }

  @SuppressWarnings("unchecked")
  static <K, V> PersistentMap<K, V> empty() {
    return (PersistentMap<K, V>) EMPTY;
  }

  int size() {
    return size;
  }

  /** The value of {@code key}, or {@code null}. */
  @SuppressWarnings("unchecked")
  V get(K key) {
    int hash = spread(key.hashCode());
    Object node = root;
    for (int shift = 0; ; shift += BITS) {
      if (node instanceof Collision collision) {
        Leaf leaf = collision.find(key);
        return leaf == null ? null : (V) leaf.value;
      }
      Branch branch = (Branch) node;
      int bit = 1 << ((hash >>> shift) & MASK);
      if ((branch.bitmap & bit) == 0) {
        return null;
      }
      Object slot = branch.slots[Integer.bitCount(branch.bitmap & (bit - 1))];
      if (slot instanceof Leaf leaf) {
        return leaf.hash == hash && leaf.key.equals(key) ? (V) leaf.value : null;
      }
      node = slot;
    }
  }

  /** A map equal to this one but mapping {@code key} to {@code value}. */
  PersistentMap<K, V> with(K key, V value) {
    Leaf leaf =
        new Leaf(
            spread(key.hashCode()), Objects.requireNonNull(key), Objects.requireNonNull(value));
    boolean[] added = new boolean[1];
    Branch newRoot = (Branch) put(root, leaf, 0, added);
    return new PersistentMap<>(newRoot, added[0] ? size + 1 : size);
  }

  /** Calls {@code action} on every key and value, in no particular order. */
  @SuppressWarnings("unchecked")
  void forEach(BiConsumer<? super K, ? super V> action) {
    visit(root, leaf -> action.accept((K) leaf.key, (V) leaf.value));
  }

  private static Object put(Object node, Leaf leaf, int shift, boolean[] added) {
    if (node instanceof Collision collision) {
      return collision.with(leaf, added);
    }
    Branch branch = (Branch) node;
    int bit = 1 << ((leaf.hash >>> shift) & MASK);
    int index = Integer.bitCount(branch.bitmap & (bit - 1));
    if ((branch.bitmap & bit) == 0) {
      added[0] = true;
      Object[] slots = new Object[branch.slots.length + 1];
      System.arraycopy(branch.slots, 0, slots, 0, index);
      slots[index] = leaf;
      System.arraycopy(branch.slots, index, slots, index + 1, branch.slots.length - index);
      return new Branch(branch.bitmap | bit, slots);
    }
    Object slot = branch.slots[index];
    Object replacement;
    if (slot instanceof Leaf existing) {
      if (existing.hash == leaf.hash && existing.key.equals(leaf.key)) {
        replacement = leaf;
      } else {
        added[0] = true;
        replacement = split(existing, existing.hash, leaf, shift + BITS);
      }
    } else if (slot instanceof Collision collision && collision.hash != leaf.hash) {
      added[0] = true;
      replacement = split(collision, collision.hash, leaf, shift + BITS);
    } else {
      replacement = put(slot, leaf, shift + BITS, added);
    }
    Object[] slots = branch.slots.clone();
    slots[index] = replacement;
    return new Branch(branch.bitmap, slots);
  }

  /**
   * A node holding {@code existing} (a leaf or collision of hash {@code hash}) and {@code leaf}.
   */
  private static Object split(Object existing, int hash, Leaf leaf, int shift) {
    if (hash == leaf.hash) {
      return new Collision(hash, new Leaf[] {(Leaf) existing, leaf});
    }
    int a = (hash >>> shift) & MASK;
    int b = (leaf.hash >>> shift) & MASK;
    if (a == b) {
      return new Branch(1 << a, new Object[] {split(existing, hash, leaf, shift + BITS)});
    }
    Object[] slots = a < b ? new Object[] {existing, leaf} : new Object[] {leaf, existing};
    return new Branch((1 << a) | (1 << b), slots);
  }

  private static void visit(Object node, java.util.function.Consumer<Leaf> action) {
    if (node instanceof Leaf leaf) {
      action.accept(leaf);
    } else if (node instanceof Collision collision) {
      Arrays.stream(collision.leaves).forEach(action);
    } else {
      for (Object slot : ((Branch) node).slots) {
        visit(slot, action);
      }
    }
  }

  private static int spread(int h) {
    return h ^ (h >>> 16);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof PersistentMap<?, ?> other) || other.size != size) {
      return false;
    }
    boolean[] same = {true};
    visit(root, leaf -> same[0] &= leaf.value.equals(other.getUnchecked(leaf.key)));
    return same[0];
  }

  @SuppressWarnings("unchecked")
  private V getUnchecked(Object key) {
    return get((K) key);
  }

  @Override
  public int hashCode() {
    int[] sum = {0};
    visit(root, leaf -> sum[0] += leaf.key.hashCode() ^ leaf.value.hashCode());
    return sum[0];
  }

  private record Leaf(int hash, Object key, Object value) {}

  private record Branch(int bitmap, Object[] slots) {}

  /** Leaves whose keys differ but whose spread hashes are equal in all 32 bits. */
  private record Collision(int hash, Leaf[] leaves) {
    Leaf find(Object key) {
      for (Leaf leaf : leaves) {
        if (leaf.key.equals(key)) {
          return leaf;
        }
      }
      return null;
    }

    Collision with(Leaf leaf, boolean[] added) {
      for (int i = 0; i < leaves.length; i++) {
        if (leaves[i].key.equals(leaf.key)) {
          Leaf[] copy = leaves.clone();
          copy[i] = leaf;
          return new Collision(hash, copy);
        }
      }
      added[0] = true;
      Leaf[] copy = Arrays.copyOf(leaves, leaves.length + 1);
      copy[leaves.length] = leaf;
      return new Collision(hash, copy);
    }
  }
}
