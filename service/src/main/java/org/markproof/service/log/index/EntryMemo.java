package org.markproof.service.log.index;

import jakarta.inject.Singleton;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;
import org.markproof.contracts.MalformedDataException;
import org.markproof.contracts.crypto.VerifiedSignatures;
import org.markproof.contracts.entry.LogEntry;
import org.markproof.contracts.entry.SignedEntry;
import org.markproof.contracts.merkle.MerkleHashes;
import org.markproof.contracts.rules.LedgerState;
import org.markproof.contracts.rules.Rules;

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

  /** Fewest signatures a verification ahead batches together (below, one batch). */
  private static final int MIN_BATCH = 64;

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

  /**
   * Parses a page of stored leaves (or finds them remembered) and verifies their signatures on the
   * common pool's threads, in batches ({@link Rules#verifyAhead(LedgerState, List,
   * VerifiedSignatures)}), with the keys of {@code known} (the state before the page), into {@link
   * #signatures()}: a replay of the whole log (an index or a projection starting up) is otherwise
   * one thread verifying one signature after another. Decides nothing: a leaf that does not parse
   * is null here, for the caller to parse again and refuse in line; the rules still verify what was
   * not verified ahead.
   */
  public LogEntry[] parseAhead(List<byte[]> leaves, LedgerState known) {
    LogEntry[] parsed = new LogEntry[leaves.size()];
    boolean[] fresh = new boolean[parsed.length];
    IntStream.range(0, parsed.length)
        .parallel()
        .forEach(
            i -> {
              try {
                byte[] bytes = leaves.get(i);
                LogEntry remembered = leaf(MerkleHashes.leafHash(bytes)).orElse(null);
                if (remembered != null) {
                  parsed[i] = remembered;
                } else {
                  parsed[i] = LogEntry.parse(bytes);
                  fresh[i] = true;
                }
              } catch (MalformedDataException e) {
                // Refused in line.
              }
            });
    List<SignedEntry> toVerify = new ArrayList<>(parsed.length);
    for (int i = 0; i < parsed.length; i++) {
      if (fresh[i]) {
        toVerify.add(parsed[i].entry());
      }
    }
    // One batch per thread of the pool (and the caller's), each big enough to be worth batching.
    int slices =
        Math.max(
            1, Math.min(ForkJoinPool.getCommonPoolParallelism() + 1, toVerify.size() / MIN_BATCH));
    int per = (toVerify.size() + slices - 1) / slices;
    IntStream.range(0, slices)
        .parallel()
        .forEach(
            s ->
                Rules.verifyAhead(
                    known,
                    toVerify.subList(
                        Math.min(toVerify.size(), s * per),
                        Math.min(toVerify.size(), (s + 1) * per)),
                    signatures));
    return parsed;
  }

  /** The remembered leaf whose RFC 9162 leaf hash is {@code leafHash}, if any. */
  public Optional<LogEntry> leaf(byte[] leafHash) {
    ByteBuffer key = ByteBuffer.wrap(leafHash);
    synchronized (leaves) {
      return Optional.ofNullable(leaves.get(key));
    }
  }
}
