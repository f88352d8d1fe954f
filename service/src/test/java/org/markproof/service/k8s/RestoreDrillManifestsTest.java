package org.markproof.service.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.ConfigMapKeySelector;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The restore drill's overlay (docs/operations.md "Restore drill"): one verifier-only service pod
 * in its own namespace on the restored Cluster, and the audit CronJob against it. It reads the
 * log's verifier key from the ConfigMap the audit reads, and no Secret of production's keys: no log
 * signer or timestamp key, no custody master key, nothing an ExternalSecret would fetch.
 */
class RestoreDrillManifestsTest {
  private static final ConfigurationKeys KEYS =
      ConfigurationKeys.ofServiceModule(RepositoryLayout.serviceModule());
  private static final String VERIFIER_KEYS = "MARKPROOF_LOG_VERIFIER_KEYS";

  @Test
  void theServiceReadsTheLogsVerifierKeyAndNoSigningSecret() {
    RenderedManifests drill = Kustomize.overlay("drill");
    Map<String, String> environment = ServiceEnvironmentTest.environment(drill);
    for (String signing :
        List.of(
            "MARKPROOF_LOG_SIGNER_KEY_FILE",
            "MARKPROOF_LOG_TIMESTAMP_KEY_FILE",
            "MARKPROOF_LOG_ADDITIONAL_SIGNER_KEY_FILES",
            "MARKPROOF_CUSTODY_MASTER_KEY_FILE")) {
      assertFalse(environment.containsKey(signing), "the drill sets " + signing);
    }
    assertEquals("markproof.log.verifier-keys", KEYS.keyFor(VERIFIER_KEYS).orElse("none"));
    assertEquals("false", environment.get("MARKPROOF_SEQUENCER_ENABLED"));

    Workload service = drill.workloadRunning(ServiceEnvironmentTest.SERVICE_CONTAINER);
    assertEquals(
        Set.of("markproof-db-app", "markproof-jwt-verification-key", "markproof-verdict-key"),
        ProductionOverlayTest.secretsReadBy(service),
        "Secrets the drill's service reads");
    Container container = service.container(ServiceEnvironmentTest.SERVICE_CONTAINER);
    for (Map.Entry<String, String> variable : environment.entrySet()) {
      if (variable.getKey().endsWith("_FILE") || variable.getKey().endsWith("_LOCATION")) {
        assertTrue(
            ServiceEnvironmentTest.providedFile(service, container, variable.getValue()),
            variable + ": no volume provides it");
      }
    }

    // The service and the audit read the one public verifier key.
    ConfigMapKeySelector key = configMapKey(container, VERIFIER_KEYS);
    Container audit = drill.workloadRunning("audit").container("audit");
    ConfigMapKeySelector auditKey = configMapKey(audit, "LOG_VKEY");
    assertEquals("markproof-log-verifier", key.getName());
    assertEquals("log.vkey", key.getKey());
    assertEquals(auditKey.getName(), key.getName());
    assertEquals(auditKey.getKey(), key.getKey());
  }

  @Test
  void oneReplicaOnTheRestoredClusterInTheDrillNamespaceWithNothingFromTheSecretManager() {
    RenderedManifests drill = Kustomize.overlay("drill");
    assertEquals(
        "markproof-drill", drill.ofKind("Namespace").get(0).name(), "the drill's namespace");
    assertEquals(1, drill.one(Deployment.class, "markproof").getSpec().getReplicas());
    assertEquals(List.of(), drill.ofKind("HorizontalPodAutoscaler"));
    assertEquals(List.of(), drill.ofKind("ExternalSecret"));
    assertEquals(
        "postgresql://markproof-db-rw:5432/markproof",
        ServiceEnvironmentTest.environment(drill).get("MARKPROOF_DATABASE_URL"));
  }

  private static ConfigMapKeySelector configMapKey(Container container, String variable) {
    EnvVar env =
        container.getEnv().stream()
            .filter(e -> e.getName().equals(variable))
            .findFirst()
            .orElseThrow(() -> new AssertionError(container.getName() + " sets no " + variable));
    assertTrue(
        env.getValueFrom() != null && env.getValueFrom().getConfigMapKeyRef() != null,
        variable + " is not read from a ConfigMap");
    return env.getValueFrom().getConfigMapKeyRef();
  }
}
