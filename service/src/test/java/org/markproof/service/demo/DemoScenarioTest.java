package org.markproof.service.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.markproof.contracts.entry.EntrySigner;
import org.markproof.contracts.entry.LogEntry;
import org.markproof.contracts.entry.SignedEntry;
import org.markproof.contracts.label.DigitalLink;
import org.markproof.contracts.rules.LedgerState;
import org.markproof.contracts.rules.Rules;
import org.markproof.contracts.rules.Violation;

/**
 * The demo ledger is lawful: every step, signed with the demo keys, passes the contracts' rules in
 * order on the day it is seeded (and on another day), and the labels it prints parse as GS1 Digital
 * Links of the demo batches.
 */
class DemoScenarioTest {
  @TempDir Path dir;

  @Test
  void everyStepIsAcceptedByTheRulesInOrder() {
    for (LocalDate today : List.of(LocalDate.parse("2026-11-26"), LocalDate.parse("2027-02-28"))) {
      DemoKeys keys = new DemoKeys(dir.resolve("keys-" + today), new SecureRandom());
      DemoLabels labels = DemoLabels.sign(keys, new SecureRandom());
      Instant now = today.atTime(12, 0).toInstant(ZoneOffset.UTC);
      LedgerState state = LedgerState.empty();
      List<DemoScenario.Step> steps = DemoScenario.steps(keys, today, labels.revokedSerial());
      for (DemoScenario.Step step : steps) {
        SignedEntry entry = EntrySigner.sign(step.statement(), keys.participant(step.actor().id()));
        List<Violation> violations = Rules.validate(state, entry, now);
        assertEquals(List.of(), violations, step.statement().kind() + " on " + today);
        state = assertApplies(state, LogEntry.of(now, entry));
      }
      assertEquals(
          DemoScenario.PARTICIPANTS.size() + 8, steps.size(), "enrolments, then the ledger");
    }
  }

  @Test
  void keysAreGeneratedOnceAndReadBack() {
    DemoKeys first = new DemoKeys(dir, new SecureRandom());
    DemoKeys again = new DemoKeys(dir, new SecureRandom());
    assertEquals(first.participant("acme").publicKey(), again.participant("acme").publicKey());
    assertEquals(first.labelKey("LOT2026A").publicKey(), again.labelKey("LOT2026A").publicKey());
    assertTrue(
        !first.participant("acme").publicKey().equals(first.participant("zenith").publicKey()));
  }

  @Test
  void writesACodeAndAPayloadLineForEveryLabel() throws Exception {
    DemoLabels labels = DemoLabels.sign(new DemoKeys(dir, new SecureRandom()), new SecureRandom());
    labels.write(dir.resolve("labels"));
    List<String> lines = Files.readAllLines(dir.resolve("labels/payloads.txt"));
    assertEquals(labels.labels().size(), lines.size());
    Set<String> kinds =
        lines.stream()
            .map(line -> line.substring(0, line.indexOf('\t')))
            .collect(Collectors.toSet());
    assertEquals(
        Set.of(
            "genuine",
            "genuine-licensee",
            "revoked",
            "counterfeit-signature",
            "counterfeit-batch",
            "plain-ean"),
        kinds);
    for (DemoLabels.Label label : labels.labels()) {
      if (label.payload().startsWith("https://")) {
        DigitalLink link = DigitalLink.parse(label.payload());
        assertNotNull(link.fields());
      }
    }
    try (var files = Files.list(dir.resolve("labels"))) {
      long pngs = files.filter(f -> f.toString().endsWith(".png")).count();
      assertEquals(labels.labels().size(), pngs, "a QR per Digital Link, plus one DataMatrix");
    }
  }

  private static LedgerState assertApplies(LedgerState state, LogEntry leaf) {
    try {
      return Rules.apply(state, leaf);
    } catch (Exception e) {
      throw new AssertionError(leaf.entry().statement().kind() + " does not apply: " + e, e);
    }
  }
}
