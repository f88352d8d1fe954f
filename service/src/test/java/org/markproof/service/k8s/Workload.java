package org.markproof.service.k8s;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A rendered object that runs pods, with its pod template. */
record Workload(RenderedObject owner, PodTemplateSpec template) {

  PodSpec spec() {
    return template.getSpec();
  }

  /** The app containers. */
  List<Container> containers() {
    return spec().getContainers();
  }

  /** Init containers first, then the app containers. */
  List<Container> allContainers() {
    List<Container> all = new ArrayList<>(spec().getInitContainers());
    all.addAll(spec().getContainers());
    return all;
  }

  Container container(String name) {
    return containers().stream()
        .filter(c -> c.getName().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError(describe() + " has no container " + name));
  }

  /** The container port of that name. */
  Optional<Integer> port(Container container, String name) {
    return container.getPorts().stream()
        .filter(p -> name.equals(p.getName()))
        .map(p -> p.getContainerPort())
        .findFirst();
  }

  String describe() {
    return owner.kind() + "/" + owner.name();
  }
}
