package org.markproof.edge.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.markproof.contracts.barcode.BarcodeDecoder;

/** Runs the built {@code edge-scanner.jar} in its own JVM, as a user would, and captures it. */
record JarRun(int exitCode, String out, String err) {

  /**
   * JVM flags for a launched jar: the photo decoding budget the failsafe run sets ({@code
   * pom.xml}), so that a readable test photo is not answered "no code found" because a busy machine
   * ran out of the production budget of 250 ms.
   */
  static List<String> jvmFlags() {
    String budget = System.getProperty(BarcodeDecoder.BUDGET_PROPERTY);
    return budget == null
        ? List.of()
        : List.of("-D" + BarcodeDecoder.BUDGET_PROPERTY + "=" + budget);
  }

  static JarRun of(String... args) throws IOException, InterruptedException {
    String jar = System.getProperty("edge.jar");
    assertTrue(
        jar != null && Files.isRegularFile(Path.of(jar)),
        "the failsafe run must pass -Dedge.jar pointing at the built jar; got " + jar);
    Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> command = new ArrayList<>(List.of(javaBin.toString()));
    command.addAll(jvmFlags());
    command.addAll(List.of("-jar", jar));
    command.addAll(List.of(args));
    Path outFile = Files.createTempFile("edge-out", ".txt");
    Path errFile = Files.createTempFile("edge-err", ".txt");
    try {
      Process process =
          new ProcessBuilder(command)
              .redirectOutput(outFile.toFile())
              .redirectError(errFile.toFile())
              .start();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("edge-scanner did not finish within 60 s: " + command);
      }
      return new JarRun(
          process.exitValue(),
          Files.readString(outFile, StandardCharsets.UTF_8),
          Files.readString(errFile, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(outFile);
      Files.deleteIfExists(errFile);
    }
  }

  @Override
  public String toString() {
    return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
  }
}
