package org.markproof.service.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeProjection;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The production overlay: several pods over zones, PostgreSQL that loses no acknowledged entry,
 * backups, and every Secret the pods need made by the cluster, none by hand.
 */
class ProductionOverlayTest {
  private static RenderedManifests prod() {
    return Kustomize.overlay("prod");
  }

  @Test
  void atLeastThreeServicePodsSpreadOverZones() {
    RenderedManifests prod = prod();
    Deployment deployment = prod.one(Deployment.class, "markproof");
    assertNull(
        deployment.getSpec().getReplicas(), "the autoscaler owns the replica count, not apply");
    HorizontalPodAutoscaler autoscaler = prod.one(HorizontalPodAutoscaler.class, "markproof");
    assertEquals("Deployment", autoscaler.getSpec().getScaleTargetRef().getKind());
    assertEquals("markproof", autoscaler.getSpec().getScaleTargetRef().getName());
    assertTrue(autoscaler.getSpec().getMinReplicas() >= 3, "minReplicas");
    assertTrue(
        deployment.getSpec().getTemplate().getSpec().getTopologySpreadConstraints().stream()
            .anyMatch(
                c ->
                    c.getTopologyKey().equals("topology.kubernetes.io/zone")
                        && c.getWhenUnsatisfiable().equals("DoNotSchedule")
                        && c.getMaxSkew() == 1),
        "no hard one-per-zone spread");
  }

  @Test
  void disruptionBudgetKeepsAMinimumOfServingPods() {
    RenderedManifests prod = prod();
    PodDisruptionBudget budget = prod.one(PodDisruptionBudget.class, "markproof");
    assertNull(budget.getSpec().getMaxUnavailable());
    assertEquals(2, budget.getSpec().getMinAvailable().getIntVal());
    assertEquals(
        prod.one(Deployment.class, "markproof").getSpec().getSelector().getMatchLabels(),
        budget.getSpec().getSelector().getMatchLabels());
  }

  @Test
  void postgresqlNeverAcknowledgesACommitHeldByOneServer() {
    JsonNode spec = prod().custom("Cluster", "markproof-db").raw().path("spec");
    assertEquals(3, spec.path("instances").asInt());
    JsonNode synchronous = spec.path("postgresql").path("synchronous");
    assertEquals("any", synchronous.path("method").asText());
    assertEquals(1, synchronous.path("number").asInt());
    assertEquals("required", synchronous.path("dataDurability").asText());
    assertTrue(synchronous.path("failoverQuorum").asBoolean());
    assertEquals("topology.kubernetes.io/zone", spec.path("affinity").path("topologyKey").asText());
    assertEquals("required", spec.path("affinity").path("podAntiAffinityType").asText());
  }

  /**
   * A sequencer whose node vanishes keeps its advisory lock until PostgreSQL drops the dead session
   * (docs/log-engine.md, "Takeover bound"): server keepalives bound that to a minute.
   */
  @Test
  void aVanishedSequencersSessionIsDroppedWithinAMinute() {
    JsonNode parameters =
        prod()
            .custom("Cluster", "markproof-db")
            .raw()
            .path("spec")
            .path("postgresql")
            .path("parameters");
    long idle = Long.parseLong(parameters.path("tcp_keepalives_idle").asText("0"));
    long interval = Long.parseLong(parameters.path("tcp_keepalives_interval").asText("0"));
    long count = Long.parseLong(parameters.path("tcp_keepalives_count").asText("0"));
    assertTrue(idle > 0 && interval > 0 && count > 0, "keepalives not set: " + parameters);
    assertTrue(
        idle + interval * count <= 60, "dead sessions live " + (idle + interval * count) + " s");
  }

  @Test
  void walIsArchivedAndBaseBackupsAreScheduledToTheSameObjectStore() {
    RenderedManifests prod = prod();
    RenderedObject cluster = prod.custom("Cluster", "markproof-db");
    List<JsonNode> archivers = new ArrayList<>();
    cluster
        .raw()
        .path("spec")
        .path("plugins")
        .forEach(
            p -> {
              if (p.path("isWALArchiver").asBoolean()) {
                archivers.add(p);
              }
            });
    assertEquals(1, archivers.size(), "one WAL archiver plugin");
    String plugin = archivers.get(0).path("name").asText();
    String store = archivers.get(0).path("parameters").path("barmanObjectName").asText();
    prod.custom("ObjectStore", store);

    List<RenderedObject> backups = prod.ofKind("ScheduledBackup");
    assertFalse(backups.isEmpty(), "no ScheduledBackup");
    for (RenderedObject backup : backups) {
      JsonNode spec = backup.raw().path("spec");
      assertEquals(cluster.name(), spec.path("cluster").path("name").asText());
      assertEquals("plugin", spec.path("method").asText());
      assertEquals(plugin, spec.path("pluginConfiguration").path("name").asText());
      // CloudNativePG's schedule starts with seconds: six fields, not a CronJob's five.
      assertEquals(
          6, spec.path("schedule").asText().trim().split("\\s+").length, "schedule fields");
    }
  }

  @Test
  void serviceWritesToThePrimaryAsTheGeneratedApplicationUser() {
    RenderedManifests prod = prod();
    RenderedObject cluster = prod.custom("Cluster", "markproof-db");
    URI url = URI.create(ServiceEnvironmentTest.environment(prod).get("MARKPROOF_DATABASE_URL"));
    assertEquals(cluster.name() + "-rw", url.getHost());
    assertEquals(5432, url.getPort());
    assertEquals(
        "/" + cluster.raw().path("spec").path("bootstrap").path("initdb").path("database").asText(),
        url.getPath());
    Container service =
        prod.workloadRunning(ServiceEnvironmentTest.SERVICE_CONTAINER)
            .container(ServiceEnvironmentTest.SERVICE_CONTAINER);
    for (String variable : List.of("MARKPROOF_DATABASE_USERNAME", "MARKPROOF_DATABASE_PASSWORD")) {
      EnvVar env =
          service.getEnv().stream().filter(e -> e.getName().equals(variable)).findFirst().get();
      assertEquals(
          cluster.name() + "-app", env.getValueFrom().getSecretKeyRef().getName(), variable);
    }
  }

  /**
   * Every Secret a pod or the database reads is made on the cluster by the rendered objects: an
   * ExternalSecret or the CloudNativePG operator. Nothing is left to be created by hand in prod.
   */
  @Test
  void everySecretReadIsMadeByExternalSecretsOrTheOperator() {
    RenderedManifests prod = prod();
    Set<String> made = new TreeSet<>();
    for (RenderedObject external : prod.ofKind("ExternalSecret")) {
      made.add(external.raw().path("spec").path("target").path("name").asText(external.name()));
    }
    for (RenderedObject cluster : prod.ofKind("Cluster")) {
      made.add(cluster.name() + "-app");
    }
    Set<String> read = new TreeSet<>();
    for (Workload workload : prod.workloads()) {
      read.addAll(secretsReadBy(workload));
    }
    for (RenderedObject store : prod.ofKind("ObjectStore")) {
      store
          .raw()
          .path("spec")
          .path("configuration")
          .path("s3Credentials")
          .forEach(reference -> read.add(reference.path("name").asText()));
    }
    assertFalse(read.isEmpty());
    read.removeAll(made);
    assertEquals(Set.of(), read, "Secrets nothing in prod makes");
  }

  static Set<String> secretsReadBy(Workload workload) {
    Set<String> names = new TreeSet<>();
    for (Container container : workload.allContainers()) {
      for (EnvVar env : container.getEnv()) {
        if (env.getValueFrom() != null && env.getValueFrom().getSecretKeyRef() != null) {
          names.add(env.getValueFrom().getSecretKeyRef().getName());
        }
      }
      container.getEnvFrom().stream()
          .filter(e -> e.getSecretRef() != null)
          .forEach(e -> names.add(e.getSecretRef().getName()));
    }
    for (Volume volume : workload.spec().getVolumes()) {
      if (volume.getSecret() != null) {
        names.add(volume.getSecret().getSecretName());
      }
      if (volume.getProjected() != null) {
        for (VolumeProjection source : volume.getProjected().getSources()) {
          if (source.getSecret() != null) {
            names.add(source.getSecret().getName());
          }
        }
      }
    }
    return names;
  }
}
