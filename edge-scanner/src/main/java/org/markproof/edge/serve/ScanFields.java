package org.markproof.edge.serve;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Optional;
import org.markproof.edge.scan.ClientFacts;
import org.markproof.edge.scan.ScanInput;

/**
 * The fields of a scan a retry is compared on, as the service fingerprints them: the code and
 * symbology, the position and the scan time.
 */
record ScanFields(
    String code, Optional<String> symbology, double lat, double lon, Instant scannedAt) {

  /** The fields of a queued scan's upload body (docs/edge.md "Uploads"). */
  static ScanFields of(JsonNode queued) {
    return new ScanFields(
        queued.path("code").asText(),
        Optional.ofNullable(queued.get("symbology")).map(JsonNode::asText),
        queued.path("lat").asDouble(),
        queued.path("lon").asDouble(),
        Instant.parse(queued.path("scannedAt").asText()));
  }

  /**
   * Whether a retry of {@code input} with {@code given} is this scan: the same code and symbology,
   * and the position and time it gives the same (what it leaves out was the post's, then and now).
   */
  boolean matches(ScanInput input, ClientFacts given) {
    return code.equals(input.code())
        && symbology.equals(input.symbology())
        && given.lat().map(l -> l == lat).orElse(true)
        && given.lon().map(l -> l == lon).orElse(true)
        && given.scannedAt().map(scannedAt::equals).orElse(true);
  }
}
