package org.markproof.edge.scan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.markproof.contracts.entry.OfficeCode;
import org.markproof.contracts.label.Gs1Fields;
import org.markproof.contracts.note.Ed25519NoteSigner;
import org.markproof.contracts.rules.LedgerState;
import org.markproof.contracts.verdict.CloneDetector;
import org.markproof.contracts.verdict.ClonePolicy;
import org.markproof.contracts.verdict.Judge;
import org.markproof.contracts.verdict.Judgement;
import org.markproof.contracts.verdict.ScanContext;
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

/**
 * Gives the service's verdict offline (docs/edge.md "Offline verdicts"): judges a scan with
 * contracts' {@link Judge} against the state the adopted checkpoint commits to, checks the serial
 * against the post's own sightings with {@link CloneDetector}, turns the verdict {@code STALE} when
 * the cache is older than the limit, writes the document with inclusion proofs from the store
 * against the adopted checkpoint, signs it with the post's verdict key, and queues the scan for
 * upload — all in one SQLite transaction, so a verdict returned is a scan queued durably.
 *
 * <p>The cache's age is measured from the later of the wall clock and the store's high-water mark
 * ({@link EdgeStore#observeClock}): setting the clock back does not make the cache younger. Not
 * thread-safe, like the store; callers serialise.
 */
public final class OfflineScanner {
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
  private long stateSize = -1;
  private LedgerState state;

  /**
   * @param maxAge the age past which verdicts are {@code STALE}
   * @param scanIds where new client scan ids come from (random UUIDs in use)
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
   * @param document the signed verdict document
   * @param json the document as printed: compact JSON
   * @param clock the clock reading the verdict was given at
   * @param checkpointAge the age of the adopted checkpoint at that time
   */
  public record Verdict(
      String scanId,
      VerdictCode verdict,
      ObjectNode document,
      String json,
      ClockReading clock,
      Duration checkpointAge) {}

  /**
   * Judges {@code input} scanned at {@code post} now, by {@code wallClock}, and queues it.
   *
   * @throws EdgeStoreException if nothing is adopted yet, or the store cannot be read or written
   */
  public Verdict scan(PostProfile post, ScanInput input, Instant wallClock)
      throws EdgeStoreException {
    return store.transaction(() -> judgeAndQueue(post, input, wallClock));
  }

  private Verdict judgeAndQueue(PostProfile post, ScanInput input, Instant wallClock)
      throws EdgeStoreException {
    AdoptedCheckpoint adopted =
        store
            .checkpoint()
            .orElseThrow(
                () ->
                    new EdgeStoreException(
                        store.file()
                            + ": no checkpoint adopted, nothing to judge against;"
                            + " run 'edge-scanner sync' first"));
    ClockReading clock = store.observeClock(wallClock);
    // Milliseconds: what the store keeps of a sighting's time, so the document and the store agree.
    Instant now = clock.effective().truncatedTo(ChronoUnit.MILLIS);
    ScanFacts facts =
        new ScanFacts(
            scanIds.get(),
            post.postId(),
            post.lat(),
            post.lon(),
            now,
            input.code(),
            input.symbology());
    Judgement judgement = Judge.judge(state(adopted.size()), input.parsed(), context(post));
    Optional<Gs1Fields> serialised =
        judgement.item().filter(f -> f.batch().isPresent() && f.serial().isPresent());
    boolean sighting = serialised.isPresent() && judgement.verdict() == VerdictCode.GENUINE;
    if (sighting) {
      judgement =
          judgement.withClones(
              CloneDetector.check(policy, facts.sighting(), others(serialised.get(), now)));
    }
    Duration age = Duration.between(adopted.currentAsOf(), now);
    if (age.isNegative()) {
      age = Duration.ZERO;
    }
    Optional<VerdictCode> wouldBe = Optional.empty();
    if (age.compareTo(maxAge) > 0) {
      wouldBe = Optional.of(judgement.verdict());
      judgement = judgement.stale();
    }
    ObjectNode document;
    try {
      document =
          VerdictDocument.write(
              judgement,
              facts,
              new VerdictDocument.Circumstances(now, true, Optional.of(age.getSeconds()), wouldBe),
              new StoreEvidence(store),
              adopted.note().getBytes(StandardCharsets.UTF_8),
              adopted.size());
    } catch (UncheckedIOException e) {
      throw (EdgeStoreException) e.getCause();
    }
    VerdictSignature.sign(document, verdictKey);
    String json = text(document);
    if (sighting) {
      Gs1Fields f = serialised.get();
      store
          .sightings()
          .record(
              new org.markproof.edge.store.Sighting(
                  facts.scanId(),
                  f.gtin().digits(),
                  f.batch().get(),
                  f.serial().get(),
                  facts.postId(),
                  facts.lat(),
                  facts.lon(),
                  now));
    }
    store.scanQueue().enqueue(facts.scanId(), text(uploadItem(facts, document)), now);
    return new Verdict(facts.scanId(), judgement.verdict(), document, json, clock, age);
  }

  /** The scan as {@code POST /v1/edge/scans} takes it (docs/edge.md "Uploads"). */
  static ObjectNode uploadItem(ScanFacts facts, ObjectNode document) {
    ObjectNode scan = JSON.createObjectNode();
    scan.put("scanId", facts.scanId());
    scan.put("code", facts.code());
    facts.symbology().ifPresent(s -> scan.put("symbology", s));
    scan.put("lat", facts.lat());
    scan.put("lon", facts.lon());
    scan.put("scannedAt", facts.scannedAt().toString());
    scan.set("verdict", document);
    return scan;
  }

  /**
   * The serial's other sightings at this post that the service would still hold in memory: the
   * latest {@value #MAX_SIGHTINGS} within the clone horizon either side of the scan.
   */
  private List<Sighting> others(Gs1Fields item, Instant now) throws EdgeStoreException {
    Duration horizon = policy.window().compareTo(MIN_HORIZON) > 0 ? policy.window() : MIN_HORIZON;
    List<Sighting> out = new ArrayList<>();
    for (org.markproof.edge.store.Sighting s :
        store
            .sightings()
            .between(
                item.gtin().digits(),
                item.batch().get(),
                item.serial().get(),
                now.minus(horizon),
                now.plus(horizon),
                MAX_SIGHTINGS)) {
      out.add(new Sighting(s.scanId(), s.post(), s.lat(), s.lon(), s.scannedAt()));
    }
    return out;
  }

  /** The state of the first {@code size} entries, replayed once per adopted size. */
  private LedgerState state(long size) throws EdgeStoreException {
    if (state == null || stateSize != size) {
      state = store.replayState();
      stateSize = size;
    }
    return state;
  }

  private static ScanContext context(PostProfile post) {
    return post.territory().isEmpty()
        ? ScanContext.anywhere()
        : new ScanContext(Optional.of(OfficeCode.of(post.territory().get())));
  }

  private static String text(ObjectNode node) {
    try {
      return JSON.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a verdict document", e);
    }
  }
}
