package org.markproof.service.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Prometheus alerts are an operator's contract: each links to its section of the runbook, and
 * each metric an alert reads is listed in the runbook's metrics table, so that the service
 * engineers know exactly which names to expose.
 */
class AlertRulesTest {
  private static final Pattern METRIC = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)\\{");
  private static final Pattern HEADING = Pattern.compile("^#{1,6} (.+)$", Pattern.MULTILINE);
  private static final Pattern TABLE_METRIC =
      Pattern.compile("^\\| `([a-z_:][a-z0-9_:]*)`", Pattern.MULTILINE);

  @Test
  void everyAlertHasASeverityASummaryAndARunbookSection() throws IOException {
    Set<String> anchors = anchors(runbook());
    List<String> violations = new ArrayList<>();
    List<JsonNode> alerts = alerts();
    for (JsonNode rule : alerts) {
      String alert = rule.path("alert").asText();
      String severity = rule.path("labels").path("severity").asText();
      if (!Set.of("critical", "warning").contains(severity)) {
        violations.add(alert + ": severity '" + severity + "'");
      }
      if (rule.path("annotations").path("summary").asText().isBlank()) {
        violations.add(alert + ": no summary");
      }
      String runbook = rule.path("annotations").path("runbook_url").asText();
      String expected = "docs/operations.md#" + alert.toLowerCase(Locale.ROOT);
      if (!runbook.equals(expected)) {
        violations.add(alert + ": runbook_url " + runbook + ", expected " + expected);
      } else if (!anchors.contains(alert.toLowerCase(Locale.ROOT))) {
        violations.add(alert + ": docs/operations.md has no section '" + alert + "'");
      }
    }
    assertTrue(alerts.size() >= 8, "alerts: " + alerts.size());
    assertEquals(List.of(), violations);
  }

  @Test
  void everyMetricTheAlertsReadIsInTheRunbookMetricsTable() throws IOException {
    Set<String> documented = new TreeSet<>();
    Matcher row = TABLE_METRIC.matcher(runbook());
    while (row.find()) {
      documented.add(row.group(1));
    }
    Set<String> used = new TreeSet<>();
    for (JsonNode rule : alerts()) {
      Matcher metric = METRIC.matcher(rule.path("expr").asText());
      while (metric.find()) {
        used.add(metric.group(1));
      }
    }
    assertTrue(used.contains("markproof_sequencer_leader"), "used: " + used);
    used.removeAll(documented);
    assertEquals(Set.of(), used, "metrics the alerts read but docs/operations.md does not list");
  }

  @Test
  void theAlertsTheIssueAsksForExist() {
    Set<String> names = new TreeSet<>();
    alerts().forEach(r -> names.add(r.path("alert").asText()));
    for (String alert :
        List.of(
            "MarkproofCheckpointStale",
            "MarkproofSequencerLag",
            "MarkproofNoSequencer",
            "MarkproofHighErrorRate",
            "MarkproofSplitViewEvidence",
            "MarkproofAuditFailed")) {
      assertTrue(names.contains(alert), alert + " missing from " + names);
    }
  }

  /** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens. */
  static Set<String> anchors(String markdown) {
    Set<String> anchors = new TreeSet<>();
    Matcher heading = HEADING.matcher(markdown);
    while (heading.find()) {
      anchors.add(
          heading
              .group(1)
              .strip()
              .toLowerCase(Locale.ROOT)
              .replaceAll("[^a-z0-9 _-]", "")
              .replace(' ', '-'));
    }
    return anchors;
  }

  private static List<JsonNode> alerts() {
    List<JsonNode> alerts = new ArrayList<>();
    for (RenderedObject rule : Kustomize.overlay("prod").ofKind("PrometheusRule")) {
      for (JsonNode group : rule.raw().path("spec").path("groups")) {
        for (JsonNode r : group.path("rules")) {
          if (r.has("alert")) {
            alerts.add(r);
          }
        }
      }
    }
    return alerts;
  }

  private static String runbook() throws IOException {
    return Files.readString(RepositoryLayout.runbook(), StandardCharsets.UTF_8);
  }
}
