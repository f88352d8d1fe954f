package org.markproof.edge.store;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A scan judged offline, as {@link EdgeStore#recordScans} writes it: its queue row and, for a
 * labelled item judged {@code GENUINE}, its sighting.
 *
 * @param scanId the client scan id
 * @param body the scan as {@code POST /v1/edge/scans} takes it, JSON in UTF-8
 * @param queuedAt when it was judged
 * @param sighting the sighting it adds to the post's own, if any
 * @param evidence where the verdict's {@code evidence} member stands in {@code body}, if it has
 *     one: the queue then stores the member's value once for every scan that carries the same
 */
public record RecordedScan(
    String scanId,
    byte[] body,
    Instant queuedAt,
    Optional<Sighting> sighting,
    Optional<EvidenceSpan> evidence) {
  private static final byte[] NAME = "\"evidence\":".getBytes(StandardCharsets.US_ASCII);

  /**
   * The bytes {@code [start, end)} of a body: the member {@code "evidence":<value>}, followed by a
   * comma (the member is never a document's last: its signature is).
   */
  public record EvidenceSpan(int start, int end) {
    /** The member's value: the bytes after its name. */
    int valueStart() {
      return start + NAME.length;
    }
  }

  public RecordedScan {
    Objects.requireNonNull(scanId, "scanId");
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(queuedAt, "queuedAt");
    Objects.requireNonNull(sighting, "sighting");
    Objects.requireNonNull(evidence, "evidence");
    evidence.ifPresent(span -> check(body, span));
  }

  /** A scan whose body is stored whole. */
  public RecordedScan(String scanId, byte[] body, Instant queuedAt, Optional<Sighting> sighting) {
    this(scanId, body, queuedAt, sighting, Optional.empty());
  }

  private static void check(byte[] body, EvidenceSpan span) {
    boolean named = span.start() >= 0 && span.valueStart() < span.end() && span.end() < body.length;
    for (int i = 0; named && i < NAME.length; i++) {
      named = body[span.start() + i] == NAME[i];
    }
    if (!named || body[span.end()] != ',') {
      throw new IllegalArgumentException(
          "no evidence member followed by a comma at [" + span.start() + ", " + span.end() + ")");
    }
  }
}
