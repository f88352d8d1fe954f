package org.markproof.edge.store;

import java.time.Instant;

/**
 * One of the post's own sightings of a labelled item, for clone detection offline (docs/verdicts.md
 * "Clones").
 */
public record Sighting(
    String scanId,
    String gtin,
    String batch,
    String serial,
    String post,
    double lat,
    double lon,
    Instant scannedAt) {}
