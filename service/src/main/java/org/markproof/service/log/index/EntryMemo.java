package org.markproof.service.log.index;

import jakarta.inject.Singleton;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.markproof.contracts.crypto.VerifiedSignatures;
import org.markproof.contracts.entry.LogEntry;

/**
 * What this replica has already checked of the entries passing through it: the intake parses and
 * verifies a submission, and within a second or two the sequencer appends it and the state
 * projection replays it. Both take the parsed leaf and the verified signature from here instead of
 * parsing and verifying the same bytes again, which made up most of an append's CPU time.
 *
 * <p>Leaves are found by their RFC 9162 leaf hash, which commits to the leaf's exact bytes: a
 * caller holding stored bytes hashes them and gets the leaf parsed from those bytes, or nothing.
 * Both memories are bounded (the latest {@link #LEAVES} leaves; {@link #SIGNATURE_SLOTS}
 * signatures); what fell out is parsed or verified again, never trusted.
 */
@Singleton
public class EntryMemo {
  /** Signatures remembered, about 56 bytes each. */
  static final int SIGNATURE_SLOTS = 1 << 17;

  /** Parsed leaves remembered: several seconds of appends at the benchmark's rates. */
  static final int LEAVES = 8_192;

  private final VerifiedSignatures signatures;
  private final Map<ByteBuffer, LogEntry> leaves;

  public EntryMemo() {
    this(SIGNATURE_SLOTS, LEAVES);
  }

  /** A memo of {@code signatureSlots} (a power of two) signatures and {@code leaves} leaves. */
  public EntryMemo(int signatureSlots, int leaves) {
    this.signatures = new VerifiedSignatures(signatureSlots);
    this.leaves =
        new LinkedHashMap<>(leaves * 2, 0.75f, false) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<ByteBuffer, LogEntry> eldest) {
            return size() > leaves;
          }
        };
  }

  /** The signature memo every rule check on this replica goes through. */
  public VerifiedSignatures signatures() {
    return signatures;
  }

  /** Remembers a leaf this replica parsed and checked. */
  public void remember(LogEntry leaf) {
    ByteBuffer key = ByteBuffer.wrap(leaf.leafHash());
    synchronized (leaves) {
      leaves.put(key, leaf);
    }
  }

  /** The remembered leaf whose RFC 9162 leaf hash is {@code leafHash}, if any. */
  public Optional<LogEntry> leaf(byte[] leafHash) {
    ByteBuffer key = ByteBuffer.wrap(leafHash);
    synchronized (leaves) {
      return Optional.ofNullable(leaves.get(key));
    }
  }
}
