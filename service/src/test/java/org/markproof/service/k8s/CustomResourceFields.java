package org.markproof.service.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Checks custom resources (which fabric8 reads as untyped objects) against our own list of the
 * fields each kind may have, from {@code k8s/custom-resource-fields.yaml} on the test classpath.
 */
final class CustomResourceFields {
  private static final String RESOURCE = "/k8s/custom-resource-fields.yaml";
  private final Map<String, JsonNode> kinds;

  private CustomResourceFields(Map<String, JsonNode> kinds) {
    this.kinds = kinds;
  }

  static CustomResourceFields load() {
    try (InputStream in = CustomResourceFields.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is not on the test classpath");
      }
      JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(in);
      Map<String, JsonNode> kinds = new HashMap<>();
      for (JsonNode kind : root.path("kinds")) {
        kinds.put(key(kind.path("apiVersion").asText(), kind.path("kind").asText()), kind);
      }
      return new CustomResourceFields(kinds);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every way {@code object} departs from its kind's list; empty when it conforms. */
  List<String> violations(RenderedObject object) {
    List<String> violations = new ArrayList<>();
    JsonNode kind = kinds.get(key(object.apiVersion(), object.kind()));
    if (kind == null) {
      violations.add(
          "no expected-fields list for "
              + object.apiVersion()
              + " "
              + object.kind()
              + " in "
              + RESOURCE);
      return violations;
    }
    Iterator<String> top = object.raw().fieldNames();
    while (top.hasNext()) {
      String field = top.next();
      if (!List.of("apiVersion", "kind", "metadata", "spec").contains(field)) {
        violations.add(field + ": not expected at the top level");
      }
    }
    check(object.raw().path("spec"), kind.path("spec"), "spec", violations);
    for (JsonNode required : kind.path("required")) {
      if (at(object.raw(), required.asText()).isMissingNode()) {
        violations.add(required.asText() + ": required, missing");
      }
    }
    return violations;
  }

  private static void check(JsonNode value, JsonNode schema, String path, List<String> out) {
    if (value.isMissingNode()) {
      return;
    }
    if (schema.isObject()) {
      if (!value.isObject()) {
        out.add(path + ": expected an object, got " + value.getNodeType());
        return;
      }
      Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        JsonNode fieldSchema = schema.get(field.getKey());
        if (fieldSchema == null) {
          out.add(path + "." + field.getKey() + ": not an expected field");
        } else {
          check(field.getValue(), fieldSchema, path + "." + field.getKey(), out);
        }
      }
      return;
    }
    if (schema.isArray()) {
      if (!value.isArray()) {
        out.add(path + ": expected a list, got " + value.getNodeType());
        return;
      }
      for (int i = 0; i < value.size(); i++) {
        check(value.get(i), schema.get(0), path + "[" + i + "]", out);
      }
      return;
    }
    checkLeaf(value, schema.asText(), path, out);
  }

  private static void checkLeaf(JsonNode value, String type, String path, List<String> out) {
    String[] words = type.split(" ");
    boolean ok =
        switch (words[0]) {
          case "text" -> value.isTextual();
          case "integer" -> value.isIntegralNumber();
          case "boolean" -> value.isBoolean();
          case "quantity" -> value.isTextual() || value.isNumber();
          case "map" -> value.isObject() && allText(value);
          case "list" -> value.isArray() && allText(value);
          case "enum" ->
              value.isTextual()
                  && Arrays.asList(words).subList(1, words.length).contains(value.asText());
          case "core" -> isCoreType(value, words[1], path, out);
          default -> throw new IllegalStateException(RESOURCE + ": unknown type " + type);
        };
    if (!ok) {
      out.add(path + ": expected " + type + ", got " + value);
    }
  }

  private static boolean isCoreType(JsonNode value, String type, String path, List<String> out) {
    try {
      Class<? extends KubernetesResource> model =
          Class.forName("io.fabric8.kubernetes.api.model." + type)
              .asSubclass(KubernetesResource.class);
      Object typed = Kustomize.SERIALIZATION.unmarshal(value.toString(), model);
      for (String unknown : UnknownFields.in(typed)) {
        String where = unknown.startsWith("<top>: ") ? ": " + unknown.substring(7) : "." + unknown;
        out.add(path + where + " unknown to " + type);
      }
      return true;
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(RESOURCE + ": no core type " + type, e);
    } catch (RuntimeException e) {
      out.add(path + ": not a " + type + " (" + e.getMessage() + ")");
      return true;
    }
  }

  private static boolean allText(JsonNode node) {
    for (JsonNode item : node) {
      if (!item.isTextual()) {
        return false;
      }
    }
    return true;
  }

  private static JsonNode at(JsonNode root, String dottedPath) {
    JsonNode node = root;
    for (String part : dottedPath.split("\\.")) {
      node = node.path(part);
    }
    return node;
  }

  private static String key(String apiVersion, String kind) {
    return apiVersion + " " + kind;
  }
}
