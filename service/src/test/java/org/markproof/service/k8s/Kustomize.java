package org.markproof.service.k8s;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Renders kustomizations with {@code kubectl kustomize} (kustomize built into kubectl; offline) and
 * reads the output into fabric8's typed model. Renders are cached for the test run.
 *
 * <p>Where kubectl is not installed, every caller is skipped through a JUnit assumption that says
 * so; where it is, a kustomization that does not build fails the test with kubectl's message.
 */
final class Kustomize {
  static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Map<Path, RenderedManifests> RENDERED = new ConcurrentHashMap<>();
  private static volatile Boolean kubectlPresent;

  private Kustomize() {}

  /** The overlay {@code k8s/overlays/<name>}, rendered. */
  static RenderedManifests overlay(String name) {
    return render(RepositoryLayout.overlay(name));
  }

  /** Renders the kustomization in {@code directory}; skips the calling test without kubectl. */
  static RenderedManifests render(Path directory) {
    assumeTrue(
        kubectlPresent(),
        "kubectl is not on the PATH: the checks of the rendered k8s/ manifests are skipped"
            + " (install kubectl 1.27 or later, which includes kustomize, to run them)");
    return RENDERED.computeIfAbsent(directory.toAbsolutePath().normalize(), Kustomize::run);
  }

  static boolean kubectlPresent() {
    if (kubectlPresent == null) {
      String path = System.getenv().getOrDefault("PATH", "");
      kubectlPresent =
          path.isEmpty()
              ? false
              : List.of(path.split(File.pathSeparator)).stream()
                  .anyMatch(dir -> Files.isExecutable(Path.of(dir, "kubectl")));
    }
    return kubectlPresent;
  }

  private static RenderedManifests run(Path directory) {
    try {
      Path output = Files.createTempFile("kustomize", ".yaml");
      Path errors = Files.createTempFile("kustomize", ".err");
      try {
        Process process =
            new ProcessBuilder("kubectl", "kustomize", directory.toString())
                .redirectOutput(output.toFile())
                .redirectError(errors.toFile())
                .start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
          process.destroyForcibly();
          throw new AssertionError("kubectl kustomize " + directory + " did not finish in 120 s");
        }
        if (process.exitValue() != 0) {
          throw new AssertionError(
              "kubectl kustomize "
                  + directory
                  + " failed: "
                  + Files.readString(errors, StandardCharsets.UTF_8).strip());
        }
        return parse(Files.readString(output, StandardCharsets.UTF_8), directory);
      } finally {
        Files.deleteIfExists(output);
        Files.deleteIfExists(errors);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while rendering " + directory, e);
    }
  }

  /** Reads a multi-document YAML stream into raw and typed objects. */
  static RenderedManifests parse(String yaml, Path source) throws IOException {
    List<RenderedObject> objects = new ArrayList<>();
    try (var documents = YAML.readerFor(JsonNode.class).readValues(yaml)) {
      while (documents.hasNextValue()) {
        JsonNode raw = (JsonNode) documents.nextValue();
        if (raw == null || raw.isNull() || raw.isEmpty()) {
          continue;
        }
        HasMetadata typed = SERIALIZATION.unmarshal(raw.toString());
        objects.add(new RenderedObject(raw, typed));
      }
    }
    return new RenderedManifests(source, List.copyOf(objects));
  }
}
