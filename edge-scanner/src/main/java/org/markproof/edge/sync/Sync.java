package org.markproof.edge.sync;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.markproof.contracts.MalformedDataException;
import org.markproof.contracts.VerificationException;
import org.markproof.contracts.checkpoint.Checkpoint;
import org.markproof.contracts.merkle.MerkleHashes;
import org.markproof.contracts.merkle.ProofVerifier;
import org.markproof.contracts.merkle.RootMismatchException;
import org.markproof.edge.store.AdoptedCheckpoint;
import org.markproof.edge.store.EdgeStore;
import org.markproof.edge.store.Evidence;
import org.markproof.edge.store.SyncWriter;
import org.markproof.edge.store.TerritoryFilter;

/**
 * Brings an {@link EdgeStore} up to a newer checkpoint (docs/edge.md "Sync from a service", "The
 * bundle"): the checkpoint must open with the pinned keys; a smaller one is a rollback and one not
 * consistent with the adopted checkpoint a fork, both refused with evidence kept; the new entries,
 * hashed onto the stored tree, must give the checkpoint's root; replayed through the rules they
 * must be accepted. Only then are the entries, their subtree hashes and the checkpoint committed,
 * in one transaction. A store kept for some territories ({@link TerritoryFilter}) hashes, checks
 * and replays every new entry as well, but stores the bytes of the entries its filter keeps only.
 */
public final class Sync {
  private final EdgeStore store;
  private final CheckpointOpener opener;
  private final Clock clock;
  private final Optional<TerritoryFilter> territories;

  /** A sync that keeps what the store keeps: every entry, or its territory filter's. */
  public Sync(EdgeStore store, CheckpointOpener opener, Clock clock) {
    this(store, opener, clock, Optional.empty());
  }

  /**
   * A sync that keeps only the entries {@code territories} needs (docs/edge.md "Territory filter"):
   * the filter is remembered by the first sync into an empty store; a store that keeps every entry,
   * or another filter, refuses it.
   */
  public Sync(
      EdgeStore store,
      CheckpointOpener opener,
      Clock clock,
      Optional<TerritoryFilter> territories) {
    this.store = store;
    this.opener = opener;
    this.clock = clock;
    this.territories = territories;
  }

  /** What a sync did. */
  public enum Outcome {
    /** A larger checkpoint was verified and adopted. */
    ADOPTED,
    /** The checkpoint offered has the adopted size and root. */
    UP_TO_DATE
  }

  /**
   * The sizes before and after, how many of the new entries were stored (all, unless the store
   * keeps only {@code territories}'), and how long it took.
   */
  public record Result(
      Outcome outcome,
      long oldSize,
      long newSize,
      long entriesStored,
      Optional<TerritoryFilter> territories,
      Duration took) {
    public long entriesAdded() {
      return newSize - oldSize;
    }
  }

  /**
   * Syncs from {@code source}.
   *
   * @throws MisbehaviourException for a rollback, a fork or entries that break the rules (evidence
   *     stored)
   * @throws RootMismatchException if the entries do not hash to the checkpoint's root
   * @throws VerificationException if the checkpoint does not open or a proof is malformed
   * @throws MalformedDataException if the source is malformed or starts past the adopted size
   * @throws IOException if the source cannot be read or the store fails
   */
  public Result run(SyncSource source)
      throws IOException, MalformedDataException, VerificationException {
    long started = System.nanoTime();
    Optional<AdoptedCheckpoint> adopted = store.checkpoint();
    long oldSize = adopted.map(AdoptedCheckpoint::size).orElse(0L);
    Optional<TerritoryFilter> kept = store.territoryFilter();
    boolean newFilter = kept.isEmpty() && territories.isPresent();
    if (territories.isPresent() && !territories.equals(kept)) {
      refuseFilterChange(kept, oldSize > 0);
      kept = territories;
    }
    byte[] oldRoot = adopted.map(AdoptedCheckpoint::root).orElse(MerkleHashes.emptyRoot());
    byte[] noteBytes = source.checkpoint();
    CheckpointOpener.Opened opened = opener.open(noteBytes);
    Offer offer =
        new Offer(
            adopted,
            new String(noteBytes, StandardCharsets.UTF_8),
            opened.checkpoint().checkpoint());
    long size = offer.checkpoint.size();
    if (size < oldSize) {
      throw offer.refuse(
          Evidence.Kind.ROLLBACK,
          List.of(),
          "the log signed a checkpoint of size "
              + size
              + ", smaller than the adopted "
              + oldSize
              + " ("
              + source.describe()
              + ")");
    }
    if (size == oldSize) {
      if (!MessageDigest.isEqual(oldRoot, offer.checkpoint.rootHash())) {
        throw offer.refuse(
            Evidence.Kind.FORK,
            List.of(),
            "the log signed two roots for size " + size + " (" + source.describe() + ")");
      }
      try (SyncWriter writer = store.beginSync()) {
        writer.adopt(offer.note, size, oldRoot, clock.instant(), opened.signedAt());
        if (newFilter) {
          writer.keepTerritories(kept.get());
        }
        writer.commit();
      }
      return new Result(Outcome.UP_TO_DATE, oldSize, size, 0, kept, since(started));
    }
    requireConsistent(source, offer, oldSize, oldRoot);
    NewEntries fresh = new NewEntries(store, source.entriesStart(oldSize), oldSize, kept);
    Evidence.Kind refusal = null;
    try (SyncWriter writer = store.beginSync()) {
      fresh.writer = writer;
      try {
        source.entries(fresh.next, size, fresh::accept);
      } catch (IOException | MalformedDataException | VerificationException | RuntimeException e) {
        fresh.abandon();
        throw e;
      }
      if (fresh.next != size) {
        fresh.abandon();
        throw new MalformedDataException(
            source.describe() + ": entries end at " + fresh.next + ", expected " + size);
      }
      fresh.finish();
      byte[] root = fresh.range.root();
      if (!MessageDigest.isEqual(root, offer.checkpoint.rootHash())) {
        throw new RootMismatchException(
            "entries " + oldSize + " to " + (size - 1) + " from " + source.describe(),
            offer.checkpoint.rootHash(),
            root);
      }
      if (fresh.divergence != null) {
        refusal = Evidence.Kind.FORK;
      } else if (fresh.violation != null) {
        refusal = Evidence.Kind.INVALID_ENTRY;
      } else {
        writer.adopt(offer.note, size, root, clock.instant(), opened.signedAt());
        if (newFilter) {
          writer.keepTerritories(kept.get());
        }
        writer.commit();
      }
    }
    if (refusal == Evidence.Kind.FORK) {
      throw offer.refuse(refusal, List.of(), fresh.divergence);
    }
    if (refusal != null) {
      throw offer.refuse(refusal, List.of(), fresh.violation);
    }
    return new Result(Outcome.ADOPTED, oldSize, size, fresh.stored, kept, since(started));
  }

  /**
   * Refuses to give the store another territory filter than {@code kept}: entries it dropped cannot
   * be brought back, and entries it kept would not be dropped. Only a store that holds no entry yet
   * may take its first filter.
   */
  private void refuseFilterChange(Optional<TerritoryFilter> kept, boolean holdsEntries)
      throws MalformedDataException {
    if (kept.isPresent()) {
      throw new MalformedDataException(
          store.file()
              + " keeps only the entries for "
              + kept.get().text()
              + ", not "
              + territories.get().text()
              + ": a store's territories are fixed by its first sync; sync into a new store"
              + " (--store FILE) for others");
    }
    if (holdsEntries) {
      throw new MalformedDataException(
          store.file()
              + " keeps every entry (its first sync had no --territory): a store's territories"
              + " are fixed by its first sync; sync into a new store (--store FILE) to keep only"
              + " those of "
              + territories.get().text());
    }
  }

  /** Checks the source's consistency proof against the stored tree; a failure is a fork. */
  private void requireConsistent(SyncSource source, Offer offer, long oldSize, byte[] oldRoot)
      throws IOException, MalformedDataException, VerificationException {
    long from = source.proofStart(oldSize);
    if (from > oldSize) {
      throw new MalformedDataException(
          source.describe()
              + " starts at size "
              + from
              + " but the store holds "
              + oldSize
              + " entries: export the bundle with --since "
              + oldSize
              + " or less");
    }
    long size = offer.checkpoint.size();
    List<byte[]> proof = from == 0 ? List.of() : source.consistencyProof(from, size);
    byte[] fromRoot = from == oldSize ? oldRoot : store.rangeAt(from).root();
    try {
      ProofVerifier.verifyConsistency(from, size, proof, fromRoot, offer.checkpoint.rootHash());
    } catch (RootMismatchException e) {
      throw offer.refuse(
          Evidence.Kind.FORK,
          proof,
          "the consistency proof from "
              + from
              + " to "
              + size
              + " ("
              + source.describe()
              + ") does not lead to the adopted tree: "
              + e.getMessage());
    }
  }

  /** The checkpoint offered, and how to refuse it with evidence. */
  private final class Offer {
    final Optional<AdoptedCheckpoint> adopted;
    final String note;
    final Checkpoint checkpoint;

    Offer(Optional<AdoptedCheckpoint> adopted, String note, Checkpoint checkpoint) {
      this.adopted = adopted;
      this.note = note;
      this.checkpoint = checkpoint;
    }

    MisbehaviourException refuse(Evidence.Kind kind, List<byte[]> proof, String detail)
        throws IOException {
      Instant now = clock.instant();
      Optional<String> oldNote = adopted.map(AdoptedCheckpoint::note);
      long id = store.evidence().record(kind, oldNote, note, proof, detail, now);
      return new MisbehaviourException(
          new Evidence(id, kind, oldNote, note, proof, detail, now, false));
    }
  }

  private static Duration since(long startedNanos) {
    return Duration.ofNanos(System.nanoTime() - startedNanos);
  }
}
