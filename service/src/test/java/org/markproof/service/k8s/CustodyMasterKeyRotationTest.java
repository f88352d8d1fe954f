package org.markproof.service.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Container;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The custody master key in the manifests: production mounts it from an ExternalSecret as {@code
 * markproof.custody.master-key-file}; during a rotation the component {@code
 * k8s/components/custody-master-key-rotation} adds the retired key as {@code
 * markproof.custody.previous-master-key-files} without dropping any other key file
 * (docs/operations.md, "Custodial master key"). The rotation render is {@code
 * src/test/resources/k8s/custody-master-key-rotation}: the prod overlay plus that component.
 */
class CustodyMasterKeyRotationTest {
  private static final ConfigurationKeys KEYS =
      ConfigurationKeys.ofServiceModule(RepositoryLayout.serviceModule());
  private static final String CURRENT = "MARKPROOF_CUSTODY_MASTER_KEY_FILE";
  private static final String PREVIOUS = "MARKPROOF_CUSTODY_PREVIOUS_MASTER_KEY_FILES";

  private static RenderedManifests rotation() {
    return Kustomize.render(
        RepositoryLayout.serviceModule()
            .resolve("src/test/resources/k8s/custody-master-key-rotation"));
  }

  @Test
  void productionMountsTheMasterKeyFromTheSecretManager() {
    RenderedManifests prod = Kustomize.overlay("prod");
    Map<String, String> environment = ServiceEnvironmentTest.environment(prod);
    assertEquals(
        "markproof.custody.master-key-file",
        KEYS.keyFor(CURRENT).orElse("none"),
        "key of " + CURRENT);
    assertTrue(environment.containsKey(CURRENT), "prod does not set " + CURRENT);
    assertTrue(!environment.containsKey(PREVIOUS), "prod outside a rotation sets " + PREVIOUS);
    assertTrue(madeByExternalSecrets(prod).contains("markproof-custody-master-key"));
  }

  @Test
  void theRotationComponentAddsThePreviousKeyAndKeepsTheOthers() {
    RenderedManifests prod = Kustomize.overlay("prod");
    RenderedManifests rotating = rotation();
    Map<String, String> before = ServiceEnvironmentTest.environment(prod);
    Map<String, String> during = ServiceEnvironmentTest.environment(rotating);
    assertEquals(
        "markproof.custody.previous-master-key-files",
        KEYS.keyFor(PREVIOUS).orElse("none"),
        "key of " + PREVIOUS);
    assertTrue(during.containsKey(PREVIOUS), "the component does not set " + PREVIOUS);

    Workload workload = rotating.workloadRunning(ServiceEnvironmentTest.SERVICE_CONTAINER);
    Container service = workload.container(ServiceEnvironmentTest.SERVICE_CONTAINER);
    for (Map.Entry<String, String> variable : during.entrySet()) {
      if (variable.getKey().endsWith("_FILE")
          || variable.getKey().endsWith("_FILES")
          || variable.getKey().endsWith("_LOCATION")) {
        for (String file : variable.getValue().split(",")) {
          assertTrue(
              ServiceEnvironmentTest.providedFile(workload, service, file.strip()),
              variable.getKey() + ": no volume provides " + file);
        }
      }
    }
    assertTrue(
        !during.get(PREVIOUS).contains(during.get(CURRENT)),
        "the previous key file is the current one");
    before.forEach(
        (name, value) ->
            assertEquals(value, during.get(name), name + " changed by the rotation component"));

    Set<String> read =
        ProductionOverlayTest.secretsReadBy(
            rotating.workloadRunning(ServiceEnvironmentTest.SERVICE_CONTAINER));
    assertTrue(
        read.containsAll(
            ProductionOverlayTest.secretsReadBy(
                prod.workloadRunning(ServiceEnvironmentTest.SERVICE_CONTAINER))),
        "the rotation dropped a Secret the service reads: " + read);
    Set<String> unmade = new TreeSet<>(read);
    unmade.removeAll(madeByExternalSecrets(rotating));
    assertEquals(Set.of("markproof-db-app"), unmade, "Secrets no ExternalSecret makes");
    assertEquals(
        List.of("markproof"),
        rotating.ofKind("ExternalSecret").stream()
            .map(e -> e.raw().path("metadata").path("namespace").asText())
            .distinct()
            .toList());
  }

  static Set<String> madeByExternalSecrets(RenderedManifests rendered) {
    Set<String> made = new TreeSet<>();
    for (RenderedObject external : rendered.ofKind("ExternalSecret")) {
      made.add(external.raw().path("spec").path("target").path("name").asText(external.name()));
    }
    return made;
  }
}
