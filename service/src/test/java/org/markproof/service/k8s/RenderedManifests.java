package org.markproof.service.k8s;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The objects one kustomization renders, with the look-ups the checks need. */
record RenderedManifests(Path source, List<RenderedObject> objects) {

  List<RenderedObject> ofKind(String kind) {
    return objects.stream().filter(o -> o.kind().equals(kind)).toList();
  }

  <T extends HasMetadata> List<T> typed(Class<T> type) {
    return objects.stream()
        .map(RenderedObject::typed)
        .filter(type::isInstance)
        .map(type::cast)
        .toList();
  }

  /** The object of that type and name; fails the test when there is none. */
  <T extends HasMetadata> T one(Class<T> type, String name) {
    return typed(type).stream()
        .filter(o -> o.getMetadata().getName().equals(name))
        .findFirst()
        .orElseThrow(
            () -> new AssertionError(source + " renders no " + type.getSimpleName() + "/" + name));
  }

  /** The custom resource of that kind and name; fails the test when there is none. */
  RenderedObject custom(String kind, String name) {
    return ofKind(kind).stream()
        .filter(o -> o.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError(source + " renders no " + kind + "/" + name));
  }

  Optional<ConfigMap> configMap(String name) {
    return typed(ConfigMap.class).stream()
        .filter(c -> c.getMetadata().getName().equals(name))
        .findFirst();
  }

  /** Every pod template: Deployments, StatefulSets, DaemonSets, Jobs and CronJobs. */
  List<Workload> workloads() {
    List<Workload> workloads = new ArrayList<>();
    for (RenderedObject object : objects) {
      PodTemplateSpec template = podTemplate(object.typed());
      if (template != null) {
        workloads.add(new Workload(object, template));
      }
    }
    return workloads;
  }

  /** The workload whose pods run a container of that name; fails when not exactly one does. */
  Workload workloadRunning(String containerName) {
    List<Workload> matches =
        workloads().stream()
            .filter(w -> w.containers().stream().anyMatch(c -> c.getName().equals(containerName)))
            .toList();
    if (matches.size() != 1) {
      throw new AssertionError(
          source
              + ": expected one workload with a container named "
              + containerName
              + ", got "
              + matches.stream().map(Workload::describe).toList());
    }
    return matches.get(0);
  }

  private static PodTemplateSpec podTemplate(HasMetadata object) {
    if (object instanceof Deployment d) {
      return d.getSpec().getTemplate();
    }
    if (object instanceof StatefulSet s) {
      return s.getSpec().getTemplate();
    }
    if (object instanceof DaemonSet d) {
      return d.getSpec().getTemplate();
    }
    if (object instanceof Job j) {
      return j.getSpec().getTemplate();
    }
    if (object instanceof CronJob c) {
      return c.getSpec().getJobTemplate().getSpec().getTemplate();
    }
    return null;
  }
}
