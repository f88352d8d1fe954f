package org.markproof.service.scan;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.markproof.contracts.verdict.Sighting;

/**
 * Reads the stored sightings of serials around given scan times, for uploads from offline posts: a
 * scan made days ago conflicts with sightings near its own time, which the in-memory {@code
 * SightingBook} has forgotten (it keeps the last day). One query for a whole upload, at most {@link
 * #MAX_PER_SERIAL} sightings per serial, using the {@code scan_serial} index.
 */
@ApplicationScoped
class RecordedSightings {
  /** As many as the sighting book keeps per serial. */
  static final int MAX_PER_SERIAL = 64;

  private static final String QUERY =
      "SELECT s.scan_id, s.post_id, s.lat, s.lon, s.scanned_at, q.gtin, q.batch, q.serial"
          + " FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[], $5::timestamptz[])"
          + " AS q(gtin, batch, serial, low, high)"
          + " CROSS JOIN LATERAL (SELECT scan_id, post_id, lat, lon, scanned_at FROM scan"
          + " WHERE scan.gtin = q.gtin AND scan.batch = q.batch AND scan.serial = q.serial"
          + " AND scan.scanned_at BETWEEN q.low AND q.high"
          + " AND scan.verdict IN ('GENUINE', 'SUSPECT_CLONE')"
          + " ORDER BY scan.scanned_at LIMIT "
          + MAX_PER_SERIAL
          + ") s";

  private final Pool pool;

  RecordedSightings(Pool pool) {
    this.pool = pool;
  }

  /** One serial and the span of scan times to look around. */
  record Around(String gtin, String batch, String serial, Instant first, Instant last) {
    String key() {
      return SightingBook.key(gtin, batch, serial);
    }
  }

  /**
   * The stored sightings of each serial scanned between {@code first − horizon} and {@code last +
   * horizon}, by {@link SightingBook#key}.
   */
  Uni<Map<String, List<Sighting>>> around(List<Around> serials, Duration horizon) {
    if (serials.isEmpty()) {
      return Uni.createFrom().item(Map.of());
    }
    int n = serials.size();
    String[] gtins = new String[n];
    String[] batches = new String[n];
    String[] numbers = new String[n];
    OffsetDateTime[] lows = new OffsetDateTime[n];
    OffsetDateTime[] highs = new OffsetDateTime[n];
    for (int i = 0; i < n; i++) {
      Around a = serials.get(i);
      gtins[i] = a.gtin();
      batches[i] = a.batch();
      numbers[i] = a.serial();
      lows[i] = a.first().minus(horizon).atOffset(ZoneOffset.UTC);
      highs[i] = a.last().plus(horizon).atOffset(ZoneOffset.UTC);
    }
    Tuple args =
        Tuple.tuple()
            .addArrayOfString(gtins)
            .addArrayOfString(batches)
            .addArrayOfString(numbers)
            .addArrayOfOffsetDateTime(lows)
            .addArrayOfOffsetDateTime(highs);
    return pool.preparedQuery(QUERY)
        .execute(args)
        .map(
            rows -> {
              Map<String, List<Sighting>> out = new HashMap<>();
              for (Row row : rows) {
                out.computeIfAbsent(
                        SightingBook.key(row.getString(5), row.getString(6), row.getString(7)),
                        k -> new ArrayList<>())
                    .add(
                        new Sighting(
                            row.getString(0),
                            row.getString(1),
                            row.getDouble(2),
                            row.getDouble(3),
                            row.getOffsetDateTime(4).toInstant()));
              }
              return out;
            });
  }
}
