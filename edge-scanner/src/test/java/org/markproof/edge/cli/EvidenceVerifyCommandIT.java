package org.markproof.edge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.markproof.contracts.verdict.VerdictSignature;

/** {@code evidence verify} on verdict documents the test writes, run through the built jar. */
class EvidenceVerifyCommandIT {
  @TempDir Path dir;

  private static String logKey() {
    return VerdictDocuments.LOG.verifier().verifierKey().text();
  }

  private Path write(String name, byte[] bytes) throws Exception {
    Path file = dir.resolve(name);
    Files.write(file, bytes);
    return file;
  }

  /** Runs the command with the verdict key given as {@code @FILE}, as an auditor keeps it. */
  private JarRun verify(Path document) throws Exception {
    Path verdictKey = dir.resolve("verdict.vkey");
    Files.writeString(verdictKey, VerdictDocuments.VERDICTS.verifier().verifierKey().text() + "\n");
    return JarRun.of(
        "evidence",
        "verify",
        "--log-key",
        logKey(),
        "--verdict-key",
        "@" + verdictKey,
        document.toString());
  }

  @Test
  void genuineVerdictVerifies() throws Exception {
    JarRun run = verify(write("genuine.json", VerdictDocuments.signed(VerdictDocuments.genuine())));
    assertEquals(0, run.exitCode(), run::toString);
    assertEquals(
        "verified: GENUINE, checkpoint evidence-it.markproof.org/log at size 3, 3 entries proven"
            + " (batch 2, product 1, mark 0)\n",
        run.out());
    assertEquals("", run.err());
  }

  @Test
  void alteredVerdictFailsItsSignature() throws Exception {
    ObjectNode doc = VerdictSignature.sign(VerdictDocuments.genuine(), VerdictDocuments.VERDICTS);
    ((ObjectNode) doc.get("item")).put("serial", "S0002");
    JarRun run = verify(write("altered.json", doc.toString().getBytes()));
    assertEquals(1, run.exitCode(), run::toString);
    assertTrue(
        run.err()
            .startsWith(
                "edge-scanner evidence verify: verification failed: check 1, the verdict's"
                    + " signature: does not verify"),
        run::toString);
  }

  @Test
  void signedVerdictClaimingAnotherBatchFailsTheClaims() throws Exception {
    ObjectNode doc = VerdictDocuments.genuine();
    ((ObjectNode) doc.get("item")).put("batch", "LOT-Z");
    JarRun run = verify(write("lot-z.json", VerdictDocuments.signed(doc)));
    assertEquals(1, run.exitCode(), run::toString);
    assertEquals(
        "edge-scanner evidence verify: verification failed: check 4, the entries against the"
            + " verdict's claims: entry 0 (role batch, index 2): the batch entry's batch is"
            + " \"LOT-A\", the verdict claims item.batch \"LOT-Z\"\n",
        run.err());
  }

  @Test
  void missingFileIsBadInput() throws Exception {
    JarRun run = verify(dir.resolve("absent.json"));
    assertEquals(2, run.exitCode(), run::toString);
    assertTrue(run.err().contains("absent.json: no such file"), run::toString);
  }

  @Test
  void badKeyTextIsBadInput() throws Exception {
    Path document = write("genuine.json", VerdictDocuments.signed(VerdictDocuments.genuine()));
    JarRun run =
        JarRun.of(
            "evidence",
            "verify",
            "--log-key",
            "not-a-key",
            "--verdict-key",
            logKey(),
            document.toString());
    assertEquals(2, run.exitCode(), run::toString);
    assertTrue(run.err().contains("malformed input: verifier key"), run::toString);
  }

  @Test
  void missingKeyOptionIsBadUsage() throws Exception {
    Path document = write("genuine.json", VerdictDocuments.signed(VerdictDocuments.genuine()));
    JarRun run = JarRun.of("evidence", "verify", "--log-key", logKey(), document.toString());
    assertEquals(2, run.exitCode(), run::toString);
    assertTrue(run.err().contains("--verdict-key"), run::toString);
  }
}
