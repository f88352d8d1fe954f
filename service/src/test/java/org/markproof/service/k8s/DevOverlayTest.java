package org.markproof.service.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The dev overlay: one service pod on one plain PostgreSQL with a volume, nothing else to run. */
class DevOverlayTest {
  private static RenderedManifests dev() {
    return Kustomize.overlay("dev");
  }

  @Test
  void oneServicePodAndNoAutoscaler() {
    RenderedManifests dev = dev();
    assertEquals(1, dev.one(Deployment.class, "markproof").getSpec().getReplicas());
    assertEquals(List.of(), dev.typed(HorizontalPodAutoscaler.class));
  }

  @Test
  void postgresqlIsOneStatefulSetWithAPersistentVolumeAndNoOperator() {
    RenderedManifests dev = dev();
    StatefulSet postgres = dev.one(StatefulSet.class, "markproof-postgres");
    assertEquals(1, postgres.getSpec().getReplicas());
    assertEquals(1, postgres.getSpec().getVolumeClaimTemplates().size());
    assertEquals(List.of(), dev.ofKind("Cluster"));
    URI url = URI.create(ServiceEnvironmentTest.environment(dev).get("MARKPROOF_DATABASE_URL"));
    Service service = dev.one(Service.class, url.getHost());
    assertEquals(postgres.getSpec().getServiceName(), service.getMetadata().getName());
    assertEquals(
        postgres.getSpec().getSelector().getMatchLabels(), service.getSpec().getSelector());
    assertTrue(
        service.getSpec().getPorts().stream().anyMatch(p -> p.getPort() == url.getPort()),
        "the URL's port is not the Service's");
  }

  /** Dev has no secret manager: every Secret its pods read is one the runbook says to create. */
  @Test
  void everySecretReadIsOneTheRunbookSaysToCreate() throws IOException {
    String runbook = Files.readString(RepositoryLayout.runbook(), StandardCharsets.UTF_8);
    Set<String> read = new TreeSet<>();
    for (Workload workload : dev().workloads()) {
      read.addAll(ProductionOverlayTest.secretsReadBy(workload));
    }
    assertFalse(read.isEmpty());
    List<String> undocumented = new ArrayList<>();
    for (String secret : read) {
      if (!runbook.contains("kubectl -n markproof-dev create secret generic " + secret)) {
        undocumented.add(secret);
      }
    }
    assertEquals(List.of(), undocumented, "docs/operations.md does not say how to create these");
  }
}
