package org.markproof.service.scan;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code markproof.scan.*}: the verdict key, clone detection, posts, bounds and rate limits. */
@ConfigMapping(prefix = "markproof.scan")
public interface ScanSettings {
  /**
   * The verdict signer key file ({@code PRIVATE+KEY+<name>+<id>+<key>}); unset: one generated once
   * under {@code <markproof.data-dir>/keys/verdict.key}, named {@code <log origin>/verdict}.
   */
  Optional<Path> verdictKeyFile();

  /**
   * The verifier keys ({@code <name>+<hex id>+<base64>}, comma-separated) of verdict keys retired
   * by a rotation: they sign nothing, and are published at {@code GET /v1/scans/key} as {@code
   * previousVerdictKeys} so that the verdicts they signed stay verifiable (docs/operations.md "Key
   * rotation").
   */
  Optional<List<String>> previousVerdictKeys();

  /** Clone detection: the fastest goods travel between posts. */
  @WithDefault("900")
  double cloneMaxSpeedKmh();

  /** Clone detection: how many sightings of one serial the window may hold. */
  @WithDefault("10")
  int cloneMaxSightings();

  /** Clone detection: the window of the count (and how long sightings stay in memory). */
  @WithDefault("PT24H")
  Duration cloneWindow();

  /**
   * Posts whose territory is known, as {@code post-id=ST.3 code} ({@code
   * markproof.scan.post-territories."DE-HAM-1"=DE}); goods outside their product's or license's
   * territories are NOT_AUTHORIZED there.
   */
  Map<String, String> postTerritories();

  /**
   * Largest photo accepted in a multipart scan, in bytes: a handheld sends its decoder's frame (a
   * 1280×720 JPEG is some 100–400 kB), and the whole request stays under {@code
   * quarkus.http.limits.max-body-size} (1 MiB).
   */
  @WithDefault("1000000")
  int maxPhotoBytes();

  /** Scans per second one token may make, sustained (a bucket of {@link #tokenBurst}). */
  @WithDefault("200")
  double tokenRate();

  @WithDefault("400")
  int tokenBurst();

  /** Consumer checks ({@code GET /v1/verify}) per second per client address. */
  @WithDefault("5")
  double verifyRate();

  @WithDefault("20")
  int verifyBurst();

  /** How often recorded scans are written, at the latest. */
  @WithDefault("PT0.02S")
  Duration recordInterval();

  /**
   * Most scans waiting to be written before new scans are refused with 503 and {@code Retry-After}:
   * the service answers from memory, but does not let unrecorded scans pile up.
   */
  @WithDefault("20000")
  int maxRecordBacklog();

  /** Most scans written in one statement. */
  @WithDefault("500")
  int recordBatchSize();
}
