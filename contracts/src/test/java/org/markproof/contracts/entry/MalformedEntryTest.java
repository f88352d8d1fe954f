package org.markproof.contracts.entry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.markproof.contracts.MalformedDataException;

/**
 * Runs every malformed input of {@code entry/malformed} (see {@code cases.tsv}) and reports every
 * case that was accepted, failed another way, or failed without naming the expected path.
 */
class MalformedEntryTest {
  private static final String DIR = "entry/malformed/";

  private record Case(String file, String parser, String path, String fragment) {}

  private static List<Case> cases() {
    String tsv = new String(TestResources.bytes(DIR + "cases.tsv"), StandardCharsets.UTF_8);
    List<Case> cases = new ArrayList<>();
    for (String line : tsv.split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] c = line.split("\t", -1);
      cases.add(new Case(c[0], c[1], c[2], c[3]));
    }
    return cases;
  }

  @Test
  void everyMalformedInputIsListedInTheManifest() throws IOException {
    Set<String> listed =
        cases().stream().map(Case::file).collect(Collectors.toCollection(TreeSet::new));
    Set<String> present;
    try (Stream<Path> files = Files.list(TestResources.directory(DIR))) {
      present =
          files
              .map(p -> p.getFileName().toString())
              .filter(n -> n.endsWith(".json"))
              .collect(Collectors.toCollection(TreeSet::new));
    }
    assertEquals(present, listed);
  }

  @Test
  void everyMalformedInputIsRejectedNamingTheField() {
    List<String> failures = new ArrayList<>();
    for (Case c : cases()) {
      byte[] input = TestResources.bytes(DIR + c.file());
      try {
        if (c.parser().equals("entry")) {
          SignedEntry.parse(input);
        } else {
          StatementCodec.parse(input);
        }
        failures.add(c.file() + ": accepted");
      } catch (MalformedDataException e) {
        String message = e.getMessage();
        if (!message.startsWith(c.path() + ": ") || !message.contains(c.fragment())) {
          failures.add(
              c.file()
                  + ": expected \""
                  + c.path()
                  + ": …"
                  + c.fragment()
                  + "…\", got \""
                  + message
                  + "\"");
        }
      } catch (RuntimeException e) {
        failures.add(c.file() + ": escaped as " + e);
      }
    }
    assertTrue(
        failures.isEmpty(), failures.size() + " failing cases:\n" + String.join("\n", failures));
  }
}
