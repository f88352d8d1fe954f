package org.markproof.edge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code log verify-proof} on the tlog-proof cross-check vectors, which a separate Python
 * implementation wrote (see contracts' checkpoint/README.md).
 */
class VerifyProofCommandIT {
  private static final String PROOF = "checkpoint/crosscheck-index-5.tlog-proof";
  private static final String ENTRY = "checkpoint/crosscheck-entry-5.txt";

  @TempDir Path dir;

  private static JarRun verify(String... extra) throws Exception {
    String[] base = {
      "log", "verify-proof", "--vkey", TestData.text("checkpoint/crosscheck-log.vkey")
    };
    String[] args = new String[base.length + extra.length];
    System.arraycopy(base, 0, args, 0, base.length);
    System.arraycopy(extra, 0, args, base.length, extra.length);
    return JarRun.of(args);
  }

  @Test
  void entryIncludedUnderTheSignedCheckpointVerifies() throws Exception {
    JarRun run =
        verify("--entry", TestData.path(ENTRY).toString(), TestData.path(PROOF).toString());
    assertEquals(0, run.exitCode(), run::toString);
    assertEquals("included: index 5 in crosscheck.example/log at size 7\n", run.out());
  }

  @Test
  void anotherEntryFailsVerification() throws Exception {
    Path other = dir.resolve("entry.txt");
    Files.write(other, "not entry 5".getBytes());
    JarRun run = verify("--entry", other.toString(), TestData.path(PROOF).toString());
    assertEquals(1, run.exitCode(), run::toString);
    assertTrue(run.err().contains("does not match"), run::toString);
  }

  @Test
  void proofWithAnotherIndexFailsVerification() throws Exception {
    String proof = Files.readString(TestData.path(PROOF));
    Path moved = dir.resolve("moved.tlog-proof");
    Files.writeString(moved, proof.replace("\nindex 5\n", "\nindex 4\n"));
    JarRun run = verify("--entry", TestData.path(ENTRY).toString(), moved.toString());
    assertEquals(1, run.exitCode(), run::toString);
  }

  @Test
  void entryAndLeafHashTogetherAreBadUsage() throws Exception {
    JarRun run =
        verify(
            "--entry",
            TestData.path(ENTRY).toString(),
            "--leaf-hash",
            "bjQLnP+zepicpUTmu3gKLHiQHT+zNzh2hRGjBhevoB0=",
            TestData.path(PROOF).toString());
    assertEquals(2, run.exitCode(), run::toString);
  }

  @Test
  void truncatedProofIsBadInput() throws Exception {
    Path truncated = dir.resolve("truncated.tlog-proof");
    Files.writeString(truncated, "c2sp.org/tlog-proof@v1\nindex 5\n");
    JarRun run = verify("--entry", TestData.path(ENTRY).toString(), truncated.toString());
    assertEquals(2, run.exitCode(), run::toString);
  }
}
