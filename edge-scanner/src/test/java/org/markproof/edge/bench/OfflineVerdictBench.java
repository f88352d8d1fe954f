package org.markproof.edge.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.markproof.contracts.note.Ed25519NoteSigner;
import org.markproof.contracts.verdict.VerdictCode;
import org.markproof.edge.scan.ClientFacts;
import org.markproof.edge.scan.OfflineScanner;
import org.markproof.edge.scan.ScanInput;
import org.markproof.edge.scan.VerdictKeyFile;
import org.markproof.edge.store.EdgeStore;
import org.markproof.edge.store.PostProfile;

/**
 * Offline verdicts in a warm process, measured in-process (docs/benchmarks.md "Edge — offline
 * verdicts"): {@link OfflineScanner#scan} from decoded text, each scan judged, proven, signed and
 * committed to the store's queue before the next, on {@code THREADS} threads; with {@code
 * -Ddurable=false}, each answered before its commit (the service's {@code ?durable=false}), the
 * scanner's own thread committing them in groups. Not a test: run by hand on a copy of a synced
 * store (scans are queued in it).
 *
 * <pre>
 * java -cp edge-scanner/target/test-classes:edge-scanner/target/edge-scanner.jar \
 *   org.markproof.edge.bench.OfflineVerdictBench STORE CODES_FILE [THREADS] [WARMUP] [SCANS]
 * </pre>
 *
 * CODES_FILE has one code a line; a line with tabs gives its last field (the service's payload
 * files). The store must have a post (from a {@code scan --post …} or {@code serve}), or be given
 * one with {@code -Dpost=ID,LAT,LON}.
 */
public final class OfflineVerdictBench {
  private static final boolean DURABLE = !"false".equals(System.getProperty("durable", "true"));

  private OfflineVerdictBench() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println("usage: OfflineVerdictBench STORE CODES_FILE [THREADS] [WARMUP] [SCANS]");
      System.exit(2);
    }
    Path storeFile = Path.of(args[0]);
    List<String> codes = new ArrayList<>();
    for (String line : Files.readAllLines(Path.of(args[1]), StandardCharsets.UTF_8)) {
      if (!line.isBlank()) {
        codes.add(line.substring(line.lastIndexOf('\t') + 1));
      }
    }
    int threads = args.length > 2 ? Integer.parseInt(args[2]) : 1;
    int warmup = args.length > 3 ? Integer.parseInt(args[3]) : 20_000;
    int scans = args.length > 4 ? Integer.parseInt(args[4]) : 20_000;
    try (EdgeStore store = EdgeStore.open(storeFile)) {
      String given = System.getProperty("post");
      if (store.post().isEmpty() && given != null) {
        String[] p = given.split(",");
        store.setPost(
            new PostProfile(
                p[0], Double.parseDouble(p[1]), Double.parseDouble(p[2]), Optional.empty()));
      }
      PostProfile post = store.post().orElseThrow(() -> new IllegalStateException("no post"));
      Ed25519NoteSigner key =
          VerdictKeyFile.readOrGenerate(
              VerdictKeyFile.besideStore(store.file()), post.postId(), new SecureRandom());
      try (OfflineScanner scanner = OfflineScanner.of(store, key, Duration.ofDays(3650))) {
        long loading = System.nanoTime();
        scanner.scan(post, ScanInput.text(codes.get(0), Optional.empty()), Instant.now());
        System.out.printf(
            "first scan (state replayed from the store): %.1f ms%n",
            (System.nanoTime() - loading) / 1e6);
        run(scanner, post, codes, threads, warmup, "warm-up");
        run(scanner, post, codes, threads, scans, "measured");
      }
    }
  }

  private static void run(
      OfflineScanner scanner,
      PostProfile post,
      List<String> codes,
      int threads,
      int scans,
      String phase)
      throws Exception {
    long[] latencies = new long[scans];
    AtomicInteger next = new AtomicInteger();
    Map<VerdictCode, Integer> verdicts = new EnumMap<>(VerdictCode.class);
    List<Thread> workers = new ArrayList<>();
    Exception[] failure = {null};
    long started = System.nanoTime();
    for (int t = 0; t < threads; t++) {
      Thread worker =
          new Thread(
              () -> {
                for (int i = next.getAndIncrement(); i < scans; i = next.getAndIncrement()) {
                  try {
                    ScanInput input = ScanInput.text(codes.get(i % codes.size()), Optional.empty());
                    long begin = System.nanoTime();
                    VerdictCode v =
                        scanner
                            .scan(post, input, ClientFacts.none(), Instant.now(), DURABLE)
                            .verdict();
                    latencies[i] = System.nanoTime() - begin;
                    synchronized (verdicts) {
                      verdicts.merge(v, 1, Integer::sum);
                    }
                  } catch (Exception e) {
                    failure[0] = e;
                    return;
                  }
                }
              });
      workers.add(worker);
      worker.start();
    }
    for (Thread worker : workers) {
      worker.join();
    }
    if (failure[0] != null) {
      throw failure[0];
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    Arrays.sort(latencies);
    System.out.printf(
        "%s: %d scans on %d thread(s) in %.2f s = %.0f scans/s; latency p50 %.3f, p90 %.3f,"
            + " p99 %.3f, p99.9 %.3f, max %.3f ms; %s%n",
        phase,
        scans,
        threads,
        seconds,
        scans / seconds,
        at(latencies, 0.50),
        at(latencies, 0.90),
        at(latencies, 0.99),
        at(latencies, 0.999),
        latencies[scans - 1] / 1e6,
        verdicts);
  }

  private static double at(long[] sorted, double q) {
    return sorted[(int) Math.min(sorted.length - 1, Math.floor(q * sorted.length))] / 1e6;
  }
}
