package org.markproof.service.scan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.markproof.contracts.crypto.Sha256;
import org.markproof.contracts.entry.CanonicalJson;
import org.markproof.contracts.rules.EntryRef;
import org.markproof.contracts.verdict.EvidenceRole;
import org.markproof.contracts.verdict.EvidenceSource;
import org.markproof.contracts.verdict.VerdictDocument;
import org.markproof.service.log.index.SignedCheckpoint;

/** The kept evidence is what writing it afresh gives, per checkpoint, and stays bounded. */
class EvidenceCacheTest {
  private static final Instant T = Instant.parse("2026-11-27T00:00:00Z");

  /** Entries read so far. */
  private int reads;

  /** Entry i is "entry i"; each proof is 6 hashes of the index and size. */
  private final EvidenceSource source =
      new EvidenceSource() {
        @Override
        public byte[] entry(long index) {
          reads++;
          return ("entry " + index).getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public List<byte[]> inclusionProof(long index, long treeSize) {
          List<byte[]> out = new ArrayList<>();
          for (int i = 0; i < 6; i++) {
            out.add(Sha256.hash(("node " + index + " " + treeSize + " " + i).getBytes()));
          }
          return out;
        }
      };

  private static SignedCheckpoint checkpoint(long size) {
    String note = "markproof.test/log\n" + size + "\nAAAA\n\n\u2014 markproof.test/log sig\n";
    return new SignedCheckpoint(size, new byte[32], note, T);
  }

  private static Map<EvidenceRole, EntryRef> relied(long batch) {
    Map<EvidenceRole, EntryRef> out = new EnumMap<>(EvidenceRole.class);
    out.put(EvidenceRole.values()[0], new EntryRef(3, T));
    out.put(EvidenceRole.values()[1], new EntryRef(batch, T));
    return out;
  }

  @Test
  void keptEvidenceIsWhatWritingItGivesAndIsWrittenOncePerCheckpoint() {
    EvidenceCache cache = new EvidenceCache();
    SignedCheckpoint at64 = checkpoint(64);
    EvidenceCache.Evidence first = cache.get(relied(40), at64, source);
    byte[] fresh =
        CanonicalJson.bytes(
            VerdictDocument.evidence(
                relied(40), source, at64.note().getBytes(StandardCharsets.UTF_8), 64));
    assertArrayEquals(fresh, first.canonical(), "the parts put back are the member's bytes");
    assertEquals(3, first.parts().size(), "the checkpoint and the two entries relied on");
    byte[] ids = first.partIds();
    assertEquals(3 * 32, ids.length);
    for (int i = 0; i < 3; i++) {
      assertArrayEquals(
          Sha256.hash(first.parts().get(i)),
          Arrays.copyOfRange(ids, i * 32, i * 32 + 32),
          "each part named by its SHA-256, in order");
    }

    int before = reads;
    assertSame(first, cache.get(relied(40), at64, source));
    assertEquals(before, reads, "kept, not written again");

    EvidenceCache.Evidence otherBatch = cache.get(relied(41), at64, source);
    EvidenceCache.Evidence newerCheckpoint = cache.get(relied(40), checkpoint(65), source);
    assertFalse(Arrays.equals(first.canonical(), otherBatch.canonical()));
    assertFalse(Arrays.equals(first.partIds(), newerCheckpoint.partIds()));
    assertTrue(
        new String(newerCheckpoint.canonical(), StandardCharsets.UTF_8).contains("\\n65\\n"),
        "proven against the checkpoint asked for");
  }

  @Test
  void anotherBatchWritesOnlyItsOwnEntry() {
    EvidenceCache cache = new EvidenceCache();
    SignedCheckpoint at64 = checkpoint(64);
    EvidenceCache.Evidence first = cache.get(relied(40), at64, source);
    int before = reads;
    EvidenceCache.Evidence other = cache.get(relied(41), at64, source);
    assertEquals(before + 1, reads, "only the new batch's entry is read and written");
    assertArrayEquals(first.parts().get(0), other.parts().get(0), "the checkpoint's part");
    assertArrayEquals(first.parts().get(1), other.parts().get(1), "the shared entry's part");
    assertFalse(Arrays.equals(first.parts().get(2), other.parts().get(2)));
    assertArrayEquals(
        CanonicalJson.bytes(
            VerdictDocument.evidence(
                relied(41), source, at64.note().getBytes(StandardCharsets.UTF_8), 64)),
        other.canonical(),
        "put together from kept parts, the member is what writing it afresh gives");
    // Against a newer checkpoint no part is shared: each proof names its checkpoint.
    int beforeNewer = reads;
    cache.get(relied(41), checkpoint(65), source);
    assertEquals(beforeNewer + 2, reads);
  }

  @Test
  void itStaysBounded() {
    EvidenceCache cache = new EvidenceCache();
    SignedCheckpoint at = checkpoint(EvidenceCache.MAX_PARTS * 2L);
    for (long batch = 10; batch < 10 + EvidenceCache.MAX_PARTS + 100L; batch++) {
      cache.get(relied(batch), at, source);
      assertTrue(cache.size() <= EvidenceCache.MAX, "at most MAX kept: " + cache.size());
      assertTrue(cache.parts() <= EvidenceCache.MAX_PARTS, "parts too: " + cache.parts());
    }
  }
}
