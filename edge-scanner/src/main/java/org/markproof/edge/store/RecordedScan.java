package org.markproof.edge.store;

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
 */
public record RecordedScan(
    String scanId, byte[] body, Instant queuedAt, Optional<Sighting> sighting) {
  public RecordedScan {
    Objects.requireNonNull(scanId, "scanId");
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(queuedAt, "queuedAt");
    Objects.requireNonNull(sighting, "sighting");
  }
}
