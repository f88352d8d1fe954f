package org.markproof.service.scan;

import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.markproof.contracts.crypto.Sha256;
import org.markproof.contracts.entry.CanonicalJson;
import org.markproof.contracts.rules.EntryRef;
import org.markproof.contracts.verdict.EvidenceRole;
import org.markproof.contracts.verdict.EvidenceSource;
import org.markproof.contracts.verdict.VerdictDocument;
import org.markproof.service.log.index.SignedCheckpoint;

/**
 * The evidence member of verdicts as canonical bytes and stored parts, kept for the checkpoint they
 * prove against: every scan of a batch against one checkpoint carries the same evidence (the
 * checkpoint, the entries, their inclusion proofs), so it is written, canonicalised and hashed once
 * rather than for every scan; and each part once, so that the evidence of a batch not seen before
 * writes only that batch's entry (the checkpoint's and the product's and mark's parts are kept).
 * Bounded: emptied when full, and entries of older checkpoints are simply no longer asked for.
 */
final class EvidenceCache {
  /** Distinct evidence kept; ~5 kB each. */
  static final int MAX = 1024;

  /**
   * Distinct parts kept (a checkpoint's note, or an entry in a role against a checkpoint); ~2 kB
   * each. A ledger of many batches asks for the same product's and mark's parts again and again,
   * and for each batch's own part rarely.
   */
  static final int MAX_PARTS = 4096;

  /**
   * The member's value as canonical bytes, and the same value in the parts it is stored as ({@link
   * StoredEvidence}), with their SHA-256s (their names) one after another.
   */
  record Evidence(byte[] canonical, List<byte[]> parts, byte[] partIds) {}

  private record Key(long size, String note, Map<EvidenceRole, EntryRef> relied) {}

  /** A part's canonical bytes and their SHA-256. */
  private record Part(byte[] bytes, byte[] id) {}

  /** The part of the checkpoint {@code note} (no role), or of an entry relied on against it. */
  private record PartKey(String note, EvidenceRole role, long index) {}

  private final Map<Key, Evidence> kept = new ConcurrentHashMap<>();
  private final Map<PartKey, Part> parts = new ConcurrentHashMap<>();

  /** How many are kept now. */
  int size() {
    return kept.size();
  }

  /** How many parts are kept now. */
  int parts() {
    return parts.size();
  }

  /** The evidence for {@code relied} against {@code checkpoint}, written from {@code source}. */
  Evidence get(
      Map<EvidenceRole, EntryRef> relied, SignedCheckpoint checkpoint, EvidenceSource source) {
    Key key = new Key(checkpoint.size(), checkpoint.note(), relied);
    Evidence found = kept.get(key);
    if (found != null) {
      return found;
    }
    String note = checkpoint.note();
    byte[] noteBytes = note.getBytes(StandardCharsets.UTF_8);
    List<Part> written = new ArrayList<>(1 + relied.size());
    written.add(
        part(new PartKey(note, null, -1), () -> CanonicalJson.bytes(TextNode.valueOf(note))));
    for (Map.Entry<EvidenceRole, EntryRef> e : relied.entrySet()) {
      EvidenceRole role = e.getKey();
      long index = e.getValue().index();
      written.add(
          part(
              new PartKey(note, role, index),
              () ->
                  CanonicalJson.bytes(
                      VerdictDocument.evidenceEntry(
                          role, index, source, noteBytes, checkpoint.size()))));
    }
    List<byte[]> bytes = new ArrayList<>(written.size());
    byte[] ids = new byte[written.size() * StoredEvidence.ID_LENGTH];
    for (int i = 0; i < written.size(); i++) {
      bytes.add(written.get(i).bytes());
      System.arraycopy(
          written.get(i).id(), 0, ids, i * StoredEvidence.ID_LENGTH, StoredEvidence.ID_LENGTH);
    }
    Evidence evidence = new Evidence(StoredEvidence.join(bytes), List.copyOf(bytes), ids);
    if (kept.size() >= MAX) {
      kept.clear();
    }
    kept.put(key, evidence);
    return evidence;
  }

  private Part part(PartKey key, Supplier<byte[]> canonical) {
    Part found = parts.get(key);
    if (found != null) {
      return found;
    }
    byte[] bytes = canonical.get();
    Part part = new Part(bytes, Sha256.hash(bytes));
    if (parts.size() >= MAX_PARTS) {
      parts.clear();
    }
    parts.put(key, part);
    return part;
  }
}
