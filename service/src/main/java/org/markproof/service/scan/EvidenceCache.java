package org.markproof.service.scan;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.markproof.contracts.rules.EntryRef;
import org.markproof.contracts.verdict.EvidenceRole;
import org.markproof.contracts.verdict.EvidenceSource;
import org.markproof.contracts.verdict.VerdictDocument;
import org.markproof.service.log.index.SignedCheckpoint;

/**
 * The evidence member of verdicts as canonical bytes and stored parts, kept for the checkpoint they
 * prove against: every scan of a batch against one checkpoint carries the same evidence (the
 * checkpoint, the entries, their inclusion proofs), so it is written, canonicalised and hashed once
 * rather than for every scan. Bounded: emptied when full, and entries of older checkpoints are
 * simply no longer asked for.
 */
final class EvidenceCache {
  /** Distinct evidence kept; ~5 kB each. */
  static final int MAX = 1024;

  /**
   * The member's value as canonical bytes, and the same value in the parts it is stored as ({@link
   * StoredEvidence}), with their SHA-256s (their names) one after another.
   */
  record Evidence(byte[] canonical, List<byte[]> parts, byte[] partIds) {}

  private record Key(long size, String note, Map<EvidenceRole, EntryRef> relied) {}

  private final Map<Key, Evidence> kept = new ConcurrentHashMap<>();

  /** How many are kept now. */
  int size() {
    return kept.size();
  }

  /** The evidence for {@code relied} against {@code checkpoint}, written from {@code source}. */
  Evidence get(
      Map<EvidenceRole, EntryRef> relied, SignedCheckpoint checkpoint, EvidenceSource source) {
    Key key = new Key(checkpoint.size(), checkpoint.note(), relied);
    Evidence found = kept.get(key);
    if (found != null) {
      return found;
    }
    List<byte[]> parts =
        StoredEvidence.parts(
            VerdictDocument.evidence(
                relied,
                source,
                checkpoint.note().getBytes(StandardCharsets.UTF_8),
                checkpoint.size()));
    Evidence written = new Evidence(StoredEvidence.join(parts), parts, StoredEvidence.ids(parts));
    if (kept.size() >= MAX) {
      kept.clear();
    }
    kept.put(key, written);
    return written;
  }
}
