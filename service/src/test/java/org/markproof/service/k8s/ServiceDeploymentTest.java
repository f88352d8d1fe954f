package org.markproof.service.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The service's Deployment as Kubernetes will run it: probes on the health endpoints and port the
 * service has (ProbeEndpointsTest asks the running service), a shutdown that lets the sequencer
 * finish, a writable /tmp on a read-only image, and a Service that reaches the pods.
 */
class ServiceDeploymentTest {
  static final List<String> PROBE_PATHS =
      List.of("/q/health/started", "/q/health/ready", "/q/health/live");

  @ParameterizedTest
  @ValueSource(strings = {"dev", "drill", "prod"})
  void probesGetTheHealthEndpointsOnTheHttpPort(String overlay) throws IOException {
    Workload service = service(overlay);
    int port = servicePort(ServiceEnvironmentTest.environment(Kustomize.overlay(overlay)));
    Container container = service.container(ServiceEnvironmentTest.SERVICE_CONTAINER);
    List<Probe> probes =
        List.of(
            container.getStartupProbe(),
            container.getReadinessProbe(),
            container.getLivenessProbe());
    for (int i = 0; i < probes.size(); i++) {
      assertNotNull(probes.get(i), overlay + ": missing probe for " + PROBE_PATHS.get(i));
      HTTPGetAction get = probes.get(i).getHttpGet();
      assertNotNull(get, overlay + ": probe " + i + " is not an HTTP GET");
      assertEquals(PROBE_PATHS.get(i), get.getPath());
      assertEquals(
          port,
          service
              .port(container, get.getPort().getStrVal())
              .orElseThrow(() -> new AssertionError("no container port " + get.getPort())),
          "probe port");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "drill", "prod"})
  void shutdownOutlastsThePreStopPauseAndQuarkusGracefulShutdown(String overlay) {
    Workload service = service(overlay);
    Container container = service.container(ServiceEnvironmentTest.SERVICE_CONTAINER);
    long preStop = container.getLifecycle().getPreStop().getSleep().getSeconds();
    Duration shutdown =
        quarkusDuration(
            ServiceEnvironmentTest.environment(Kustomize.overlay(overlay))
                .get("QUARKUS_SHUTDOWN_TIMEOUT"));
    long grace = service.spec().getTerminationGracePeriodSeconds();
    assertTrue(shutdown.toSeconds() >= 30, "the sequencer's batch needs time: " + shutdown);
    assertTrue(
        grace >= preStop + shutdown.toSeconds() + SEQUENCER_STOP_SECONDS + 5,
        "terminationGracePeriodSeconds "
            + grace
            + " leaves no margin over preStop "
            + preStop
            + " s + shutdown "
            + shutdown
            + " + the sequencer's stop "
            + SEQUENCER_STOP_SECONDS
            + " s");
  }

  /**
   * How long the service waits on shutdown for the sequencer to finish its batch and release the
   * lock ({@code SequencerService.stop}: {@code sequencer.stop(Duration.ofSeconds(30))}), counted
   * on top of Quarkus's request drain so that neither order of the two can meet a SIGKILL.
   */
  static final long SEQUENCER_STOP_SECONDS = 30;

  @ParameterizedTest
  @ValueSource(strings = {"dev", "drill", "prod"})
  void tmpIsAWritableEmptyDir(String overlay) {
    Workload service = service(overlay);
    VolumeMount tmp =
        service.container(ServiceEnvironmentTest.SERVICE_CONTAINER).getVolumeMounts().stream()
            .filter(m -> m.getMountPath().equals("/tmp"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("/tmp is not mounted"));
    Volume volume =
        service.spec().getVolumes().stream()
            .filter(v -> v.getName().equals(tmp.getName()))
            .findFirst()
            .orElseThrow();
    assertNotNull(volume.getEmptyDir(), "/tmp is not an emptyDir");
    assertTrue(tmp.getReadOnly() == null || !tmp.getReadOnly());
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "drill", "prod"})
  void theServiceSelectsTheDeploymentPodsOnTheirHttpPort(String overlay) {
    RenderedManifests rendered = Kustomize.overlay(overlay);
    Service service = rendered.one(Service.class, "markproof");
    Deployment deployment = rendered.one(Deployment.class, "markproof");
    Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();
    assertTrue(
        podLabels.entrySet().containsAll(service.getSpec().getSelector().entrySet()),
        "Service selector " + service.getSpec().getSelector() + " vs pod labels " + podLabels);
    ServicePort port = service.getSpec().getPorts().get(0);
    Container container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
    assertTrue(
        container.getPorts().stream()
            .anyMatch(p -> p.getName().equals(port.getTargetPort().getStrVal())),
        "targetPort " + port.getTargetPort() + " is no container port");
  }

  /**
   * The port the service listens on with this environment: QUARKUS_HTTP_PORT if set, else its
   * application.properties ({@code %prod.} first).
   */
  static int servicePort(Map<String, String> environment) throws IOException {
    if (environment.containsKey("QUARKUS_HTTP_PORT")) {
      return Integer.parseInt(environment.get("QUARKUS_HTTP_PORT"));
    }
    Properties properties = new Properties();
    try (Reader in =
        Files.newBufferedReader(
            RepositoryLayout.serviceModule().resolve("src/main/resources/application.properties"),
            StandardCharsets.ISO_8859_1)) {
      properties.load(in);
    }
    return Integer.parseInt(
        properties.getProperty(
            "%prod.quarkus.http.port", properties.getProperty("quarkus.http.port", "8080")));
  }

  /** A Quarkus duration: seconds as a number, {@code 45s}/{@code 2m}/{@code 500ms}, or ISO-8601. */
  static Duration quarkusDuration(String text) {
    Matcher short_ = Pattern.compile("([0-9]+)(ms|s|m|h|d)?").matcher(text.trim());
    if (!short_.matches()) {
      return Duration.parse(text.trim());
    }
    long amount = Long.parseLong(short_.group(1));
    String unit = short_.group(2) == null ? "s" : short_.group(2);
    return switch (unit) {
      case "ms" -> Duration.ofMillis(amount);
      case "s" -> Duration.ofSeconds(amount);
      case "m" -> Duration.ofMinutes(amount);
      case "h" -> Duration.ofHours(amount);
      default -> Duration.ofDays(amount);
    };
  }

  private static Workload service(String overlay) {
    return Kustomize.overlay(overlay).workloadRunning(ServiceEnvironmentTest.SERVICE_CONTAINER);
  }
}
