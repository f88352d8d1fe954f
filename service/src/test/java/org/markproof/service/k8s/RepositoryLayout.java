package org.markproof.service.k8s;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the repository's deployment files are, seen from a test running in the service module. */
final class RepositoryLayout {
  private RepositoryLayout() {}

  /** The repository root: the nearest directory up from the working directory with k8s/. */
  static Path root() {
    Path dir = Path.of("").toAbsolutePath();
    for (Path candidate = dir; candidate != null; candidate = candidate.getParent()) {
      if (Files.isDirectory(candidate.resolve("k8s"))
          && Files.isDirectory(candidate.resolve("service"))) {
        return candidate;
      }
    }
    throw new IllegalStateException("no repository root with k8s/ and service/ above " + dir);
  }

  static Path k8s() {
    return root().resolve("k8s");
  }

  static Path overlay(String name) {
    return k8s().resolve("overlays").resolve(name);
  }

  static Path serviceModule() {
    return root().resolve("service");
  }

  static Path runbook() {
    return root().resolve("docs").resolve("operations.md");
  }
}
