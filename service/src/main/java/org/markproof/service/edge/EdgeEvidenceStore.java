package org.markproof.service.edge;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.markproof.contracts.crypto.Sha256;

/** The {@code edge_evidence} table (V8__edge_uploads.sql): posts' reports, one row each. */
@ApplicationScoped
class EdgeEvidenceStore {
  private static final String COLUMNS =
      "id, post_id, reporter, kind, adopted, offered, proof, detected_at, received_at, verified,"
          + " findings";

  private final Pool pool;

  EdgeEvidenceStore(Pool pool) {
    this.pool = pool;
  }

  /** A report as stored, and whether this call stored it. */
  record Saved(long id, boolean verified, List<String> findings, boolean created) {}

  /**
   * Stores {@code report} with the service's checks, unless the same report (post, kind, both
   * notes) is stored already: then that one is returned.
   */
  Uni<Saved> save(
      EvidenceReport report, String reporter, EvidenceChecks.Outcome outcome, Instant now) {
    byte[] fingerprint =
        Sha256.hash(
            String.join("\n\n", report.postId(), report.kind(), report.adopted(), report.offered())
                .getBytes(StandardCharsets.UTF_8));
    String[] proof =
        report.proof().stream()
            .map(h -> Base64.getEncoder().encodeToString(h))
            .toArray(String[]::new);
    Tuple row =
        Tuple.tuple()
            .addString(report.postId())
            .addString(reporter)
            .addString(report.kind())
            .addString(report.adopted())
            .addString(report.offered())
            .addArrayOfString(proof)
            .addOffsetDateTime(report.detectedAt().atOffset(ZoneOffset.UTC))
            .addOffsetDateTime(now.atOffset(ZoneOffset.UTC))
            .addBoolean(outcome.verified())
            .addArrayOfString(outcome.findings().toArray(new String[0]))
            .addBuffer(Buffer.buffer(fingerprint));
    return pool.preparedQuery(
            "INSERT INTO edge_evidence (post_id, reporter, kind, adopted, offered, proof,"
                + " detected_at, received_at, verified, findings, fingerprint)"
                + " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)"
                + " ON CONFLICT (fingerprint) DO NOTHING RETURNING id")
        .execute(row)
        .flatMap(
            inserted -> {
              if (inserted.iterator().hasNext()) {
                long id = inserted.iterator().next().getLong(0);
                return Uni.createFrom()
                    .item(new Saved(id, outcome.verified(), outcome.findings(), true));
              }
              return pool.preparedQuery(
                      "SELECT id, verified, findings FROM edge_evidence WHERE fingerprint = $1")
                  .execute(Tuple.tuple().addBuffer(Buffer.buffer(fingerprint)))
                  .map(
                      rows -> {
                        Row r = rows.iterator().next();
                        return new Saved(
                            r.getLong(0),
                            r.getBoolean(1),
                            Arrays.asList(r.getArrayOfStrings(2)),
                            false);
                      });
            });
  }

  /** Reports with an id above {@code after}, oldest first, at most {@code limit}. */
  Uni<List<Map<String, Object>>> list(long after, int limit) {
    return pool.preparedQuery(
            "SELECT " + COLUMNS + " FROM edge_evidence WHERE id > $1 ORDER BY id LIMIT $2")
        .execute(Tuple.of(after, limit))
        .map(EdgeEvidenceStore::views);
  }

  private static List<Map<String, Object>> views(RowSet<Row> rows) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Row r : rows) {
      Map<String, Object> view = new LinkedHashMap<>();
      view.put("id", r.getLong("id"));
      view.put("postId", r.getString("post_id"));
      view.put("reporter", r.getString("reporter"));
      view.put("kind", r.getString("kind"));
      view.put("verified", r.getBoolean("verified"));
      view.put("findings", Arrays.asList(r.getArrayOfStrings("findings")));
      view.put("detectedAt", r.getOffsetDateTime("detected_at").toInstant().toString());
      view.put("receivedAt", r.getOffsetDateTime("received_at").toInstant().toString());
      view.put("adopted", r.getString("adopted"));
      view.put("offered", r.getString("offered"));
      view.put("proof", Arrays.asList(r.getArrayOfStrings("proof")));
      out.add(view);
    }
    return out;
  }
}
