package org.markproof.service.testing;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.markproof.contracts.checkpoint.Checkpoint;
import org.markproof.contracts.crypto.Ed25519PrivateKey;
import org.markproof.contracts.entry.EntrySigner;
import org.markproof.contracts.entry.LogEntry;
import org.markproof.contracts.entry.ParticipantEnrolled;
import org.markproof.contracts.entry.ParticipantRole;
import org.markproof.contracts.note.Ed25519NoteSigner;
import org.markproof.contracts.note.SignedNote;
import org.markproof.service.log.store.HeadMovedException;
import org.markproof.service.log.store.LogHead;
import org.markproof.service.log.store.LogStore;
import org.markproof.service.log.store.StoredCheckpoint;

/**
 * Puts real data into the shared test log through {@link LogStore}, as the sequencer would: signed
 * {@code participant.enrolled} entries appended with the head's compare-and-swap, and checkpoints
 * signed with the log key. Other tests append too, so callers work with the indices and sizes
 * returned, never with absolute ones.
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

  /** Appends {@code count} fresh entries at the end of the log, retrying if the head moves. */
  public static Appended append(LogStore store, int count) {
    List<LogEntry> entries = entries(count);
    for (int attempt = 0; attempt < 20; attempt++) {
      LogHead head = store.head().await().atMost(WAIT);
      try {
        store.append(head, entries).await().atMost(WAIT);
        return new Appended(head.size(), entries);
      } catch (HeadMovedException e) {
        // Another writer appended first: read the new head and try again.
      }
    }
    throw new IllegalStateException("the head kept moving; could not append");
  }

  /** Signs and stores a checkpoint of the current head; returns its note. */
  public static String checkpoint(LogStore store, Ed25519NoteSigner logKey, String origin) {
    LogHead head = store.head().await().atMost(WAIT);
    String note = sign(logKey, origin, head.size(), head.root());
    store
        .storeCheckpoint(new StoredCheckpoint(head.size(), head.root(), note, Instant.now()))
        .await()
        .atMost(WAIT);
    return note;
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
