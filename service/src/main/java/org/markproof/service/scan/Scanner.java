package org.markproof.service.scan;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.jboss.logging.Logger;
import org.markproof.contracts.crypto.Sha256;
import org.markproof.contracts.entry.OfficeCode;
import org.markproof.contracts.label.Gs1Fields;
import org.markproof.contracts.label.ScannedCode;
import org.markproof.contracts.rules.LedgerState;
import org.markproof.contracts.verdict.ClonePolicy;
import org.markproof.contracts.verdict.EvidenceSource;
import org.markproof.contracts.verdict.Judge;
import org.markproof.contracts.verdict.Judgement;
import org.markproof.contracts.verdict.ScanContext;
import org.markproof.contracts.verdict.ScanFacts;
import org.markproof.contracts.verdict.Sighting;
import org.markproof.contracts.verdict.VerdictCode;
import org.markproof.contracts.verdict.VerdictDocument;
import org.markproof.contracts.verdict.VerdictSignature;
import org.markproof.service.log.index.LedgerSnapshot;
import org.markproof.service.log.index.LedgerView;
import org.markproof.service.log.index.SignedCheckpoint;

/**
 * The verdict path: judges a scanned code against the state the latest checkpoint covers (from
 * memory), checks the serial's sightings for clones, writes and signs the verdict document with the
 * evidence against that checkpoint, and queues the scan's record. No I/O before the answer.
 */
@ApplicationScoped
public class Scanner {
  private static final Logger LOG = Logger.getLogger(Scanner.class);

  @Inject LedgerView ledger;
  @Inject VerdictKey key;
  @Inject ScanSettings settings;
  @Inject ScanRecorder recorder;
  @Inject Clock clock;
  @Inject Pool pool;

  private SightingBook sightings;
  private final EvidenceCache evidenceCache = new EvidenceCache();
  private final EvidenceSource source = evidence();

  /** The verdict given, and whether it was given now or to an earlier request with its id. */
  public record Scanned(ScanRecord record, boolean replayed) {}

  @jakarta.annotation.PostConstruct
  void init() {
    sightings =
        new SightingBook(
            new ClonePolicy(
                settings.cloneMaxSpeedKmh(), settings.cloneMaxSightings(), settings.cloneWindow()));
  }

  /** Loads the recent sightings of every serial from the recorded scans, for clone detection. */
  void loadSightings(@Observes StartupEvent start) {
    Instant since = clock.instant().minus(sightings.horizon());
    try {
      List<Row> rows = new ArrayList<>();
      pool.preparedQuery(
              "SELECT scan_id, post_id, lat, lon, scanned_at, gtin, batch, serial FROM scan"
                  + " WHERE serial IS NOT NULL AND scanned_at >= $1"
                  + " AND verdict IN ('GENUINE', 'SUSPECT_CLONE')")
          .execute(Tuple.of(since.atOffset(ZoneOffset.UTC)))
          .await()
          .atMost(java.time.Duration.ofSeconds(60))
          .forEach(rows::add);
      for (Row row : rows) {
        sightings.add(
            SightingBook.key(row.getString(5), row.getString(6), row.getString(7)),
            new Sighting(
                row.getString(0),
                row.getString(1),
                row.getDouble(2),
                row.getDouble(3),
                row.getOffsetDateTime(4).toInstant()));
      }
      LOG.infof("Loaded %d recent sightings for clone detection", rows.size());
    } catch (RuntimeException e) {
      LOG.errorf(e, "Cannot load recent sightings; clone detection starts empty");
    }
  }

  /** Forgets sightings past the horizon. */
  @io.quarkus.scheduler.Scheduled(every = "60s")
  void forgetOldSightings() {
    sightings.forgetBefore(clock.instant());
  }

  /**
   * Judges and records one scan.
   *
   * @param facts what was scanned, where and when
   * @param code the classified text (from the request or decoded from a photo)
   * @param detail overrides the judgement's detail (a photo without a code)
   * @throws NoCheckpointException before the log has a checkpoint to prove verdicts against
   */
  public Scanned scan(
      ScanFacts facts, ScannedCode code, String submitter, boolean offline, byte[] fingerprint) {
    return scan(facts, code, submitter, offline, fingerprint, Optional.empty(), List.of());
  }

  /**
   * Judges and records one scan an offline post uploads: as {@link #scan(ScanFacts, ScannedCode,
   * String, boolean, byte[])} with {@code offline} set, its clone check also against {@code
   * recorded} (the serial's stored sightings around its scan time, which memory may no longer
   * hold), and the post's own verdict kept beside the service's.
   *
   * @throws NoCheckpointException before the log has a checkpoint to prove verdicts against
   */
  Scanned scanUploaded(
      ScanFacts facts,
      ScannedCode code,
      String submitter,
      byte[] fingerprint,
      Optional<String> edgeDocument,
      Collection<Sighting> recorded) {
    return scan(facts, code, submitter, true, fingerprint, edgeDocument, recorded);
  }

  /** How far from a scan's time other sightings of its serial can conflict with it. */
  Duration cloneHorizon() {
    return sightings.horizon();
  }

  private Scanned scan(
      ScanFacts facts,
      ScannedCode code,
      String submitter,
      boolean offline,
      byte[] fingerprint,
      Optional<String> edgeDocument,
      Collection<Sighting> recorded) {
    Optional<ScanRecord> earlier = recorder.recent(facts.scanId());
    if (earlier.isPresent()) {
      return new Scanned(earlier.get(), true);
    }
    LedgerSnapshot snapshot = ledger.snapshot();
    SignedCheckpoint checkpoint = snapshot.checkpoint().orElseThrow(NoCheckpointException::new);
    LedgerState state = snapshot.checkpointState().orElseThrow();
    Judgement judgement = Judge.judge(state, code, context(facts.postId()));
    Optional<String> serialKey =
        judgement
            .item()
            .filter(f -> f.batch().isPresent() && f.serial().isPresent())
            .map(f -> SightingBook.key(f.gtin().digits(), f.batch().get(), f.serial().get()));
    if (serialKey.isPresent() && judgement.verdict() == VerdictCode.GENUINE) {
      judgement =
          judgement.withClones(sightings.checkAndAdd(serialKey.get(), facts.sighting(), recorded));
    }
    Instant now = clock.instant();
    ObjectNode document =
        VerdictDocument.withoutEvidence(
            judgement,
            facts,
            new VerdictDocument.Circumstances(now, offline, Optional.empty(), Optional.empty()));
    EvidenceCache.Evidence evidence = evidenceCache.get(judgement.evidence(), checkpoint, source);
    VerdictSignature.Signed signed =
        VerdictSignature.signed(document, evidence.canonical(), key.signer());
    Optional<Gs1Fields> item = judgement.item();
    ScanRecord record =
        new ScanRecord(
            facts.scanId(),
            submitter,
            facts.postId(),
            facts.lat(),
            facts.lon(),
            facts.scannedAt(),
            now,
            offline,
            storable(facts.code()),
            item.map(f -> f.gtin().digits()),
            item.flatMap(Gs1Fields::batch),
            item.flatMap(Gs1Fields::serial),
            judgement.verdict().name(),
            concerns(judgement),
            fingerprint,
            signed,
            evidence,
            edgeDocument,
            new CompletableFuture<>());
    Optional<ScanRecord> raced = recorder.record(record);
    return raced.map(r -> new Scanned(r, true)).orElseGet(() -> new Scanned(record, false));
  }

  /** The verdict key's verifier key text. */
  public String verifierKey() {
    return key.verifierKeyText();
  }

  /** The verifier keys of earlier verdict keys, which signed verdicts before a rotation. */
  public List<String> previousVerifierKeys() {
    return key.previousKeyTexts();
  }

  /** SHA-256 over the fields a client sends, to tell a retry from a reuse of its id. */
  public static byte[] fingerprint(ScanFacts facts, String submitter) {
    String text =
        String.join(
            "\n",
            submitter,
            facts.scanId(),
            facts.postId(),
            Double.toString(facts.lat()),
            Double.toString(facts.lon()),
            facts.scannedAt().toString(),
            facts.code(),
            facts.symbology().orElse(""));
    return Sha256.hash(text.getBytes(StandardCharsets.UTF_8));
  }

  private ScanContext context(String postId) {
    String territory = settings.postTerritories().get(postId);
    if (territory == null) {
      return ScanContext.anywhere();
    }
    return new ScanContext(Optional.of(OfficeCode.of(territory)));
  }

  private EvidenceSource evidence() {
    return new EvidenceSource() {
      @Override
      public byte[] entry(long index) {
        return ledger.entry(index);
      }

      @Override
      public List<byte[]> inclusionProof(long index, long treeSize) {
        return ledger.inclusionProof(index, treeSize);
      }
    };
  }

  private static List<String> concerns(Judgement judgement) {
    Set<String> out = new LinkedHashSet<>();
    judgement.holder().ifPresent(h -> out.add(h.id()));
    judgement.batch().ifPresent(b -> out.add(b.issuer()));
    judgement.licensee().ifPresent(l -> out.add(l.id()));
    return List.copyOf(out);
  }

  /** The scanned text with control characters escaped, as PostgreSQL text can hold any of it. */
  static String storable(String code) {
    StringBuilder out = new StringBuilder(code.length());
    for (int i = 0; i < code.length(); i++) {
      char c = code.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** The log has no checkpoint yet: nothing can be proven. */
  public static final class NoCheckpointException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NoCheckpointException() {
      super(
          "the log has no signed checkpoint yet; verdicts cannot carry evidence",
          null,
          false,
          false);
    }
  }
}
