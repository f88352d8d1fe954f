package org.markproof.edge.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The vectors kept, with their provenance READMEs, in the contracts module's test resources. */
final class TestData {
  private TestData() {}

  static Path path(String relative) {
    String root = System.getProperty("contracts.testdata");
    assertTrue(root != null, "failsafe must set -Dcontracts.testdata");
    Path path = Path.of(root, relative);
    assertTrue(Files.isRegularFile(path), "missing test data " + path);
    return path;
  }

  static String text(String relative) throws IOException {
    return Files.readString(path(relative), StandardCharsets.UTF_8).strip();
  }
}
