package org.markproof.edge.sync;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.markproof.edge.sync.TerritoryLog.AU_SOAP;
import static org.markproof.edge.sync.TerritoryLog.EM_SHOE;
import static org.markproof.edge.sync.TerritoryLog.FR_BOOT;
import static org.markproof.edge.sync.TerritoryLog.US_LAMP;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.markproof.contracts.MalformedDataException;
import org.markproof.contracts.checkpoint.Checkpoint;
import org.markproof.contracts.label.Gtin;
import org.markproof.contracts.merkle.MerkleHashes;
import org.markproof.contracts.merkle.ProofVerifier;
import org.markproof.contracts.note.SignedNote;
import org.markproof.contracts.rules.LedgerState;
import org.markproof.edge.store.EdgeStore;
import org.markproof.edge.store.EdgeStoreException;
import org.markproof.edge.store.TerritoryFilter;

/**
 * {@code sync --territory EM,AU} ({@link Sync} with a {@link TerritoryFilter}) from bundles of a
 * real signed log with products in EM, FR, AU and US: only the US product's batches and revocations
 * lose their bytes; every stored entry (and every dropped one, given its bytes) is proven from the
 * cache against the adopted checkpoint; a second sync, a reopened store's replay and a sync killed
 * half-way behave as with a store that keeps everything; the filter is fixed by the first sync.
 */
class TerritorySyncTest {
  private static final Instant NOW = Instant.parse("2026-11-26T12:30:00Z");

  private static TerritoryLog world;

  @TempDir Path dir;

  @BeforeAll
  static void buildLog() throws Exception {
    world = TerritoryLog.build();
  }

  private static Optional<TerritoryFilter> filter(String... codes) throws MalformedDataException {
    return Optional.of(TerritoryFilter.of(List.of(codes)));
  }

  private Sync.Result sync(EdgeStore store, Optional<TerritoryFilter> filter, int from, int to)
      throws Exception {
    try (BundleSource source = source(from, to)) {
      return sync(store, filter).run(source);
    }
  }

  private static Sync sync(EdgeStore store, Optional<TerritoryFilter> filter) throws Exception {
    return new Sync(store, world.log.opener(), Clock.fixed(NOW, ZoneOffset.UTC), filter);
  }

  private BundleSource source(int from, int to) throws Exception {
    Path file = Files.createTempFile(dir, "bundle", ".bin");
    world.log.writeBundle(file, from, to);
    return BundleSource.open(file);
  }

  private static long keptBelow(int size) {
    long kept = 0;
    for (int i = 0; i < size; i++) {
      kept += world.keptForEmAu(i) ? 1 : 0;
    }
    return kept;
  }

  @Test
  void keepsOnlyWhatPostsInTheTerritoriesNeedAndProvesEveryEntryFromTheCache() throws Exception {
    int size = world.entries().size();
    try (EdgeStore store = EdgeStore.open(dir.resolve("em-au.db"))) {
      Sync.Result first = sync(store, filter("EM", "AU"), 0, world.firstSize);
      assertEquals(keptBelow(world.firstSize), first.entriesStored());
      // The second sync names no filter: the store's own is kept. Its bundle starts below the
      // adopted size, among dropped entries: they are checked against the stored leaf hashes.
      int from = world.firstSize - 100;
      assertTrue(!world.keptForEmAu(from));
      Sync.Result second = sync(store, Optional.empty(), from, size);
      assertEquals(Sync.Outcome.ADOPTED, second.outcome());
      assertEquals(keptBelow(size) - keptBelow(world.firstSize), second.entriesStored());
      assertEquals(filter("AU", "EM"), store.territoryFilter());
      assertEquals(filter("AU", "EM"), second.territories());

      assertEquals(size, store.size());
      assertEquals(keptBelow(size), store.entryCount());
      assertTrue(store.entryCount() < size / 2, "most of the log is US batches");
      Checkpoint checkpoint =
          Checkpoint.parse(SignedNote.parse(world.log.note(size).getBytes()).text());
      assertArrayEquals(checkpoint.rootHash(), store.checkpoint().orElseThrow().root());
      for (int i = 0; i < size; i++) {
        byte[] leaf = world.entries().get(i).encoded();
        if (world.keptForEmAu(i)) {
          assertArrayEquals(leaf, store.entry(i), "entry " + i);
        } else {
          int index = i;
          EdgeStoreException e = assertThrows(EdgeStoreException.class, () -> store.entry(index));
          assertTrue(e.getMessage().contains("keeps only the entries for AU,EM"), e.getMessage());
        }
        // Kept or not, the entry is proven from the stored hashes (given its bytes).
        ProofVerifier.verifyInclusion(
            i,
            size,
            MerkleHashes.leafHash(leaf),
            store.inclusionProof(i, size),
            checkpoint.rootHash());
      }
    }
  }

  @Test
  void aReopenedFilteredStoreReplaysToTheSameKeptFactsAtTheirTrueIndexes() throws Exception {
    Path file = dir.resolve("em-au.db");
    int size = world.entries().size();
    try (EdgeStore store = EdgeStore.open(file)) {
      sync(store, filter("EM", "AU"), 0, world.firstSize);
      sync(store, Optional.empty(), world.firstSize, size);
    }
    LedgerState full = world.ledger.state;
    try (EdgeStore reopened = EdgeStore.open(file)) {
      LedgerState kept = reopened.replayState();
      assertEquals(size, kept.size());
      assertEquals(full.lastTime(), kept.lastTime());
      for (Gtin gtin : List.of(EM_SHOE, FR_BOOT, AU_SOAP, US_LAMP)) {
        assertEquals(full.product(gtin), kept.product(gtin));
      }
      assertEquals(full.mark(TerritoryLog.US_MARK), kept.mark(TerritoryLog.US_MARK));
      assertEquals(full.license("lic-1"), kept.license("lic-1"));
      assertEquals(full.participant("ipo-us"), kept.participant("ipo-us"));
      assertEquals(full.seizure("scan-us-1"), kept.seizure("scan-us-1"));
      for (String lot : List.of("E0", "E2", "E11", "E14")) {
        assertEquals(full.batch(EM_SHOE, lot), kept.batch(EM_SHOE, lot), lot);
        assertTrue(kept.batch(EM_SHOE, lot).isPresent(), lot);
      }
      assertEquals(full.batch(EM_SHOE, "G0"), kept.batch(EM_SHOE, "G0"));
      assertEquals(full.batch(FR_BOOT, "F3"), kept.batch(FR_BOOT, "F3"));
      assertEquals(full.batch(AU_SOAP, "A12"), kept.batch(AU_SOAP, "A12"));
      assertEquals(
          full.serialRevocation(EM_SHOE, "E2", "STOLEN1"),
          kept.serialRevocation(EM_SHOE, "E2", "STOLEN1"));
      assertTrue(full.batch(EM_SHOE, "E11").orElseThrow().revocation().isPresent());
      for (String lot : List.of("U0", "U3", "U4", "U250", "U449")) {
        assertTrue(full.batch(US_LAMP, lot).isPresent(), lot);
        assertEquals(Optional.empty(), kept.batch(US_LAMP, lot), lot);
      }
      assertEquals(Optional.empty(), kept.serialRevocation(US_LAMP, "U3", "STOLEN1"));
      assertEquals(filter("AU", "EM"), reopened.territoryFilter());
    }
  }

  @Test
  void aRegionalFilterKeepsTheBatchesOfItsMemberStatesProducts() throws Exception {
    try (EdgeStore store = EdgeStore.open(dir.resolve("em.db"))) {
      sync(store, filter("EM"), 0, world.firstSize);
      LedgerState state = store.replayState();
      assertTrue(state.batch(FR_BOOT, "F0").isPresent(), "FR is within EM");
      assertTrue(state.batch(EM_SHOE, "E0").isPresent());
      assertEquals(Optional.empty(), state.batch(AU_SOAP, "A0"));
      assertEquals(Optional.empty(), state.batch(US_LAMP, "U0"));
    }
    try (EdgeStore store = EdgeStore.open(dir.resolve("de.db"))) {
      sync(store, filter("DE"), 0, world.firstSize);
      LedgerState state = store.replayState();
      assertTrue(state.batch(EM_SHOE, "E0").isPresent(), "EM rights reach DE");
      assertEquals(Optional.empty(), state.batch(FR_BOOT, "F0"), "FR-only goods never reach DE");
    }
  }

  @Test
  void theFilterIsFixedByTheFirstSyncAndAnotherIsRefusedWithNothingWritten() throws Exception {
    try (EdgeStore filtered = EdgeStore.open(dir.resolve("em-au.db"))) {
      sync(filtered, filter("EM", "AU"), 0, world.firstSize);
      MalformedDataException e =
          assertThrows(
              MalformedDataException.class,
              () -> sync(filtered, filter("EM", "US"), world.firstSize, world.entries().size()));
      assertTrue(
          e.getMessage().contains("keeps only the entries for AU,EM, not EM,US"), e::getMessage);
      assertEquals(world.firstSize, filtered.size());
      // The same filter again is the store's own.
      sync(filtered, filter("AU", "EM"), world.firstSize, world.entries().size());
      assertEquals(world.entries().size(), filtered.size());
    }
    try (EdgeStore full = EdgeStore.open(dir.resolve("full.db"))) {
      sync(full, Optional.empty(), 0, world.firstSize);
      MalformedDataException e =
          assertThrows(
              MalformedDataException.class,
              () -> sync(full, filter("EM"), world.firstSize, world.entries().size()));
      assertTrue(e.getMessage().contains("keeps every entry"), e::getMessage);
      assertEquals(Optional.empty(), full.territoryFilter());
      assertEquals(world.firstSize, full.entryCount());
    }
  }

  @Test
  void aFilteredSyncKilledHalfWayLeavesThePreviousStateAndFilter() throws Exception {
    Path file = dir.resolve("em-au.db");
    int size = world.entries().size();
    try (EdgeStore store = EdgeStore.open(file)) {
      // The first sync dies: the store keeps nothing, not even the filter.
      SyncSource dying = new DyingSource(source(0, world.firstSize), world.firstSize / 2);
      assertThrows(IOException.class, () -> sync(store, filter("EM", "AU")).run(dying));
      assertEquals(Optional.empty(), store.checkpoint());
      assertEquals(Optional.empty(), store.territoryFilter());
      assertEquals(0, store.entryCount());
      sync(store, filter("EM", "AU"), 0, world.firstSize);
      // The second dies among the US batches: the first one's state stays whole.
      SyncSource dyingAgain = new DyingSource(source(world.firstSize, size), size - 20);
      assertThrows(IOException.class, () -> sync(store, Optional.empty()).run(dyingAgain));
    }
    try (EdgeStore reopened = EdgeStore.open(file)) {
      assertEquals(world.firstSize, reopened.size());
      assertEquals(keptBelow(world.firstSize), reopened.entryCount());
      assertEquals(filter("AU", "EM"), reopened.territoryFilter());
      assertEquals(world.firstSize, reopened.replayState().size());
      sync(reopened, Optional.empty(), world.firstSize, size);
      assertEquals(keptBelow(size), reopened.entryCount());
    }
  }

  @Test
  void aFilteredStoreExportsNoBundleLackingEntriesAndSavesTheirBytes() throws Exception {
    int size = world.entries().size();
    Path filteredFile = dir.resolve("em-au.db");
    Path fullFile = dir.resolve("full.db");
    try (EdgeStore filtered = EdgeStore.open(filteredFile);
        EdgeStore full = EdgeStore.open(fullFile)) {
      sync(filtered, filter("EM", "AU"), 0, size);
      sync(full, Optional.empty(), 0, size);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      MalformedDataException e =
          assertThrows(MalformedDataException.class, () -> BundleExport.write(filtered, 0, out));
      assertTrue(e.getMessage().contains("keeps only the entries for AU,EM"), e::getMessage);
      assertTrue(e.getMessage().contains("a bundle needs every one"), e::getMessage);
      assertEquals(0, out.size(), "nothing written");
      // From the last entry on, which it kept, it can.
      int last = size - 1;
      assertTrue(world.keptForEmAu(last));
      assertEquals(size, BundleExport.write(filtered, last, new ByteArrayOutputStream()).to());
    }
    // Closed, each store is one file: its size is what the post keeps.
    long droppedBytes = 0;
    long dropped = 0;
    for (int i = 0; i < size; i++) {
      if (!world.keptForEmAu(i)) {
        dropped++;
        droppedBytes += world.entries().get(i).encoded().length;
      }
    }
    long saved = Files.size(fullFile) - Files.size(filteredFile);
    System.out.printf(
        "TerritorySyncTest: %d of %d entries dropped for AU,EM: %d leaf bytes, %d per dropped"
            + " entry; store file %d bytes instead of %d (%d saved, %d per dropped entry)%n",
        dropped,
        size,
        droppedBytes,
        droppedBytes / dropped,
        Files.size(filteredFile),
        Files.size(fullFile),
        saved,
        saved / dropped);
    assertTrue(saved > droppedBytes / 2, "the dropped entries' bytes are not in the file");
  }
}
