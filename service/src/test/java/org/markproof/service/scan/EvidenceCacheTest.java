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
    assertArrayEquals(StoredEvidence.ids(first.parts()), first.partIds());

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
  void itStaysBounded() {
    EvidenceCache cache = new EvidenceCache();
    SignedCheckpoint at = checkpoint(EvidenceCache.MAX * 4L);
    for (long batch = 10; batch < 10 + EvidenceCache.MAX * 3L; batch++) {
      cache.get(relied(batch), at, source);
      assertTrue(cache.size() <= EvidenceCache.MAX, "at most MAX kept: " + cache.size());
    }
  }
}
