package org.markproof.service.scan;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * The listings over all scans can be answered from an index (V14), whatever the table's size: each
 * query the resources send is planned with sequential scans priced out ({@code enable_seqscan =
 * off}), and the plan must name the index meant for it. Until V14 the alerts' {@code $1 = ANY
 * (concerns)} could use no index and the operator's listing had none with {@code scanned_at} first:
 * both read the whole table (437 ms at 280,000 scans).
 */
@QuarkusTest
class ScanListingIndexesTest {
  @Inject AgroalDataSource dataSource;

  @Test
  void aBrandOwnersAlertsComeFromTheAlertsIndex() throws SQLException {
    String plan =
        plan(
            AlertsResource.ALERTS, "'acme', '2026-01-01T00:00:00Z', 100", "text, timestamptz, int");
    assertTrue(plan.contains("scan_alerts"), plan);
  }

  @Test
  void everyPostsScansComeInTimeOrderFromTheTimeIndex() throws SQLException {
    String plan =
        plan(ScansResource.listing(false), "'2026-01-01T00:00:00Z', 100", "timestamptz, int");
    assertTrue(plan.contains("scan_time"), plan); // not a substring of scan_post_time
  }

  @Test
  void onePostsScansComeFromThePostIndex() throws SQLException {
    String plan =
        plan(
            ScansResource.listing(true),
            "'2026-01-01T00:00:00Z', 100, 'de-fra-cargo'",
            "timestamptz, int, text");
    assertTrue(plan.contains("scan_post_time"), plan);
  }

  /** The plan of {@code sql} for {@code arguments}, sequential scans priced out. */
  private String plan(String sql, String arguments, String types) throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      c.setAutoCommit(false);
      // A prepared statement outlives the transaction: deallocated however the case ends.
      s.execute("PREPARE listing(" + types + ") AS " + sql);
      try {
        s.execute("SET LOCAL enable_seqscan = off");
        StringBuilder plan = new StringBuilder();
        try (ResultSet rs = s.executeQuery("EXPLAIN EXECUTE listing(" + arguments + ")")) {
          while (rs.next()) {
            plan.append(rs.getString(1)).append('\n');
          }
        }
        return plan.toString();
      } finally {
        c.rollback();
        s.execute("DEALLOCATE listing");
      }
    }
  }
}
