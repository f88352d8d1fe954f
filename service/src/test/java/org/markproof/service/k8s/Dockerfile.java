package org.markproof.service.k8s;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The instructions of a Dockerfile that the checks read: each stage's base image and the user the
 * final stage runs as. Continuation lines are joined; comments are dropped.
 */
record Dockerfile(Path path, List<String> baseImages, Optional<String> finalUser) {

  static Dockerfile read(Path path) throws IOException {
    List<String> instructions = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : Files.readAllLines(path, StandardCharsets.UTF_8)) {
      String trimmed = line.strip();
      if (trimmed.startsWith("#") || trimmed.isEmpty()) {
        continue;
      }
      if (trimmed.endsWith("\\")) {
        current.append(trimmed, 0, trimmed.length() - 1).append(' ');
        continue;
      }
      instructions.add(current.append(trimmed).toString());
      current.setLength(0);
    }
    List<String> bases = new ArrayList<>();
    Set<String> stages = new HashSet<>();
    Optional<String> user = Optional.empty();
    for (String instruction : instructions) {
      String[] words = instruction.split("\\s+");
      String keyword = words[0].toUpperCase();
      if (keyword.equals("FROM")) {
        List<String> arguments = new ArrayList<>(List.of(words).subList(1, words.length));
        arguments.removeIf(a -> a.startsWith("--"));
        String image = arguments.get(0);
        if (!stages.contains(image)) {
          bases.add(image);
        }
        if (arguments.size() == 3 && arguments.get(1).equalsIgnoreCase("AS")) {
          stages.add(arguments.get(2));
        }
        user = Optional.empty();
      } else if (keyword.equals("USER")) {
        user = Optional.of(words[1]);
      }
    }
    return new Dockerfile(path, List.copyOf(bases), user);
  }

  /** The numeric UID the final stage runs as, if its USER is numeric. */
  Optional<Long> finalUid() {
    return finalUser
        .map(u -> u.split(":")[0])
        .filter(u -> u.matches("[0-9]+"))
        .map(Long::parseLong);
  }
}
