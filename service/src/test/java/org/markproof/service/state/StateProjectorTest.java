package org.markproof.service.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.core.Vertx;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.markproof.contracts.entry.EntrySigner;
import org.markproof.contracts.entry.LogEntry;
import org.markproof.contracts.entry.OfficeCode;
import org.markproof.contracts.entry.ParticipantEnrolled;
import org.markproof.contracts.entry.ParticipantRole;
import org.markproof.contracts.entry.TrademarkAssigned;
import org.markproof.contracts.entry.TrademarkRef;
import org.markproof.service.demo.DemoKeys;
import org.markproof.service.demo.DemoLabels;
import org.markproof.service.demo.DemoScenario;
import org.markproof.service.log.index.EntryMemo;
import org.markproof.service.log.store.LogHead;
import org.markproof.service.log.store.LogStore;
import org.markproof.service.testing.FreshLogDatabase;

/**
 * The state tables follow the log: the demo ledger, appended to a log of its own, projects into one
 * row per participant, mark, license, product and batch, with chains of ownership and revoked
 * serials; later entries update the rows; two projectors on one database agree; a log entry the
 * rules refuse stops projection instead of being skipped.
 */
@QuarkusTest
class StateProjectorTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Inject Vertx vertx;
  @TempDir Path keysDir;

  private FreshLogDatabase database;
  private LogStore store;
  private DemoKeys keys;
  private Instant now;

  @BeforeEach
  void freshLog() {
    database = FreshLogDatabase.create(vertx);
    store = new LogStore(database.pool());
    keys = new DemoKeys(keysDir, new SecureRandom());
    now = Instant.now();
  }

  @AfterEach
  void dropLog() {
    database.close();
  }

  @Test
  void projectsTheDemoLedgerAndFollowsLaterEntries() throws Exception {
    DemoLabels labels = DemoLabels.sign(keys, new SecureRandom());
    LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    List<LogEntry> entries = new ArrayList<>();
    for (DemoScenario.Step step : DemoScenario.steps(keys, today, labels.revokedSerial())) {
      entries.add(
          LogEntry.of(
              now, EntrySigner.sign(step.statement(), keys.participant(step.actor().id()))));
    }
    append(entries);
    StateProjector projector = new StateProjector(store, database.pool(), new EntryMemo());
    assertEquals(entries.size(), projector.catchUp());

    assertEquals(6, count("participant_state"));
    JsonNode em = document("SELECT document FROM trademark_state WHERE office = 'EM'");
    assertEquals("acme", em.get("holder").asText());
    assertEquals("registered", em.get("status").asText());
    assertEquals(1, em.get("chainOfOwnership").size());
    assertEquals("acme-zenith-2026", em.get("licenses").get(0).asText());
    JsonNode batch = document("SELECT document FROM batch_state WHERE batch = 'LOT2026A'");
    assertEquals("acme", batch.get("issuer").asText());
    assertEquals(labels.revokedSerial(), batch.get("revokedSerials").get(0).get("serial").asText());
    assertEquals(
        entries.size() - 1, batch.get("revokedSerials").get(0).get("entry").get("index").asLong());
    JsonNode licensed = document("SELECT document FROM batch_state WHERE batch = 'ZX2026-07'");
    assertEquals("acme-zenith-2026", licensed.get("license").asText());
    assertEquals(1, count("license_state"));
    assertEquals(2, count("product_state"));

    TrademarkRef mark = new TrademarkRef(OfficeCode.of("EM"), "018000001");
    append(
        List.of(
            LogEntry.of(
                now,
                EntrySigner.sign(
                    new TrademarkAssigned("euipo", mark, "zenith", today),
                    keys.participant("euipo")))));
    assertEquals(entries.size() + 1, projector.catchUp());
    JsonNode assigned = document("SELECT document FROM trademark_state WHERE office = 'EM'");
    assertEquals("zenith", assigned.get("holder").asText());
    assertEquals(2, assigned.get("chainOfOwnership").size());
    assertEquals("acme", assigned.get("chainOfOwnership").get(0).get("holder").asText());
    assertEquals(
        entries.size(), assigned.get("chainOfOwnership").get(1).get("entry").get("index").asLong());
  }

  @Test
  void twoProjectorsOnOneDatabaseWriteEachEntryOnce() throws Exception {
    List<LogEntry> entries = new ArrayList<>();
    entries.add(enrol("operator", new ParticipantRole.Operator()));
    for (int i = 0; i < 2_100; i++) {
      entries.add(enrol("brand-" + i, new ParticipantRole.BrandOwner()));
    }
    append(entries);
    StateProjector first = new StateProjector(store, database.pool(), new EntryMemo());
    StateProjector second = new StateProjector(store, database.pool(), new EntryMemo());
    Thread other = new Thread(second::catchUp);
    other.start();
    first.catchUp();
    other.join();
    assertEquals(entries.size(), second.catchUp());
    assertEquals(entries.size(), count("participant_state"));
    assertEquals(
        entries.size(),
        count("participant_state WHERE updated_index < " + entries.size()),
        "every row comes from an entry inside the watermark");
  }

  @Test
  void stopsAtAnEntryTheRulesRefuse() throws Exception {
    // A brand owner cannot enrol anyone; the sequencer would never append this.
    List<LogEntry> entries =
        List.of(
            enrol("operator", new ParticipantRole.Operator()),
            LogEntry.of(
                now,
                EntrySigner.sign(
                    new ParticipantEnrolled(
                        "intruder",
                        "intruder",
                        "Intruder",
                        new ParticipantRole.Operator(),
                        keys.participant("intruder").publicKey()),
                    keys.participant("intruder"))));
    append(entries);
    StateProjector projector = new StateProjector(store, database.pool(), new EntryMemo());
    IllegalStateException stopped = assertThrows(IllegalStateException.class, projector::catchUp);
    assertTrue(stopped.getMessage().contains("log entry 1"), stopped.getMessage());
    assertEquals(0, count("participant_state"), "nothing of the refused page is written");
    assertThrows(IllegalStateException.class, projector::catchUp, "it stays stopped");
  }

  private LogEntry enrol(String id, ParticipantRole role) {
    return LogEntry.of(
        now,
        EntrySigner.sign(
            new ParticipantEnrolled(
                "operator", id, "Participant " + id, role, keys.participant(id).publicKey()),
            keys.participant("operator")));
  }

  private void append(List<LogEntry> entries) {
    LogHead head = store.head().await().indefinitely();
    store.append(head, entries).await().indefinitely();
  }

  private long count(String table) throws Exception {
    try (Connection c = connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private JsonNode document(String sql) throws Exception {
    try (Connection c = connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      assertTrue(rs.next(), sql);
      return JSON.readTree(rs.getString(1));
    }
  }

  private Connection connect() throws Exception {
    var config = ConfigProvider.getConfig();
    return DriverManager.getConnection(
        database.jdbcUrl(),
        config.getOptionalValue("quarkus.datasource.username", String.class).orElse("postgres"),
        config.getOptionalValue("quarkus.datasource.password", String.class).orElse(""));
  }
}
