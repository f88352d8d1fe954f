package org.markproof.contracts.entry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.erdtman.jcs.JsonCanonicalizer;
import org.junit.jupiter.api.Test;

/**
 * Runs every golden statement of {@code entry/golden} (see its README) and reports all failures.
 */
class StatementGoldenTest {
  private static final String DIR = "entry/golden/";

  @Test
  void everyKindHasAGoldenStatementAndNoGoldenIsOrphaned() throws IOException {
    Set<String> expected = new TreeSet<>();
    for (StatementKind kind : StatementKind.values()) {
      for (String suffix : List.of(".input.json", ".canonical.json", ".hex")) {
        expected.add(kind.wireName() + suffix);
      }
    }
    Set<String> actual;
    try (Stream<java.nio.file.Path> files = Files.list(TestResources.directory(DIR))) {
      actual =
          files
              .map(p -> p.getFileName().toString())
              .filter(n -> !n.startsWith("signed-entry.") && !n.equals("generate.py"))
              .collect(Collectors.toCollection(TreeSet::new));
    }
    assertEquals(expected, actual);
  }

  @Test
  void everyKindParsesAndEncodesToItsGoldenCanonicalBytes() {
    List<String> failures = new ArrayList<>();
    for (StatementKind kind : StatementKind.values()) {
      try {
        checkKind(kind, failures);
      } catch (Exception e) {
        failures.add(kind + ": " + e);
      }
    }
    assertTrue(failures.isEmpty(), String.join("\n", failures));
  }

  private static void checkKind(StatementKind kind, List<String> failures) throws Exception {
    byte[] input = TestResources.bytes(DIR + kind.wireName() + ".input.json");
    byte[] canonical = TestResources.bytes(DIR + kind.wireName() + ".canonical.json");
    String hex =
        new String(TestResources.bytes(DIR + kind.wireName() + ".hex"), StandardCharsets.US_ASCII)
            .strip();

    Statement statement = StatementCodec.parse(input);
    if (statement.kind() != kind) {
      failures.add(kind + ": parsed as " + statement.kind());
    }
    byte[] encoded = StatementCodec.canonicalBytes(statement);
    if (!Arrays.equals(encoded, canonical)) {
      failures.add(
          kind
              + ": canonical bytes differ:\n  got  "
              + utf8(encoded)
              + "\n  want "
              + utf8(canonical));
    }
    if (!HexFormat.of().formatHex(encoded).equals(hex)) {
      failures.add(kind + ": hex of canonical bytes differs from " + kind.wireName() + ".hex");
    }
    byte[] jcsOfInput = new JsonCanonicalizer(input).getEncodedUTF8();
    if (!Arrays.equals(encoded, jcsOfInput)) {
      failures.add(
          kind + ": canonical bytes differ from the JCS library's canonical form of the input");
    }
    Statement again = StatementCodec.parse(canonical);
    if (!again.equals(statement)) {
      failures.add(kind + ": parsing the canonical form gives another statement: " + again);
    }
  }

  private static String utf8(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
