package org.markproof.contracts.merkle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.markproof.contracts.VerificationException;

/**
 * Runs every inclusion and consistency vector of transparency-dev/merkle {@code testdata/} (see
 * {@code merkle/transparency-dev/README.md}) through {@link ProofVerifier} and reports every case
 * whose outcome differs from its {@code wantErr}.
 */
class TransparencyDevVectorsTest {
  private static final int VECTOR_COUNT = 196;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String UNEXPECTED = "unexpected ";

  @Test
  void everyUpstreamVectorHasItsExpectedOutcome() throws IOException, URISyntaxException {
    Path root = Path.of(getClass().getResource("/merkle/transparency-dev").toURI());
    List<Path> files;
    try (Stream<Path> walk = Files.walk(root)) {
      files =
          walk.filter(p -> p.toString().endsWith(".json")).sorted().collect(Collectors.toList());
    }
    List<String> failures = new ArrayList<>();
    for (Path file : files) {
      JsonNode vector = JSON.readTree(file.toFile());
      boolean wantErr = vector.get("wantErr").asBoolean();
      String outcome = run(vector);
      boolean gotErr = outcome != null;
      if (gotErr != wantErr || (outcome != null && outcome.startsWith(UNEXPECTED))) {
        failures.add(
            root.relativize(file)
                + ": wantErr "
                + wantErr
                + ", got "
                + (gotErr ? outcome : "verified"));
      }
    }
    assertEquals(VECTOR_COUNT, files.size(), "number of vector files");
    assertTrue(
        failures.isEmpty(), failures.size() + " failing vectors:\n" + String.join("\n", failures));
  }

  /** Returns null when the proof verified, else a description of the exception. */
  private static String run(JsonNode vector) {
    try {
      if (vector.has("leafIdx")) {
        ProofVerifier.verifyInclusion(
            uint64(vector, "leafIdx"),
            uint64(vector, "treeSize"),
            bytes(vector, "leafHash"),
            hashes(vector.get("proof")),
            bytes(vector, "root"));
      } else {
        ProofVerifier.verifyConsistency(
            uint64(vector, "size1"),
            uint64(vector, "size2"),
            hashes(vector.get("proof")),
            bytes(vector, "root1"),
            bytes(vector, "root2"));
      }
      return null;
    } catch (VerificationException e) {
      return e.getClass().getSimpleName() + ": " + e.getMessage();
    } catch (RuntimeException e) {
      // Untrusted input must only ever raise a VerificationException.
      return UNEXPECTED + e;
    }
  }

  /** Reads a Go uint64 into the long with the same 64 bits, as Long.parseUnsignedLong does. */
  private static long uint64(JsonNode vector, String field) {
    return vector.get(field).bigIntegerValue().longValue();
  }

  private static byte[] bytes(JsonNode vector, String field) {
    return Base64.getDecoder().decode(vector.get(field).asText());
  }

  private static List<byte[]> hashes(JsonNode proof) {
    List<byte[]> hashes = new ArrayList<>();
    if (proof != null && !proof.isNull()) {
      for (JsonNode hash : proof) {
        hashes.add(Base64.getDecoder().decode(hash.asText()));
      }
    }
    return hashes;
  }
}
