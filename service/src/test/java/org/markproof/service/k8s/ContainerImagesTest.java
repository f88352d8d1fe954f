package org.markproof.service.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The container builds (not built here: no container engine) start from pinned base images and run
 * as a numeric non-root user, the same UID the manifests run their pods as.
 */
class ContainerImagesTest {
  private static final Path SERVICE_DOCKER =
      RepositoryLayout.serviceModule().resolve("src/main/docker");
  private static final Path EDGE_DOCKER =
      RepositoryLayout.root().resolve("edge-scanner/src/main/docker");

  @ParameterizedTest
  @ValueSource(
      strings = {
        "service/src/main/docker/Dockerfile.jvm",
        "service/src/main/docker/Dockerfile.native",
        "edge-scanner/src/main/docker/Dockerfile"
      })
  void baseImagesArePinnedAndTheImageRunsAsANumericNonRootUser(String file) throws IOException {
    Dockerfile dockerfile = Dockerfile.read(RepositoryLayout.root().resolve(file));
    assertFalse(dockerfile.baseImages().isEmpty(), file + " has no FROM");
    for (String base : dockerfile.baseImages()) {
      assertTrue(WorkloadHardeningTest.isPinned(base), file + ": unpinned base image " + base);
    }
    Optional<Long> uid = dockerfile.finalUid();
    assertTrue(uid.isPresent(), file + ": the final stage has no numeric USER");
    assertTrue(uid.get() > 0, file + ": runs as root");
  }

  @Test
  void theJvmAndNativeImagesRunAsTheUserTheServicePodRunsAs() throws IOException {
    Workload service =
        Kustomize.overlay("prod").workloadRunning(ServiceEnvironmentTest.SERVICE_CONTAINER);
    long podUid = service.spec().getSecurityContext().getRunAsUser();
    for (String file : List.of("Dockerfile.jvm", "Dockerfile.native")) {
      assertEquals(
          Optional.of(podUid), Dockerfile.read(SERVICE_DOCKER.resolve(file)).finalUid(), file);
    }
  }

  @Test
  void theEdgeScannerImageRunsAsTheUserTheAuditPodRunsAs() throws IOException {
    Workload audit = Kustomize.overlay("prod").workloadRunning("audit");
    assertTrue(audit.container("audit").getImage().startsWith("markproof/edge-scanner:"));
    assertEquals(
        Optional.of(audit.spec().getSecurityContext().getRunAsUser()),
        Dockerfile.read(EDGE_DOCKER.resolve("Dockerfile")).finalUid());
  }

  @Test
  void theJvmImageCopiesQuarkusFastJarLayout() throws IOException {
    String text = Files.readString(SERVICE_DOCKER.resolve("Dockerfile.jvm"));
    for (String part : List.of("lib/", "*.jar", "app/", "quarkus/")) {
      assertTrue(text.contains("target/quarkus-app/" + part), "does not copy quarkus-app/" + part);
    }
    assertTrue(text.contains("/deployments/quarkus-run.jar"));
  }

  @Test
  void readingFollowsStagesContinuationsAndTheLastUser(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("Dockerfile");
    Files.writeString(
        file,
        """
        # build
        FROM --platform=linux/amd64 maven:3.9.9-eclipse-temurin-17 AS build
        USER 0
        RUN mvn \\
            package
        FROM build AS test
        FROM registry.example/runtime:latest
        USER 1001:0
        """);
    Dockerfile dockerfile = Dockerfile.read(file);
    assertEquals(
        List.of("maven:3.9.9-eclipse-temurin-17", "registry.example/runtime:latest"),
        dockerfile.baseImages());
    assertEquals(Optional.of(1001L), dockerfile.finalUid());
    assertFalse(WorkloadHardeningTest.isPinned(dockerfile.baseImages().get(1)));
  }
}
