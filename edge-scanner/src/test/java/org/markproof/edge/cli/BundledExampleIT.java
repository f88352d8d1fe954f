package org.markproof.edge.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example the README's main command runs ({@code docs/examples/run.sh}): it must still be what
 * {@link ExampleLedger} writes, and the walk through it must pass with the built jar.
 */
class BundledExampleIT {
  @TempDir Path dir;

  private static Path examples() {
    return Path.of(System.getProperty("examples.dir"));
  }

  @Test
  void committedExampleIsWhatTheGeneratorWrites() throws Exception {
    if (Boolean.getBoolean("examples.regenerate")) {
      // mvn -pl edge-scanner -am verify -Dit.test=BundledExampleIT -Dexamples.regenerate=true
      ExampleLedger.write(examples());
    }
    ExampleLedger.write(dir);
    List<Path> generated;
    try (Stream<Path> files = Files.list(dir)) {
      generated = files.sorted().toList();
    }
    assertEquals(9, generated.size(), generated::toString);
    for (Path file : generated) {
      Path committed = examples().resolve(file.getFileName());
      assertTrue(Files.exists(committed), "docs/examples lacks " + file.getFileName());
      assertArrayEquals(
          Files.readAllBytes(file),
          Files.readAllBytes(committed),
          file.getFileName() + " differs: regenerate docs/examples (see ExampleLedger)");
    }
  }

  @Test
  void walkThroughTheExamplePasses() throws Exception {
    Path out = dir.resolve("out.txt");
    Process run =
        new ProcessBuilder("bash", examples().resolve("run.sh").toString())
            .redirectErrorStream(true)
            .redirectOutput(out.toFile())
            .start();
    assertTrue(run.waitFor(120, TimeUnit.SECONDS), "run.sh did not finish in 120 s");
    String output = Files.readString(out, StandardCharsets.UTF_8);
    assertEquals(0, run.exitValue(), output);
    assertTrue(output.contains("included: index 5 in example.markproof.org/log at size 6"), output);
    assertTrue(output.contains("label signature verified: GTIN 09506000134352"), output);
    assertTrue(output.contains("The example verified end to end."), output);
  }
}
