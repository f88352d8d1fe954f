package org.markproof.service.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;

/**
 * One object of kustomize's output: as the YAML said it ({@code raw}) and as fabric8's model read
 * it ({@code typed}; a {@link GenericKubernetesResource} for kinds the model does not know, such as
 * custom resources).
 */
record RenderedObject(JsonNode raw, HasMetadata typed) {

  String apiVersion() {
    return raw.path("apiVersion").asText();
  }

  String kind() {
    return raw.path("kind").asText();
  }

  String name() {
    return raw.path("metadata").path("name").asText();
  }

  boolean isCustomResource() {
    return typed instanceof GenericKubernetesResource;
  }

  /** {@code apiVersion Kind/name}, for messages. */
  String describe() {
    return apiVersion() + " " + kind() + "/" + name();
  }
}
