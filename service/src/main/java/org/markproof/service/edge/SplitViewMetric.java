package org.markproof.service.edge;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * {@code markproof_split_view_evidence_total{source}}: times the service recorded checkpoints
 * signed with this log's key that show another tree than its own — what {@code
 * MarkproofSplitViewEvidence} alerts on. Registered at start, so the series exists at zero.
 */
@ApplicationScoped
@Startup
public class SplitViewMetric {
  /** The meter's name ({@code markproof_split_view_evidence_total} in Prometheus). */
  public static final String NAME = "markproof.split.view.evidence";

  private final Counter edgeUploads;

  SplitViewMetric(MeterRegistry registry) {
    edgeUploads =
        Counter.builder(NAME)
            .description("checkpoints signed with this log's key that show another tree")
            .tag("source", "edge-upload")
            .register(registry);
  }

  /** Counts one new report from a border post that shows a split view. */
  void edgeUpload() {
    edgeUploads.increment();
  }
}
