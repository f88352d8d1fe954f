package org.markproof.service.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Capabilities;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.SeccompProfile;
import io.fabric8.kubernetes.api.model.SecurityContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every pod any overlay renders runs locked down (the "restricted" Pod Security Standard and a
 * read-only root file system), with requests and limits, from images pinned by tag or digest.
 */
class WorkloadHardeningTest {

  @ParameterizedTest
  @ValueSource(strings = {"dev", "drill", "prod"})
  void everyPodRunsAsNonRootWithTheRuntimeDefaultSeccompProfile(String overlay) {
    List<String> violations = new ArrayList<>();
    for (Workload workload : workloads(overlay)) {
      PodSecurityContext pod = workload.spec().getSecurityContext();
      if (pod == null || !Boolean.TRUE.equals(pod.getRunAsNonRoot())) {
        violations.add(workload.describe() + ": runAsNonRoot is not true");
      }
      if (pod != null && Long.valueOf(0).equals(pod.getRunAsUser())) {
        violations.add(workload.describe() + ": runAsUser 0");
      }
      for (Container container : workload.allContainers()) {
        SeccompProfile profile =
            Optional.ofNullable(container.getSecurityContext())
                .map(SecurityContext::getSeccompProfile)
                .orElse(pod == null ? null : pod.getSeccompProfile());
        if (profile == null || !"RuntimeDefault".equals(profile.getType())) {
          violations.add(where(workload, container) + ": seccomp profile is not RuntimeDefault");
        }
      }
      if (!Boolean.FALSE.equals(workload.spec().getAutomountServiceAccountToken())) {
        violations.add(workload.describe() + ": mounts a service account token");
      }
    }
    assertEquals(List.of(), violations, overlay);
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "drill", "prod"})
  void everyContainerDropsAllCapabilitiesAndHasAReadOnlyRoot(String overlay) {
    List<String> violations = new ArrayList<>();
    for (Workload workload : workloads(overlay)) {
      for (Container container : workload.allContainers()) {
        SecurityContext context = container.getSecurityContext();
        String where = where(workload, container);
        if (context == null) {
          violations.add(where + ": no securityContext");
          continue;
        }
        if (!Boolean.FALSE.equals(context.getAllowPrivilegeEscalation())) {
          violations.add(where + ": allowPrivilegeEscalation is not false");
        }
        if (!Boolean.TRUE.equals(context.getReadOnlyRootFilesystem())) {
          violations.add(where + ": readOnlyRootFilesystem is not true");
        }
        if (Boolean.TRUE.equals(context.getPrivileged())) {
          violations.add(where + ": privileged");
        }
        Capabilities capabilities = context.getCapabilities();
        if (capabilities == null || !capabilities.getDrop().contains("ALL")) {
          violations.add(where + ": does not drop ALL capabilities");
        } else if (!capabilities.getAdd().isEmpty()) {
          violations.add(where + ": adds capabilities " + capabilities.getAdd());
        }
      }
    }
    assertEquals(List.of(), violations, overlay);
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "drill", "prod"})
  void everyContainerRequestsAndLimitsCpuAndMemory(String overlay) {
    List<String> violations = new ArrayList<>();
    for (Workload workload : workloads(overlay)) {
      for (Container container : workload.allContainers()) {
        violations.addAll(resourceViolations(where(workload, container), container.getResources()));
      }
    }
    assertEquals(List.of(), violations, overlay);
  }

  @Test
  void theDatabaseAndItsBackupSidecarRequestAndLimitToo() {
    RenderedManifests prod = Kustomize.overlay("prod");
    List<String> violations = new ArrayList<>();
    for (RenderedObject cluster : prod.ofKind("Cluster")) {
      violations.addAll(
          resourceViolations(
              cluster.describe(),
              Kustomize.SERIALIZATION.convertValue(
                  cluster.raw().path("spec").path("resources"), ResourceRequirements.class)));
    }
    for (RenderedObject store : prod.ofKind("ObjectStore")) {
      violations.addAll(
          resourceViolations(
              store.describe() + " sidecar",
              Kustomize.SERIALIZATION.convertValue(
                  store.raw().path("spec").path("instanceSidecarConfiguration").path("resources"),
                  ResourceRequirements.class)));
    }
    assertFalse(prod.ofKind("Cluster").isEmpty(), "prod renders no CloudNativePG Cluster");
    assertEquals(List.of(), violations);
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "drill", "prod"})
  void everyImageIsPinnedByTagOrDigest(String overlay) {
    RenderedManifests rendered = Kustomize.overlay(overlay);
    List<String> images = new ArrayList<>();
    for (Workload workload : rendered.workloads()) {
      workload.allContainers().forEach(c -> images.add(c.getImage()));
    }
    rendered
        .ofKind("Cluster")
        .forEach(c -> images.add(c.raw().path("spec").path("imageName").asText()));
    List<String> unpinned = images.stream().filter(i -> !isPinned(i)).toList();
    assertFalse(images.isEmpty(), overlay + " renders no image");
    assertEquals(List.of(), unpinned, overlay + ": images without a fixed tag or digest");
  }

  @Test
  void pinningAcceptsATagOrDigestAndRejectsLatestOrNone() {
    for (String pinned :
        List.of(
            "markproof/service:0.1.0",
            "registry.example:5000/markproof/service:1.2",
            "ghcr.io/cloudnative-pg/postgresql@sha256:" + "0a".repeat(32))) {
      assertTrue(isPinned(pinned), pinned);
    }
    for (String floating :
        List.of(
            "registry.example:5000/markproof/service",
            "markproof/service:latest",
            "postgres",
            "postgres:")) {
      assertFalse(isPinned(floating), floating);
    }
  }

  /**
   * A digest, or a tag other than {@code latest} (the tag is after the last path segment's colon).
   */
  static boolean isPinned(String image) {
    if (image.matches(".+@sha256:[0-9a-f]{64}")) {
      return true;
    }
    String lastSegment = image.substring(image.lastIndexOf('/') + 1);
    int colon = lastSegment.indexOf(':');
    return colon > 0
        && colon < lastSegment.length() - 1
        && !lastSegment.substring(colon + 1).equals("latest");
  }

  private static List<String> resourceViolations(String where, ResourceRequirements resources) {
    List<String> violations = new ArrayList<>();
    Map<String, Quantity> requests = resources == null ? Map.of() : resources.getRequests();
    Map<String, Quantity> limits = resources == null ? Map.of() : resources.getLimits();
    for (String resource : List.of("cpu", "memory")) {
      if (!requests.containsKey(resource)) {
        violations.add(where + ": no " + resource + " request");
      }
      if (!limits.containsKey(resource)) {
        violations.add(where + ": no " + resource + " limit");
      }
    }
    return violations;
  }

  private static List<Workload> workloads(String overlay) {
    List<Workload> workloads = Kustomize.overlay(overlay).workloads();
    assertFalse(workloads.isEmpty(), overlay + " renders no workload");
    return workloads;
  }

  private static String where(Workload workload, Container container) {
    return workload.describe() + " container " + container.getName();
  }
}
