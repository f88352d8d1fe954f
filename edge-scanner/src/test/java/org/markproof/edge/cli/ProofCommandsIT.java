package org.markproof.edge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code log verify-inclusion} and {@code log verify-consistency} through the jar, on
 * transparency-dev/merkle's vectors (kept by contracts with their provenance).
 */
class ProofCommandsIT {
  private static final String VECTORS = "merkle/transparency-dev/";

  private static JsonNode vector(String name) throws Exception {
    return new ObjectMapper().readTree(Files.readString(TestData.path(VECTORS + name)));
  }

  private static String proof(JsonNode vector) {
    List<String> hashes = new ArrayList<>();
    vector.get("proof").forEach(h -> hashes.add(h.asText()));
    return String.join(",", hashes);
  }

  @ParameterizedTest(name = "{0} -> exit {1}")
  @CsvSource({
    "inclusion/1/happy-path.json, 0",
    "inclusion/1/modified-proof[1]-bit-@3.json, 1",
    // This vector's leaf "hash" is 9 bytes: refused as bad input before any hashing.
    "inclusion/1/wrong-leaf.json, 2",
    "inclusion/1/leafIdx-plus-@1.json, 1",
    "inclusion/3/happy-path.json, 0",
  })
  void inclusionVectors(String file, int exitCode) throws Exception {
    JsonNode v = vector(file);
    assertEquals(exitCode == 0, !v.get("wantErr").asBoolean(), "vector and expectation agree");
    JarRun run =
        JarRun.of(
            "log",
            "verify-inclusion",
            "--leaf-hash",
            v.get("leafHash").asText(),
            "--index",
            v.get("leafIdx").asText(),
            "--size",
            v.get("treeSize").asText(),
            "--root",
            v.get("root").asText(),
            "--proof",
            proof(v));
    assertEquals(exitCode, run.exitCode(), run::toString);
  }

  @ParameterizedTest(name = "{0} -> exit {1}")
  @CsvSource({
    "consistency/1/happy-path.json, 0",
    "consistency/2/happy-path.json, 0",
    "consistency/1/modified-proof@1-bit-@4.json, 1",
    "consistency/1/swapped-roots.json, 1",
    "consistency/2/truncated-proof.json, 1",
  })
  void consistencyVectors(String file, int exitCode) throws Exception {
    JsonNode v = vector(file);
    assertEquals(exitCode == 0, !v.get("wantErr").asBoolean(), "vector and expectation agree");
    JarRun run =
        JarRun.of(
            "log",
            "verify-consistency",
            "--size1",
            v.get("size1").asText(),
            "--size2",
            v.get("size2").asText(),
            "--root1",
            v.get("root1").asText(),
            "--root2",
            v.get("root2").asText(),
            "--proof",
            proof(v));
    assertEquals(exitCode, run.exitCode(), run::toString);
    if (exitCode == 1) {
      assertTrue(run.err().contains("verification failed"), run::toString);
    }
  }

  @Test
  void emptyProofIsWrittenAsAnEmptyString() throws Exception {
    JarRun run =
        JarRun.of(
            "log",
            "verify-inclusion",
            "--leaf-hash",
            "bjQLnP+zepicpUTmu3gKLHiQHT+zNzh2hRGjBhevoB0=",
            "--index",
            "0",
            "--size",
            "1",
            "--root",
            "bjQLnP+zepicpUTmu3gKLHiQHT+zNzh2hRGjBhevoB0=",
            "--proof",
            "");
    assertEquals(0, run.exitCode(), run::toString);
  }

  @Test
  void hashOfTheWrongLengthIsBadInput() throws Exception {
    JarRun run =
        JarRun.of(
            "log",
            "verify-inclusion",
            "--leaf-hash",
            "AAAA",
            "--index",
            "0",
            "--size",
            "1",
            "--root",
            "bjQLnP+zepicpUTmu3gKLHiQHT+zNzh2hRGjBhevoB0=",
            "--proof",
            "");
    assertEquals(2, run.exitCode(), run::toString);
    assertTrue(run.err().contains("--leaf-hash: got 3 bytes, expected 32"), run::toString);
  }

  @Test
  void nonNumericSizeIsBadUsage() throws Exception {
    JarRun run =
        JarRun.of(
            "log",
            "verify-consistency",
            "--size1",
            "one",
            "--size2",
            "8",
            "--root1",
            "bjQLnP+zepicpUTmu3gKLHiQHT+zNzh2hRGjBhevoB0=",
            "--root2",
            "bjQLnP+zepicpUTmu3gKLHiQHT+zNzh2hRGjBhevoB0=",
            "--proof",
            "");
    assertEquals(2, run.exitCode(), run::toString);
  }
}
