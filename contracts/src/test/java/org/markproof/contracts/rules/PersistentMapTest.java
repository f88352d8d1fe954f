package org.markproof.contracts.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Cross-checks the persistent map against {@link HashMap}, the naive reference, on random input.
 */
class PersistentMapTest {
  /** A key whose hash codes collide often (and sometimes in all 32 bits). */
  private record Key(int id, int hash) {
    @Override
    public int hashCode() {
      return hash;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && k.id == id;
    }
  }

  @Test
  void agreesWithHashMapOnRandomInsertsAndOverwrites() {
    Random random = new Random(20260110);
    for (int bits : new int[] {3, 12, 32}) {
      Map<Key, Integer> reference = new HashMap<>();
      PersistentMap<Key, Integer> map = PersistentMap.empty();
      for (int i = 0; i < 20_000; i++) {
        int id = random.nextInt(5_000);
        int hash = bits == 32 ? new Random(id).nextInt() : (id * 0x9E3779B9) & ((1 << bits) - 1);
        Key key = new Key(id, hash);
        reference.put(key, i);
        map = map.with(key, i);
      }
      assertEquals(reference.size(), map.size(), "size with " + bits + "-bit hashes");
      Map<Key, Integer> listed = new HashMap<>();
      map.forEach(listed::put);
      assertEquals(reference, listed, "contents with " + bits + "-bit hashes");
      for (Map.Entry<Key, Integer> e : reference.entrySet()) {
        assertEquals(e.getValue(), map.get(e.getKey()));
      }
      assertNull(map.get(new Key(-1, 0)));
    }
  }

  @Test
  void olderVersionsAreUnchangedByLaterInserts() {
    List<PersistentMap<String, Integer>> versions = new ArrayList<>();
    PersistentMap<String, Integer> map = PersistentMap.empty();
    for (int i = 0; i < 1000; i++) {
      versions.add(map);
      map = map.with("k" + (i % 300), i);
    }
    for (int v = 0; v < versions.size(); v++) {
      PersistentMap<String, Integer> version = versions.get(v);
      assertEquals(Math.min(v, 300), version.size());
      if (v > 0) {
        int last = v - 1;
        assertEquals(last, version.get("k" + (last % 300)));
      }
    }
  }

  @Test
  void equalContentsAreEqualWhateverTheInsertionOrder() {
    PersistentMap<String, Integer> forward = PersistentMap.empty();
    PersistentMap<String, Integer> backward = PersistentMap.empty();
    for (int i = 0; i < 500; i++) {
      forward = forward.with("k" + i, i);
      backward = backward.with("k" + (499 - i), 499 - i);
    }
    assertEquals(forward, backward);
    assertEquals(forward.hashCode(), backward.hashCode());
  }
}
