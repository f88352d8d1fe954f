package org.markproof.edge.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.markproof.contracts.merkle.ProofGenerator;
import org.markproof.contracts.tiles.EntryBundle;
import org.markproof.contracts.tiles.EntryBundleId;
import org.markproof.contracts.tiles.TileLayout;
import org.markproof.edge.audit.LogFetcher;
import org.markproof.edge.store.EdgeStore;
import org.markproof.edge.store.Evidence;

/**
 * {@link Sync} through {@link ServiceSource} from the resources a service serves at one size
 * (checkpoint, consistency proof JSON, entry bundles), held in a map: a sync from 300 to 600 reads
 * the full bundle 1 that was partial at 300, and records which paths it fetched.
 */
class ServiceSourceTest {
  @TempDir Path dir;

  /** The resources of {@code log} at {@code size}, as GET paths. */
  private static Map<String, byte[]> served(TestLog log, int size) throws Exception {
    Map<String, byte[]> resources = new HashMap<>();
    resources.put("checkpoint", TestLog.utf8(log.note(size)));
    for (EntryBundleId id : TileLayout.newEntryBundles(0, size)) {
      List<byte[]> leaves = new ArrayList<>();
      for (long i = id.firstEntry(); i < id.endEntry(); i++) {
        leaves.add(log.entries.get((int) i).encoded());
      }
      resources.put(id.path(), new EntryBundle(leaves).encode());
    }
    for (int from = 1; from < size; from++) {
      List<String> proof =
          ProofGenerator.consistency(log.leafHashes(size), from).stream()
              .map(h -> "\"" + Base64.getEncoder().encodeToString(h) + "\"")
              .toList();
      resources.put(
          "v1/log/proof/consistency?from=" + from + "&to=" + size,
          TestLog.utf8(
              "{\"from\":"
                  + from
                  + ",\"to\":"
                  + size
                  + ",\"proof\":["
                  + String.join(",", proof)
                  + "]}"));
    }
    return resources;
  }

  private static LogFetcher fetcher(Map<String, byte[]> resources, List<String> fetched) {
    return (path, max) -> {
      fetched.add(path);
      byte[] body = resources.get(path);
      if (body == null) {
        throw new IOException("GET " + path + ": HTTP 404, expected 200");
      }
      return body;
    };
  }

  private Sync sync(EdgeStore store, TestLog log) throws Exception {
    return new Sync(
        store, log.opener(), Clock.fixed(Instant.parse("2026-11-26T12:30:00Z"), ZoneOffset.UTC));
  }

  @Test
  void syncsFromEmptyThenFromAPartialBundleOn() throws Exception {
    TestLog log = TestLog.of(600);
    try (EdgeStore store = EdgeStore.open(dir.resolve("edge.db"))) {
      List<String> fetched = new ArrayList<>();
      sync(store, log).run(new ServiceSource(fetcher(served(log, 300), fetched), "service"));
      assertEquals(List.of("checkpoint", "tile/entries/000", "tile/entries/001.p/44"), fetched);
      fetched.clear();
      Sync.Result result =
          sync(store, log).run(new ServiceSource(fetcher(served(log, 600), fetched), "service"));
      assertEquals(300, result.entriesAdded());
      assertEquals(
          List.of(
              "checkpoint",
              "v1/log/proof/consistency?from=300&to=600",
              "tile/entries/001",
              "tile/entries/002.p/88"),
          fetched);
      SyncTest.assertState(store, log, 600);
    }
  }

  @Test
  void fetchingBundlesAheadDeliversTheSameEntriesInOrder() throws Exception {
    TestLog log = TestLog.of(1300);
    try (EdgeStore store = EdgeStore.open(dir.resolve("edge.db"))) {
      List<String> fetched = java.util.Collections.synchronizedList(new ArrayList<>());
      sync(store, log).run(new ServiceSource(fetcher(served(log, 700), fetched), "service", 3));
      SyncTest.assertState(store, log, 700);
      Sync.Result result =
          sync(store, log)
              .run(new ServiceSource(fetcher(served(log, 1300), fetched), "service", 3));
      assertEquals(600, result.entriesAdded());
      SyncTest.assertState(store, log, 1300);
      assertEquals(
          java.util.Set.of(
              "checkpoint",
              "tile/entries/000",
              "tile/entries/001",
              "tile/entries/002.p/188",
              "v1/log/proof/consistency?from=700&to=1300",
              "tile/entries/002",
              "tile/entries/003",
              "tile/entries/004",
              "tile/entries/005.p/20"),
          java.util.Set.copyOf(fetched));
    }
  }

  @Test
  void aForkedServiceIsRefusedWithTheProofItServed() throws Exception {
    TestLog log = TestLog.of(600);
    TestLog fork = TestLog.forkedAt(600, 200);
    try (EdgeStore store = EdgeStore.open(dir.resolve("edge.db"))) {
      sync(store, log).run(new ServiceSource(fetcher(served(log, 300), new ArrayList<>()), "a"));
      MisbehaviourException e =
          assertThrows(
              MisbehaviourException.class,
              () ->
                  sync(store, log)
                      .run(new ServiceSource(fetcher(served(fork, 600), new ArrayList<>()), "b")));
      assertEquals(Evidence.Kind.FORK, e.evidence().kind());
      assertTrue(e.getMessage().contains("(b)"), e.getMessage());
      SyncTest.assertState(store, log, 300);
    }
  }
}
