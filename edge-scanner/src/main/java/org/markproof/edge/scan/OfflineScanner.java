package org.markproof.edge.scan;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.markproof.contracts.label.Gs1Fields;
import org.markproof.contracts.note.Ed25519NoteSigner;
import org.markproof.contracts.rules.LedgerState;
import org.markproof.contracts.rules.ParticipantRecord;
import org.markproof.contracts.verdict.CloneDetector;
import org.markproof.contracts.verdict.ClonePolicy;
import org.markproof.contracts.verdict.Judge;
import org.markproof.contracts.verdict.Judgement;
import org.markproof.contracts.verdict.ScanFacts;
import org.markproof.contracts.verdict.Sighting;
import org.markproof.contracts.verdict.VerdictCode;
import org.markproof.contracts.verdict.VerdictDocument;
import org.markproof.contracts.verdict.VerdictSignature;
import org.markproof.edge.store.AdoptedCheckpoint;
import org.markproof.edge.store.ClockReading;
import org.markproof.edge.store.EdgeStore;
import org.markproof.edge.store.EdgeStoreException;
import org.markproof.edge.store.PostProfile;
import org.markproof.edge.store.RecordedScan;
import org.markproof.edge.store.StoreReader;
import org.markproof.edge.store.TerritoryFilter;

/**
 * Gives the service's verdict offline (docs/edge.md "Offline verdicts"): judges a scan with
 * contracts' {@link Judge} against the state the adopted checkpoint commits to (through {@link
 * TerritoryJudge}, for a store kept for some territories), checks the serial against the post's own
 * sightings with {@link CloneDetector}, turns the verdict {@code STALE} when the cache is older
 * than the limit, writes the document with inclusion proofs from the store against the adopted
 * checkpoint, signs it with the post's verdict key, and queues the scan for upload: a verdict
 * returned is a scan queued durably.
 *
 * <p>Thread-safe: scans are judged concurrently on a {@link VerifiedView} in memory (replaced when
 * a sync adopts another checkpoint, which each scan checks with one read), each thread reading what
 * is not in memory with its own {@link StoreReader}; their queue rows and sightings are committed
 * in groups ({@link GroupCommit}), each scan returning after the commit that holds it. Clone checks
 * see every sighting judged before, committed or not ({@link PostSightings}).
 *
 * <p>The cache's age is measured from the later of the wall clock and the store's high-water mark
 * ({@link EdgeStore#observeClock}): setting the clock back does not make the cache younger.
 */
public final class OfflineScanner implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** How far from a scan's time the service keeps sightings in memory: a day, or the window. */
  private static final Duration MIN_HORIZON = Duration.ofHours(24);

  /** The most sightings of one serial the service keeps in memory, the latest. */
  private static final int MAX_SIGHTINGS = 64;

  private final EdgeStore store;
  private final Ed25519NoteSigner verdictKey;
  private final ClonePolicy policy;
  private final Duration maxAge;
  private final Supplier<String> scanIds;
  private final PostSightings sightings = new PostSightings(MAX_SIGHTINGS);
  private final GroupCommit commits;
  private final List<StoreReader> openReaders = new ArrayList<>();
  private final ThreadLocal<StoreReader> readers = new ThreadLocal<>();
  private final AtomicLong highWater = new AtomicLong(-1);
  private volatile VerifiedView view;

  /**
   * @param maxAge the age past which verdicts are {@code STALE}
   * @param scanIds where new client scan ids come from (random UUIDs in use); called concurrently
   */
  public OfflineScanner(
      EdgeStore store,
      Ed25519NoteSigner verdictKey,
      ClonePolicy policy,
      Duration maxAge,
      Supplier<String> scanIds) {
    this.store = store;
    this.verdictKey = verdictKey;
    this.policy = policy;
    this.maxAge = maxAge;
    this.scanIds = scanIds;
    this.commits = new GroupCommit(store, new Commits());
  }

  /** A scanner with the default clone policy and random UUID scan ids. */
  public static OfflineScanner of(EdgeStore store, Ed25519NoteSigner verdictKey, Duration maxAge) {
    return new OfflineScanner(
        store, verdictKey, ClonePolicy.DEFAULT, maxAge, () -> UUID.randomUUID().toString());
  }

  /**
   * One offline verdict, queued.
   *
   * @param scanId the client scan id the upload will send
   * @param verdict the verdict code given ({@code STALE} past the limit)
   * @param document the signed verdict document's members but {@code evidence} (which only {@code
   *     utf8} carries: it is written once per checkpoint and batch, not per scan)
   * @param utf8 the document as printed and answered: compact JSON in UTF-8. Kept as bytes: the
   *     checkpoint note's signature line makes the text non-Latin-1, and a Java string of it would
   *     be widened to two bytes a character and narrowed again for every write
   * @param clock the clock reading the verdict was given at
   * @param checkpointAge the age of the adopted checkpoint at that time
   * @param recording whether the scan is queued durably yet
   */
  public record Verdict(
      String scanId,
      VerdictCode verdict,
      ObjectNode document,
      byte[] utf8,
      ClockReading clock,
      Duration checkpointAge,
      Recording recording) {
    /** The document as printed: compact JSON. */
    public String json() {
      return new String(utf8, StandardCharsets.UTF_8);
    }

    Verdict withRecording(Recording other) {
      return new Verdict(scanId, verdict, document, utf8, clock, checkpointAge, other);
    }
  }

  /** Whether a scan's queue row is on disk yet, and a way to wait until it is. */
  public interface Recording {
    /** A scan already queued durably. */
    Recording DURABLE =
        new Recording() {
          @Override
          public boolean durable() {
            return true;
          }

          @Override
          public void awaitDurable() {}
        };

    /** Whether the scan's queue row is committed durably. */
    boolean durable();

    /**
     * Returns once the scan's queue row is committed durably.
     *
     * @throws EdgeStoreException if it could not be written
     */
    void awaitDurable() throws EdgeStoreException;
  }

  /**
   * Judges {@code input} scanned at {@code post} now, by {@code wallClock}, and queues it durably.
   *
   * @throws EdgeStoreException if nothing is adopted yet, or the store cannot be read or written
   */
  public Verdict scan(PostProfile post, ScanInput input, Instant wallClock)
      throws EdgeStoreException {
    return scan(post, input, ClientFacts.none(), wallClock);
  }

  /**
   * Judges {@code input} scanned at {@code post} as {@link #scan(PostProfile, ScanInput, Instant)}
   * does, with the scan id, position and scan time the handheld gave ({@code given}) where it gave
   * them: the scan's time and position are what the clone check and the upload use, as on the
   * service; the verdict's judging time and the cache's age are still the post's clock.
   */
  public Verdict scan(PostProfile post, ScanInput input, ClientFacts given, Instant wallClock)
      throws EdgeStoreException {
    return scan(post, input, given, wallClock, true);
  }

  /**
   * Judges {@code input} as {@link #scan(PostProfile, ScanInput, ClientFacts, Instant)} does; with
   * {@code durable} false, returns the verdict without waiting for the scan's commit (the service's
   * {@code ?durable=false}): the scan is committed in the next group by a thread of the scanner's
   * own, and {@link Verdict#recording} tells when. {@link #close} commits every scan so answered
   * before it returns; a killed process loses those not yet committed.
   */
  public Verdict scan(
      PostProfile post, ScanInput input, ClientFacts given, Instant wallClock, boolean durable)
      throws EdgeStoreException {
    GroupCommit.Ticket ticket;
    Verdict verdict;
    commits.startJudging(); // the next group waits a little for this scan
    try {
      Queued queued = judgeAndQueue(post, input, given, wallClock);
      ticket = queued.ticket();
      verdict = queued.verdict();
    } finally {
      commits.stopJudging();
    }
    if (durable) {
      commits.await(ticket);
      return verdict;
    }
    commits.later(ticket);
    GroupCommit.Ticket queued = ticket;
    return verdict.withRecording(
        new Recording() {
          @Override
          public boolean durable() {
            return queued.durable();
          }

          @Override
          public void awaitDurable() throws EdgeStoreException {
            commits.await(queued);
          }
        });
  }

  /** A scan judged and waiting for its group's commit. */
  private record Queued(GroupCommit.Ticket ticket, Verdict verdict) {}

  private Queued judgeAndQueue(
      PostProfile post, ScanInput input, ClientFacts given, Instant wallClock)
      throws EdgeStoreException {
    StoreReader reader = reader();
    VerifiedView current = view(reader);
    ClockReading clock = observeClock(reader, wallClock, current.adopted);
    // Milliseconds: what the store keeps of a sighting's time, so the document and the store agree.
    Instant now = clock.effective().truncatedTo(ChronoUnit.MILLIS);
    ScanFacts facts =
        new ScanFacts(
            given.scanId().orElseGet(scanIds),
            post.postId(),
            given.lat().orElse(post.lat()),
            given.lon().orElse(post.lon()),
            given.scannedAt().orElse(now),
            input.code(),
            input.symbology());
    Judgement judgement =
        TerritoryJudge.judge(current.state, input.parsed(), post, current.territories);
    Optional<Gs1Fields> serialised =
        judgement.item().filter(f -> f.batch().isPresent() && f.serial().isPresent());
    GroupCommit.Ticket ticket;
    Verdict verdict;
    if (serialised.isPresent() && judgement.verdict() == VerdictCode.GENUINE) {
      Gs1Fields f = serialised.get();
      org.markproof.edge.store.Sighting own =
          new org.markproof.edge.store.Sighting(
              facts.scanId(),
              f.gtin().digits(),
              f.batch().get(),
              f.serial().get(),
              facts.postId(),
              facts.lat(),
              facts.lon(),
              facts.scannedAt().truncatedTo(ChronoUnit.MILLIS));
      Duration horizon = policy.window().compareTo(MIN_HORIZON) > 0 ? policy.window() : MIN_HORIZON;
      // Held from the check until the scan is queued: a concurrent scan of the item sees this one.
      try (PostSightings.Held item =
          sightings.hold(
              PostSightings.Key.of(own),
              reader,
              own.scannedAt().minus(horizon),
              own.scannedAt().plus(horizon))) {
        List<Sighting> others = new ArrayList<>();
        for (org.markproof.edge.store.Sighting s :
            item.between(own.scannedAt().minus(horizon), own.scannedAt().plus(horizon))) {
          others.add(new Sighting(s.scanId(), s.post(), s.lat(), s.lon(), s.scannedAt()));
        }
        Signed signed =
            document(
                current,
                reader,
                judgement.withClones(CloneDetector.check(policy, facts.sighting(), others)),
                facts,
                now,
                clock);
        verdict = signed.verdict();
        ticket =
            commits.submit(
                queued(facts, signed, now, Optional.of(own)), wallClock, item.pendingCommits());
        item.add(own, ticket);
      }
    } else {
      Signed signed = document(current, reader, judgement, facts, now, clock);
      verdict = signed.verdict();
      ticket = commits.submit(queued(facts, signed, now, Optional.empty()), wallClock, List.of());
    }
    return new Queued(ticket, verdict);
  }

  /** A verdict and where its evidence member stands in its text. */
  private record Signed(Verdict verdict, int evidenceStart, int evidenceEnd) {}

  private Signed document(
      VerifiedView current,
      StoreReader reader,
      Judgement judgement,
      ScanFacts facts,
      Instant now,
      ClockReading clock)
      throws EdgeStoreException {
    Duration age = Duration.between(current.adopted.currentAsOf(), now);
    if (age.isNegative()) {
      age = Duration.ZERO;
    }
    Optional<VerdictCode> wouldBe = Optional.empty();
    if (age.compareTo(maxAge) > 0) {
      wouldBe = Optional.of(judgement.verdict());
      judgement = judgement.stale();
    }
    byte[] evidence;
    try {
      evidence = current.canonicalEvidence(judgement.evidence(), reader);
    } catch (UncheckedIOException e) {
      throw (EdgeStoreException) e.getCause();
    }
    ObjectNode document =
        VerdictDocument.withoutEvidence(
            judgement,
            facts,
            new VerdictDocument.Circumstances(now, true, Optional.of(age.getSeconds()), wouldBe));
    // The same text, byte for byte, as signing the whole tree with its evidence member.
    VerdictSignature.Signed signed = VerdictSignature.signed(document, evidence, verdictKey);
    // DURABLE: the caller returns it only after the scan's commit, or replaces it.
    return new Signed(
        new Verdict(
            facts.scanId(),
            judgement.verdict(),
            document,
            signed.text(),
            clock,
            age,
            Recording.DURABLE),
        signed.evidenceStart(),
        signed.evidenceEnd());
  }

  private static RecordedScan queued(
      ScanFacts facts,
      Signed signed,
      Instant judgedAt,
      Optional<org.markproof.edge.store.Sighting> sighting) {
    byte[] verdict = signed.verdict().utf8();
    byte[] item = uploadItem(facts, verdict);
    // The verdict is the item's last member: it starts this many bytes into the item.
    int at = item.length - 1 - verdict.length;
    Optional<RecordedScan.EvidenceSpan> evidence =
        signed.evidenceStart() < 0
            ? Optional.empty()
            : Optional.of(
                new RecordedScan.EvidenceSpan(
                    at + signed.evidenceStart(), at + signed.evidenceEnd()));
    return new RecordedScan(facts.scanId(), item, judgedAt, sighting, evidence);
  }

  /**
   * The scan as {@code POST /v1/edge/scans} takes it (docs/edge.md "Uploads"), in UTF-8, with the
   * verdict document's JSON {@code verdictJson} as it is, not written a second time, and last.
   */
  static byte[] uploadItem(ScanFacts facts, byte[] verdictJson) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(verdictJson.length + 512);
    // The generator writes the members before the verdict and the colon after its name; the
    // verdict's bytes and the closing brace are appended as they are.
    try (JsonGenerator g =
        JSON.getFactory()
            .createGenerator(out)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_JSON_CONTENT)) {
      g.writeStartObject();
      g.writeStringField("scanId", facts.scanId());
      g.writeStringField("code", facts.code());
      if (facts.symbology().isPresent()) {
        g.writeStringField("symbology", facts.symbology().get());
      }
      g.writeNumberField("lat", facts.lat());
      g.writeNumberField("lon", facts.lon());
      g.writeStringField("scannedAt", facts.scannedAt().toString());
      g.writeFieldName("verdict");
      g.writeRawValue("");
      g.flush();
      out.write(verdictJson);
      out.write('}');
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write a queued scan", e);
    }
    return out.toByteArray();
  }

  /**
   * The participant {@code id} in the state the adopted checkpoint commits to: who a token's
   * subject is at this post, as the service looks it up in its own state.
   *
   * @throws EdgeStoreException if nothing is adopted yet, or the store cannot be read
   */
  public Optional<ParticipantRecord> participant(String id) throws EdgeStoreException {
    return view(reader()).state.participant(id);
  }

  /**
   * The view of the adopted checkpoint: the one in memory if the store still has it adopted (one
   * read), else a new one (the ledger state replayed from the store once per adopted size).
   */
  private VerifiedView view(StoreReader reader) throws EdgeStoreException {
    AdoptedCheckpoint adopted =
        reader
            .checkpoint()
            .orElseThrow(
                () ->
                    new EdgeStoreException(
                        store.file()
                            + ": no checkpoint adopted, nothing to judge against;"
                            + " run 'edge-scanner sync' first"));
    VerifiedView known = view;
    if (known != null && known.sameAdoption(adopted)) {
      return known;
    }
    synchronized (this) {
      known = view;
      if (known == null || !known.sameAdoption(adopted)) {
        LedgerState state;
        Optional<TerritoryFilter> territories;
        if (known != null && known.adopted.size() == adopted.size()) {
          state = known.state;
          territories = known.territories;
        } else {
          synchronized (store) {
            territories = store.territoryFilter();
            state = store.replayState(adopted.size());
          }
        }
        known = new VerifiedView(adopted, state, territories);
        view = known;
      }
      return known;
    }
  }

  /**
   * Reads the clock as {@link EdgeStore#observeClock} does, with the high-water mark kept in memory
   * (read from the store once, and again when another process wrote to it) and raised at once; the
   * store's copy is raised with each group commit.
   */
  private ClockReading observeClock(
      StoreReader reader, Instant wallClock, AdoptedCheckpoint adopted) throws EdgeStoreException {
    if (highWater.get() < 0) {
      long stored = reader.clockHighWaterMillis();
      highWater.accumulateAndGet(stored, Math::max);
    }
    long mark = highWater.getAndAccumulate(wallClock.toEpochMilli(), Math::max);
    mark = Math.max(mark, adopted.lastSyncAt().toEpochMilli());
    mark = Math.max(mark, adopted.adoptedAt().toEpochMilli());
    return new ClockReading(wallClock, Instant.ofEpochMilli(mark));
  }

  private StoreReader reader() throws EdgeStoreException {
    StoreReader reader = readers.get();
    if (reader == null) {
      reader = store.openReader();
      synchronized (openReaders) {
        openReaders.add(reader);
      }
      readers.set(reader);
    }
    return reader;
  }

  /** What a group commit means for the sightings and the clock in memory. */
  private final class Commits implements GroupCommit.Listener {
    @Override
    public void committed(GroupCommit.Ticket ticket) {
      ticket.scan.sighting().ifPresent(sightings::committed);
    }

    @Override
    public void failed(GroupCommit.Ticket ticket) {
      ticket.scan.sighting().ifPresent(sightings::abandoned);
    }

    @Override
    public void writtenElsewhere() throws EdgeStoreException {
      sightings.forgetStored();
      long stored;
      synchronized (store) {
        stored = store.observeClock(Instant.EPOCH).highWater().toEpochMilli();
      }
      highWater.accumulateAndGet(stored, Math::max);
    }
  }

  /**
   * Closes the readers this scanner opened and stops copying the store's log back in the
   * background; the store stays open.
   */
  @Override
  public void close() throws EdgeStoreException {
    try {
      commits.close();
    } finally {
      synchronized (openReaders) {
        for (StoreReader reader : openReaders) {
          reader.close();
        }
        openReaders.clear();
      }
    }
  }
}
