package org.markproof.service.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kustomization under k8s/ renders, and what it renders is what the Kubernetes API and the
 * operators' custom resources define: no field fabric8's model does not know, no custom resource
 * field outside our expected-fields list.
 */
class ManifestRenderingTest {
  /** Kinds that must come back typed: a GenericKubernetesResource would mean a wrong apiVersion. */
  private static final Set<String> CORE_KINDS =
      Set.of(
          "Namespace",
          "ServiceAccount",
          "ConfigMap",
          "Service",
          "Deployment",
          "StatefulSet",
          "CronJob",
          "PodDisruptionBudget",
          "HorizontalPodAutoscaler",
          "NetworkPolicy");

  static Stream<String> overlays() throws IOException {
    try (Stream<Path> dirs = Files.list(RepositoryLayout.k8s().resolve("overlays"))) {
      return dirs
          .filter(Files::isDirectory)
          .map(d -> d.getFileName().toString())
          .sorted()
          .toList()
          .stream();
    }
  }

  static Stream<String> components() throws IOException {
    try (Stream<Path> dirs = Files.list(RepositoryLayout.k8s().resolve("components"))) {
      return dirs
          .filter(Files::isDirectory)
          .map(d -> d.getFileName().toString())
          .sorted()
          .toList()
          .stream();
    }
  }

  @Test
  void theOverlaysAreDevDrillAndProd() throws IOException {
    assertEquals(List.of("dev", "drill", "prod"), overlays().toList());
  }

  @ParameterizedTest
  @MethodSource("overlays")
  void overlayRendersIntoOneNamespace(String overlay) {
    RenderedManifests rendered = Kustomize.overlay(overlay);
    assertFalse(rendered.objects().isEmpty(), overlay + " renders nothing");
    List<RenderedObject> namespaces = rendered.ofKind("Namespace");
    assertEquals(1, namespaces.size(), overlay + ": expected one Namespace object");
    String namespace = namespaces.get(0).name();
    List<String> elsewhere = new ArrayList<>();
    for (RenderedObject object : rendered.objects()) {
      String actual = object.raw().path("metadata").path("namespace").asText();
      if (!object.kind().equals("Namespace") && !namespace.equals(actual)) {
        elsewhere.add(object.describe() + " in '" + actual + "'");
      }
    }
    assertEquals(List.of(), elsewhere, overlay + ": objects outside namespace " + namespace);
  }

  @Test
  void baseRendersOnItsOwn() {
    RenderedManifests base = Kustomize.render(RepositoryLayout.k8s().resolve("base"));
    assertNotNull(base.one(io.fabric8.kubernetes.api.model.apps.Deployment.class, "markproof"));
    assertNoUnknownFields(base);
  }

  /** Each component also renders on the base alone, so that an operator can pick any of them. */
  @ParameterizedTest
  @MethodSource("components")
  void componentRendersOnTheBase(String component, @TempDir Path dir) throws IOException {
    // kustomize takes only relative paths to other kustomizations.
    Path k8s = dir.toAbsolutePath().relativize(RepositoryLayout.k8s());
    Files.writeString(
        dir.resolve("kustomization.yaml"),
        "apiVersion: kustomize.config.k8s.io/v1beta1\n"
            + "kind: Kustomization\n"
            + "resources:\n  - "
            + k8s.resolve("base")
            + "\ncomponents:\n  - "
            + k8s.resolve("components").resolve(component)
            + "\n");
    RenderedManifests rendered = Kustomize.render(dir);
    assertNoUnknownFields(rendered);
    assertCustomResourcesConform(rendered);
  }

  @ParameterizedTest
  @MethodSource("overlays")
  void everyTypedObjectHasOnlyKnownFields(String overlay) {
    assertNoUnknownFields(Kustomize.overlay(overlay));
  }

  @ParameterizedTest
  @MethodSource("overlays")
  void coreKindsAreReadIntoTheirTypedModel(String overlay) {
    List<String> untyped =
        Kustomize.overlay(overlay).objects().stream()
            .filter(o -> CORE_KINDS.contains(o.kind()) && o.isCustomResource())
            .map(RenderedObject::describe)
            .toList();
    assertEquals(List.of(), untyped, overlay + ": unknown apiVersion for a core kind");
  }

  @ParameterizedTest
  @MethodSource("overlays")
  void customResourcesUseOnlyExpectedFields(String overlay) {
    assertCustomResourcesConform(Kustomize.overlay(overlay));
  }

  @Test
  void prodRendersTheCustomResourcesOfEachComponent() {
    List<String> kinds =
        Kustomize.overlay("prod").objects().stream()
            .filter(RenderedObject::isCustomResource)
            .map(RenderedObject::kind)
            .distinct()
            .sorted()
            .toList();
    assertEquals(
        List.of(
            "Cluster",
            "ExternalSecret",
            "ObjectStore",
            "PodMonitor",
            "PrometheusRule",
            "ScheduledBackup",
            "ServiceMonitor"),
        kinds);
  }

  /** The walker itself: a misspelt field in a typed object is found, with its path. */
  @Test
  void findsAMisspeltFieldInADeployment() throws IOException {
    RenderedManifests parsed =
        Kustomize.parse(
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: x
            spec:
              selector:
                matchLabels: {app: x}
              template:
                metadata:
                  labels: {app: x}
                spec:
                  containers:
                    - name: c
                      image: c:1
                      readinesProbe:
                        httpGet: {path: /, port: 80}
            """,
            Path.of("inline"));
    assertEquals(
        List.of("spec.template.spec.containers[0]: [readinesProbe]"),
        UnknownFields.in(parsed.objects().get(0).typed()));
  }

  /** And the expected-fields list: a custom resource field out of place is reported. */
  @Test
  void findsAMisplacedFieldInACustomResource() throws IOException {
    RenderedManifests parsed =
        Kustomize.parse(
            """
            apiVersion: postgresql.cnpg.io/v1
            kind: Cluster
            metadata:
              name: x
            spec:
              instances: "3"
              storage: {size: 1Gi}
              synchronous: {method: any, number: 1}
              resources:
                requests: {cpu: 1}
                limts: {cpu: 1}
            """,
            Path.of("inline"));
    assertEquals(
        List.of(
            "spec.instances: expected integer, got \"3\"",
            "spec.synchronous: not an expected field",
            "spec.resources: [limts] unknown to ResourceRequirements"),
        CustomResourceFields.load().violations(parsed.objects().get(0)));
  }

  private static void assertNoUnknownFields(RenderedManifests rendered) {
    List<String> unknown = new ArrayList<>();
    for (RenderedObject object : rendered.objects()) {
      for (String path : UnknownFields.in(object.typed())) {
        unknown.add(object.describe() + " " + path);
      }
    }
    assertEquals(List.of(), unknown, rendered.source() + ": fields the Kubernetes model lacks");
  }

  private static void assertCustomResourcesConform(RenderedManifests rendered) {
    CustomResourceFields fields = CustomResourceFields.load();
    List<String> violations = new ArrayList<>();
    for (RenderedObject object : rendered.objects()) {
      if (object.isCustomResource()) {
        fields.violations(object).forEach(v -> violations.add(object.describe() + " " + v));
      }
    }
    assertEquals(List.of(), violations, rendered.source() + ": custom resource fields");
  }
}
