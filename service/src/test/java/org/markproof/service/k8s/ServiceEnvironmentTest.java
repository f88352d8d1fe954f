package org.markproof.service.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.KeyToPath;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeProjection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The service container's environment, as every overlay renders it: each variable sets a real
 * configuration key of the service, each file it names is in a mounted volume, and a database
 * server is always configured (without one the service would start an embedded PostgreSQL inside
 * the pod).
 */
class ServiceEnvironmentTest {
  static final String SERVICE_CONTAINER = "service";

  /**
   * Standard Quarkus keys the manifests set that the service's own configuration does not mention:
   * documented Quarkus runtime configuration (quarkus.io/guides/all-config).
   */
  static final Map<String, String> STANDARD_KEYS =
      Map.of("quarkus.shutdown.timeout", "graceful shutdown: how long in-flight work may finish");

  /**
   * Variables the manifests set for keys the sequencer work (issue 6) is adding. Each must leave
   * this list once the service reads it: {@link #plannedVariablesAreNotYetReadByTheService} fails
   * then, so that the list never hides a misspelt name.
   */
  static final Map<String, String> PLANNED_VARIABLES = Map.of();

  private static final ConfigurationKeys KEYS =
      ConfigurationKeys.ofServiceModule(RepositoryLayout.serviceModule());

  @ParameterizedTest
  @ValueSource(strings = {"dev", "drill", "prod"})
  void everyVariableSetsAConfigurationKeyOfTheService(String overlay) {
    RenderedManifests rendered = Kustomize.overlay(overlay);
    Map<String, String> environment = environment(rendered);
    assertFalse(environment.isEmpty(), overlay + ": the service container has no environment");
    List<String> unknown = new ArrayList<>();
    for (String variable : environment.keySet()) {
      Optional<String> key = KEYS.keyFor(variable);
      boolean standard =
          STANDARD_KEYS.keySet().stream()
              .anyMatch(k -> ConfigurationKeys.environmentName(k).equals(variable));
      if (key.isEmpty() && !standard && !PLANNED_VARIABLES.containsKey(variable)) {
        unknown.add(variable);
      }
    }
    assertEquals(
        List.of(),
        unknown,
        overlay
            + ": variables that set no configuration key of the service (misspelt, or a key the"
            + " service does not have)");
  }

  @Test
  void plannedVariablesAreNotYetReadByTheService() {
    List<String> nowRead = new ArrayList<>();
    for (String variable : PLANNED_VARIABLES.keySet()) {
      KEYS.keyFor(variable).ifPresent(key -> nowRead.add(variable + " -> " + key));
    }
    assertEquals(
        List.of(),
        nowRead,
        "the service now reads these: remove them from ServiceEnvironmentTest.PLANNED_VARIABLES");
  }

  @Test
  void everyPlannedVariableIsSetByProduction() {
    Map<String, String> environment = environment(Kustomize.overlay("prod"));
    for (String variable : PLANNED_VARIABLES.keySet()) {
      assertTrue(environment.containsKey(variable), variable + " is planned but not set in prod");
    }
  }

  @Test
  void standardKeysAreNotAlsoTheServiceOwn() {
    for (String key : STANDARD_KEYS.keySet()) {
      assertFalse(
          KEYS.keys().contains(key),
          key + " is now in the service's configuration: drop it from STANDARD_KEYS");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "prod"})
  void everyConfiguredFileIsInAMountedVolume(String overlay) {
    RenderedManifests rendered = Kustomize.overlay(overlay);
    Workload workload = rendered.workloadRunning(SERVICE_CONTAINER);
    Container container = workload.container(SERVICE_CONTAINER);
    List<String> missing = new ArrayList<>();
    int files = 0;
    for (Map.Entry<String, String> variable : environment(rendered).entrySet()) {
      if (variable.getKey().endsWith("_FILE") || variable.getKey().endsWith("_LOCATION")) {
        files++;
        if (!providedFile(workload, container, variable.getValue())) {
          missing.add(variable.getKey() + "=" + variable.getValue());
        }
      }
    }
    assertTrue(files >= 4, overlay + ": expected the key files, found " + files);
    assertEquals(List.of(), missing, overlay + ": files no volume of the container provides");
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "drill", "prod"})
  void aDatabaseServerIsAlwaysConfigured(String overlay) {
    Map<String, String> environment = environment(Kustomize.overlay(overlay));
    String url = environment.get("MARKPROOF_DATABASE_URL");
    assertTrue(
        url != null || environment.containsKey("QUARKUS_DATASOURCE_REACTIVE_URL"),
        overlay + ": no database URL, the service would start an embedded PostgreSQL");
    if (url != null) {
      assertTrue(
          url.matches("postgresql://[a-z0-9.-]+:[0-9]+/[a-z0-9_]+"),
          overlay + ": MARKPROOF_DATABASE_URL " + url);
    }
    assertTrue(environment.containsKey("MARKPROOF_DATABASE_USERNAME"), overlay);
    assertTrue(environment.containsKey("MARKPROOF_DATABASE_PASSWORD"), overlay);
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "drill", "prod"})
  void logsAreJsonForTheClusterLogCollector(String overlay) {
    assertEquals(
        "true", environment(Kustomize.overlay(overlay)).get("QUARKUS_LOG_CONSOLE_JSON_ENABLED"));
  }

  /**
   * The service container's variables, from {@code env} and from the ConfigMaps of {@code envFrom};
   * values of variables read from Secrets are shown as {@code <secret>}.
   */
  static Map<String, String> environment(RenderedManifests rendered) {
    Container container = rendered.workloadRunning(SERVICE_CONTAINER).container(SERVICE_CONTAINER);
    Map<String, String> environment = new LinkedHashMap<>();
    for (EnvFromSource source : container.getEnvFrom()) {
      if (source.getConfigMapRef() == null) {
        throw new AssertionError(
            "envFrom other than a ConfigMap: its variable names cannot be checked: " + source);
      }
      String name = source.getConfigMapRef().getName();
      ConfigMap configMap =
          rendered
              .configMap(name)
              .orElseThrow(() -> new AssertionError(rendered.source() + ": no ConfigMap " + name));
      String prefix = Optional.ofNullable(source.getPrefix()).orElse("");
      configMap.getData().forEach((k, v) -> environment.put(prefix + k, v));
    }
    for (EnvVar variable : container.getEnv()) {
      environment.put(
          variable.getName(), variable.getValue() != null ? variable.getValue() : "<secret>");
    }
    return environment;
  }

  static boolean providedFile(Workload workload, Container container, String file) {
    for (VolumeMount mount : container.getVolumeMounts()) {
      String prefix =
          mount.getMountPath().endsWith("/") ? mount.getMountPath() : mount.getMountPath() + "/";
      if (!file.startsWith(prefix)) {
        continue;
      }
      String relative = file.substring(prefix.length());
      Volume volume =
          workload.spec().getVolumes().stream()
              .filter(v -> v.getName().equals(mount.getName()))
              .findFirst()
              .orElseThrow(() -> new AssertionError("no volume " + mount.getName()));
      return itemPaths(volume).map(paths -> paths.contains(relative)).orElse(true);
    }
    return false;
  }

  /**
   * The file names a Secret, ConfigMap or projected volume provides when all its sources list their
   * items; empty when any source mounts every key (the names are then the Secret's keys).
   */
  private static Optional<List<String>> itemPaths(Volume volume) {
    List<List<KeyToPath>> sources = new ArrayList<>();
    if (volume.getSecret() != null) {
      sources.add(volume.getSecret().getItems());
    } else if (volume.getConfigMap() != null) {
      sources.add(volume.getConfigMap().getItems());
    } else if (volume.getProjected() != null) {
      for (VolumeProjection source : volume.getProjected().getSources()) {
        if (source.getSecret() != null) {
          sources.add(source.getSecret().getItems());
        }
        if (source.getConfigMap() != null) {
          sources.add(source.getConfigMap().getItems());
        }
      }
    }
    if (sources.isEmpty() || sources.stream().anyMatch(List::isEmpty)) {
      return Optional.empty();
    }
    return Optional.of(sources.stream().flatMap(List::stream).map(KeyToPath::getPath).toList());
  }
}
