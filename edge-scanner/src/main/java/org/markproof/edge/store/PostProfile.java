package org.markproof.edge.store;

import java.util.Objects;
import java.util.Optional;

/**
 * The border post an edge store belongs to, kept in the store so that every scan and upload names
 * the same post (docs/edge.md "Offline verdicts").
 *
 * @param postId the post's id, as the ledger's customs participant names it ({@code de-fra-cargo})
 * @param lat the post's latitude in degrees, -90..90
 * @param lon the post's longitude in degrees, -180..180
 * @param territory the post's territory as an ST.3 code, when known; then goods outside the
 *     territories of their product or license are {@code NOT_AUTHORIZED} there
 */
public record PostProfile(String postId, double lat, double lon, Optional<String> territory) {
  public PostProfile {
    Objects.requireNonNull(postId, "postId");
    Objects.requireNonNull(territory, "territory");
    if (!(lat >= -90 && lat <= 90) || !(lon >= -180 && lon <= 180)) {
      throw new IllegalArgumentException("post position out of range: " + lat + ", " + lon);
    }
  }
}
