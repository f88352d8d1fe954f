package org.markproof.edge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code label verify}: a label against the label key of its proven batch entry. */
class VerifyLabelCommandIT {
  @TempDir Path dir;

  private static Path example(String name) {
    return Path.of(System.getProperty("examples.dir"), name);
  }

  private static String label() throws Exception {
    return Files.readString(example("label.txt")).strip();
  }

  @Test
  void genuineLabelTextVerifies() throws Exception {
    JarRun run =
        JarRun.of(
            "label",
            "verify",
            "--batch-entry",
            example("batch-entry.json").toString(),
            "--text",
            label());
    assertEquals(0, run.exitCode(), run::toString);
    assertTrue(
        run.out().contains("serial X7Q2M9K4P1, issued by acme on 2026-03-01"), run::toString);
  }

  @Test
  void labelClaimingAnotherBatchFailsVerification() throws Exception {
    String otherBatch = label().replace("/10/LOT2026A/", "/10/LOT2026B/");
    JarRun run =
        JarRun.of(
            "label",
            "verify",
            "--batch-entry",
            example("batch-entry.json").toString(),
            "--text",
            otherBatch);
    assertEquals(1, run.exitCode(), run::toString);
    assertTrue(run.err().contains("LOT2026B"), run::toString);
  }

  @Test
  void labelWithoutSignatureFailsVerification() throws Exception {
    String unsigned = label().substring(0, label().indexOf('?'));
    JarRun run =
        JarRun.of(
            "label",
            "verify",
            "--batch-entry",
            example("batch-entry.json").toString(),
            "--text",
            unsigned);
    assertEquals(1, run.exitCode(), run::toString);
  }

  @Test
  void entryOfAnotherKindIsBadInput() throws Exception {
    Path genesis = dir.resolve("genesis.json");
    Files.writeString(genesis, Files.readAllLines(example("entries.jsonl")).get(0));
    JarRun run =
        JarRun.of("label", "verify", "--batch-entry", genesis.toString(), "--text", label());
    assertEquals(2, run.exitCode(), run::toString);
    assertTrue(run.err().contains("not batch.issued"), run::toString);
  }
}
