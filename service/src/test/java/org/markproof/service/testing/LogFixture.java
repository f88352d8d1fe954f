package org.markproof.service.testing;

import io.quarkus.arc.Arc;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.markproof.contracts.MalformedDataException;
import org.markproof.contracts.checkpoint.Checkpoint;
import org.markproof.contracts.crypto.Ed25519PrivateKey;
import org.markproof.contracts.entry.EntrySigner;
import org.markproof.contracts.entry.LogEntry;
import org.markproof.contracts.entry.ParticipantEnrolled;
import org.markproof.contracts.entry.ParticipantRole;
import org.markproof.contracts.entry.SignedEntry;
import org.markproof.contracts.note.Ed25519NoteSigner;
import org.markproof.contracts.note.SignedNote;
import org.markproof.service.intake.EntryIntake;
import org.markproof.service.intake.Sequenced;
import org.markproof.service.log.index.LedgerView;
import org.markproof.service.log.store.LogHead;
import org.markproof.service.log.store.LogStore;
import org.markproof.service.log.store.StoredCheckpoint;
import org.markproof.service.log.store.StoredEntry;

/**
 * Puts real data into the shared test log the way participants do: lawful signed {@code
 * participant.enrolled} entries through the intake and the sequencer, and checkpoints signed with
 * the log key. Other tests append too, so callers work with the indices and sizes returned, never
 * with absolute ones.
 */
public final class LogFixture {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Duration WAIT = Duration.ofSeconds(30);

  private LogFixture() {}

  /** What {@link #append} added: the first index and the leaves, in order. */
  public record Appended(long firstIndex, List<LogEntry> entries) {
    public long endIndex() {
      return firstIndex + entries.size();
    }
  }

  /** Returns {@code count} fresh signed entries, distinct from every other call's. */
  public static List<LogEntry> entries(int count) {
    Ed25519PrivateKey key = Ed25519PrivateKey.generate(RANDOM);
    String run = Long.toHexString(RANDOM.nextLong() & Long.MAX_VALUE);
    Instant now = Instant.now();
    List<LogEntry> entries = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      ParticipantEnrolled statement =
          new ParticipantEnrolled(
              "operator",
              "fixture-" + run + "-" + i,
              "Fixture participant " + i,
              new ParticipantRole.Operator(),
              key.publicKey());
      entries.add(LogEntry.of(now.plusMillis(i), EntrySigner.sign(statement, key)));
    }
    return entries;
  }

  /**
   * Appends {@code count} fresh, lawful entries (operator enrolments of new brand owners) through
   * the service's own intake and sequencer, and waits until a checkpoint covers them. Tests run one
   * at a time, so the entries land next to each other (in the order the sequencer chose); this
   * checks that they did.
   */
  public static Appended append(LogStore store, int count) {
    EntryIntake intake = Arc.container().instance(EntryIntake.class).get();
    LedgerView ledger = Arc.container().instance(LedgerView.class).get();
    LedgerFixture.ensureGenesis(intake, ledger);
    List<UUID> submissions = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      SignedEntry entry =
          LedgerFixture.enrol(LedgerFixture.freshId("fixture"), new ParticipantRole.BrandOwner());
      submissions.add(intake.submit(entry, null).await().atMost(WAIT).submission());
    }
    // The sequencer orders one batch's pending entries its own way, not necessarily in the order
    // they were submitted; what must hold is that ours fill one contiguous range.
    List<Long> indices = new ArrayList<>(count);
    for (UUID submission : submissions) {
      Sequenced sequenced = intake.awaitSequenced(submission, WAIT).await().atMost(WAIT.plus(WAIT));
      if (sequenced == null) {
        throw new IllegalStateException(
            "submission " + submission + " was not sequenced in " + WAIT);
      }
      indices.add(sequenced.index());
    }
    indices.sort(null);
    long first = indices.get(0);
    long last = indices.get(indices.size() - 1);
    if (last - first + 1 != count) {
      throw new IllegalStateException("fixture entries are not contiguous: " + indices);
    }
    List<LogEntry> entries = new ArrayList<>(count);
    for (StoredEntry stored : store.entries(first, last + 1).await().atMost(WAIT)) {
      try {
        entries.add(stored.parse());
      } catch (MalformedDataException e) {
        throw new IllegalStateException(e);
      }
    }
    return new Appended(first, entries);
  }

  /**
   * The note of the sequencer's checkpoint over the current head, waiting (bounded) for it to be
   * signed. The parameters name the key and origin a test verifies it with.
   */
  public static String checkpoint(LogStore store, Ed25519NoteSigner logKey, String origin) {
    LedgerView ledger = Arc.container().instance(LedgerView.class).get();
    Instant deadline = Instant.now().plus(WAIT);
    while (Instant.now().isBefore(deadline)) {
      // Ask for the next change before looking, so that a checkpoint signed in between wakes us.
      var change = ledger.nextChange();
      LogHead head = store.head().await().atMost(WAIT);
      StoredCheckpoint latest = store.latestCheckpoint().await().atMost(WAIT);
      if (latest != null && latest.size() == head.size()) {
        return latest.note();
      }
      change.await().atMost(Duration.between(Instant.now(), deadline).plusMillis(1));
    }
    throw new IllegalStateException("the sequencer signed no checkpoint at the head in " + WAIT);
  }

  /** The signed note of a checkpoint of {@code origin} at {@code size} with {@code root}. */
  public static String sign(Ed25519NoteSigner key, String origin, long size, byte[] root) {
    try {
      return SignedNote.sign(Checkpoint.of(origin, size, root).format(), List.of(key)).format();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  public static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
