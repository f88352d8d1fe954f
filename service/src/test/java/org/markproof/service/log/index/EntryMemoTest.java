package org.markproof.service.log.index;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.markproof.contracts.entry.LogEntry;
import org.markproof.contracts.entry.ParticipantRole;
import org.markproof.contracts.merkle.MerkleHashes;
import org.markproof.service.testing.LedgerFixture;

class EntryMemoTest {
  private static LogEntry leaf(String id, Instant at) {
    return LogEntry.of(at, LedgerFixture.enrol(id, new ParticipantRole.BrandOwner()));
  }

  @Test
  void aRememberedLeafIsFoundByTheHashOfItsBytes() {
    EntryMemo memo = new EntryMemo(16, 4);
    LogEntry leaf = leaf("brand-a", Instant.parse("2026-11-26T10:00:00Z"));
    memo.remember(leaf);

    assertSame(leaf, memo.leaf(MerkleHashes.leafHash(leaf.encoded())).orElseThrow());
    LogEntry later = leaf("brand-a", Instant.parse("2026-11-26T10:00:01Z"));
    assertTrue(
        memo.leaf(later.leafHash()).isEmpty(), "the same entry at another time is another leaf");
  }

  @Test
  void onlyTheLatestLeavesAreKept() {
    EntryMemo memo = new EntryMemo(16, 4);
    LogEntry first = leaf("brand-0", Instant.parse("2026-11-26T10:00:00Z"));
    memo.remember(first);
    for (int i = 1; i <= 4; i++) {
      memo.remember(leaf("brand-" + i, Instant.parse("2026-11-26T10:00:00Z")));
    }
    assertTrue(memo.leaf(first.leafHash()).isEmpty());
    LogEntry last = leaf("brand-4", Instant.parse("2026-11-26T10:00:00Z"));
    assertTrue(memo.leaf(last.leafHash()).isPresent());
  }
}
