package org.markproof.service.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Key material and passwords never enter the repository: no Secret object with data, no secret
 * generator, no PEM block or signed-note private key anywhere under k8s/. Secrets are referenced by
 * name only and made on the cluster (External Secrets, CloudNativePG, or by hand).
 */
class SecretMaterialTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Pattern KEY_TEXT =
      Pattern.compile(
          "-----BEGIN [A-Z ]+-----"
              // A signed-note signer key: PRIVATE+KEY+<name>+<8 hex key id>+<base64>.
              + "|PRIVATE\\+KEY\\+[^+\\s]+\\+[0-9a-fA-F]{8}\\+[A-Za-z0-9+/=]{20,}"
              + "|\\bpassword\\s*[:=]\\s*\\S");

  @Test
  void noFileUnderK8sHoldsSecretMaterial() throws IOException {
    assertEquals(List.of(), violations(RepositoryLayout.k8s()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "drill", "prod"})
  void noOverlayRendersASecret(String overlay) {
    List<String> withData = new ArrayList<>();
    for (RenderedObject secret : Kustomize.overlay(overlay).ofKind("Secret")) {
      withData.add(secret.describe());
    }
    assertEquals(List.of(), withData, overlay + ": Secrets belong to the cluster, not to k8s/");
  }

  /** The scan itself finds each kind of leak, one violation per file and reason. */
  @Test
  void theScanFindsSecretsGeneratorsAndKeyText(@TempDir Path dir) throws IOException {
    Files.writeString(
        dir.resolve("secret.yaml"),
        "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n---\n"
            + "apiVersion: v1\nkind: Secret\nmetadata: {name: b}\nstringData: {k: v}\n");
    Files.writeString(
        dir.resolve("kustomization.yaml"), "secretGenerator:\n  - name: c\n    literals: [k=v]\n");
    Files.writeString(
        dir.resolve("log.env"),
        "KEY=PRIVATE+KEY+log.example+0a1b2c3d+AQID1nS4o4mXo8B0dBQh6rFhYcJfjZ0Kk6H1oT+0aYk=\n");
    Files.writeString(
        dir.resolve("clean.yaml"), "apiVersion: v1\nkind: Secret\nmetadata: {name: d}\n");
    assertEquals(
        List.of(
            "kustomization.yaml: kustomization with a secretGenerator",
            "log.env: key or password text",
            "secret.yaml: Secret/b with data or stringData"),
        violations(dir).stream()
            .map(v -> v.substring(dir.toString().length() + 1))
            .sorted()
            .toList());
  }

  static List<String> violations(Path root) throws IOException {
    List<String> violations = new ArrayList<>();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(root)) {
      files = walk.filter(Files::isRegularFile).sorted().toList();
    }
    assertTrue(!files.isEmpty(), "nothing to scan in " + root);
    for (Path file : files) {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      if (KEY_TEXT.matcher(text).find()) {
        violations.add(file + ": key or password text");
      }
      String name = file.getFileName().toString();
      if (!name.endsWith(".yaml") && !name.endsWith(".yml")) {
        continue;
      }
      try (var documents = YAML.readerFor(JsonNode.class).readValues(text)) {
        while (documents.hasNextValue()) {
          JsonNode document = (JsonNode) documents.nextValue();
          if (document == null) {
            continue;
          }
          if (document.path("kind").asText().equals("Secret")
              && (document.has("data") || document.has("stringData"))) {
            violations.add(
                file
                    + ": Secret/"
                    + document.path("metadata").path("name").asText()
                    + " with data or stringData");
          }
          if (document.has("secretGenerator")) {
            violations.add(file + ": kustomization with a secretGenerator");
          }
        }
      }
    }
    return violations;
  }
}
