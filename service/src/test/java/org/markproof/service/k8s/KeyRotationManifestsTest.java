package org.markproof.service.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Container;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.markproof.contracts.note.Ed25519NoteVerifier;

/**
 * The log and verdict keys in the manifests (docs/operations.md, "Key rotation"): production mounts
 * the verdict key from an ExternalSecret like the log keys; through a log key rotation window the
 * component {@code k8s/components/log-key-rotation} adds the new checkpoint key as {@code
 * markproof.log.additional-signer-key-files} without dropping any other key file; after the
 * rotations the retired keys' public halves are plain settings. The renders are under {@code
 * src/test/resources/k8s/}: {@code log-key-rotation} (prod plus the component) and {@code
 * keys-rotated} (prod plus the two settings).
 */
class KeyRotationManifestsTest {
  private static final ConfigurationKeys KEYS =
      ConfigurationKeys.ofServiceModule(RepositoryLayout.serviceModule());
  private static final String VERDICT_KEY = "MARKPROOF_SCAN_VERDICT_KEY_FILE";
  private static final String SIGNER = "MARKPROOF_LOG_SIGNER_KEY_FILE";
  private static final String ADDITIONAL = "MARKPROOF_LOG_ADDITIONAL_SIGNER_KEY_FILES";
  private static final String RETIRED = "MARKPROOF_LOG_RETIRED_VERIFIER_KEYS";
  private static final String PREVIOUS_VERDICT = "MARKPROOF_SCAN_PREVIOUS_VERDICT_KEYS";

  private static RenderedManifests render(String name) {
    return Kustomize.render(
        RepositoryLayout.serviceModule().resolve("src/test/resources/k8s/" + name));
  }

  @Test
  void productionMountsTheVerdictKeyFromTheSecretManagerAndSetsNoRotation() {
    RenderedManifests prod = Kustomize.overlay("prod");
    Map<String, String> environment = ServiceEnvironmentTest.environment(prod);
    assertEquals("markproof.scan.verdict-key-file", KEYS.keyFor(VERDICT_KEY).orElse("none"));
    Workload workload = prod.workloadRunning(ServiceEnvironmentTest.SERVICE_CONTAINER);
    Container service = workload.container(ServiceEnvironmentTest.SERVICE_CONTAINER);
    assertTrue(
        ServiceEnvironmentTest.providedFile(workload, service, environment.get(VERDICT_KEY)),
        "no volume provides " + environment.get(VERDICT_KEY));
    assertTrue(
        CustodyMasterKeyRotationTest.madeByExternalSecrets(prod).contains("markproof-verdict-key"));
    for (String rotation : List.of(ADDITIONAL, RETIRED, PREVIOUS_VERDICT)) {
      assertFalse(environment.containsKey(rotation), "prod outside a rotation sets " + rotation);
    }
  }

  @Test
  void theLogRotationComponentAddsTheNextSignerKeyAndKeepsTheOthers() {
    RenderedManifests prod = Kustomize.overlay("prod");
    RenderedManifests rotating = render("log-key-rotation");
    Map<String, String> before = ServiceEnvironmentTest.environment(prod);
    Map<String, String> during = ServiceEnvironmentTest.environment(rotating);
    assertEquals(
        "markproof.log.additional-signer-key-files", KEYS.keyFor(ADDITIONAL).orElse("none"));
    assertTrue(during.containsKey(ADDITIONAL), "the component does not set " + ADDITIONAL);

    Workload workload = rotating.workloadRunning(ServiceEnvironmentTest.SERVICE_CONTAINER);
    Container service = workload.container(ServiceEnvironmentTest.SERVICE_CONTAINER);
    for (String file : during.get(ADDITIONAL).split(",")) {
      assertTrue(
          ServiceEnvironmentTest.providedFile(workload, service, file.strip()),
          ADDITIONAL + ": no volume provides " + file);
      assertFalse(file.strip().equals(during.get(SIGNER)), "the next key file is the current one");
    }
    before.forEach(
        (name, value) ->
            assertEquals(value, during.get(name), name + " changed by the rotation component"));

    Set<String> read =
        ProductionOverlayTest.secretsReadBy(
            rotating.workloadRunning(ServiceEnvironmentTest.SERVICE_CONTAINER));
    assertTrue(read.contains("markproof-log-next-signer-key"), read.toString());
    Set<String> unmade = new TreeSet<>(read);
    unmade.removeAll(CustodyMasterKeyRotationTest.madeByExternalSecrets(rotating));
    assertEquals(Set.of("markproof-db-app"), unmade, "Secrets no ExternalSecret makes");
  }

  @Test
  void retiredLogKeysAndPreviousVerdictKeysArePublicSettingsOfTheService() throws Exception {
    Map<String, String> rotated = ServiceEnvironmentTest.environment(render("keys-rotated"));
    assertEquals("markproof.log.retired-verifier-keys", KEYS.keyFor(RETIRED).orElse("none"));
    assertEquals(
        "markproof.scan.previous-verdict-keys", KEYS.keyFor(PREVIOUS_VERDICT).orElse("none"));
    for (String variable : List.of(RETIRED, PREVIOUS_VERDICT)) {
      assertTrue(rotated.containsKey(variable), variable);
      for (String key : rotated.get(variable).split(",")) {
        // A verifier key (public): parses as one, and is no signer key.
        Ed25519NoteVerifier.parse(key.strip());
      }
    }
  }
}
