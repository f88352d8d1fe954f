package org.markproof.service.demo;

import io.quarkus.vertx.http.HttpServerStart;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.markproof.contracts.entry.EntrySigner;
import org.markproof.contracts.entry.SignedEntry;
import org.markproof.service.auth.TokenIssuer;
import org.markproof.service.demo.DemoScenario.Participant;
import org.markproof.service.demo.DemoScenario.Step;

/**
 * Seeds the demo ledger ({@code markproof.demo=true}) through the service's own public API, as
 * participants would: each statement is signed with the participant's own key and posted to {@code
 * POST /v1/entries?wait=true} with that participant's access token. Then writes, under {@code
 * <data-dir>/demo/}: {@code tokens/<role>.jwt}, {@code labels/} (PNG codes and {@code
 * payloads.txt}), and prints where they are and which URLs to try.
 *
 * <p>Runs once per data directory (the {@code demo/seeded} marker); a failed seeding leaves no
 * marker and is retried, safely, at the next start: every post carries an {@code Idempotency-Key}
 * and the statements have natural keys.
 */
@ApplicationScoped
public class DemoSeeder {
  private static final Logger LOG = Logger.getLogger(DemoSeeder.class);
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

  /** Resolved only in demo mode: production has no token signing key. */
  @Inject Instance<TokenIssuer> tokenIssuer;

  @Inject Clock clock;

  @ConfigProperty(name = "markproof.demo")
  boolean demo;

  @ConfigProperty(name = "markproof.data-dir")
  Path dataDir;

  void onHttpStarted(@Observes HttpServerStart started) {
    if (!demo) {
      return;
    }
    URI base = URI.create("http://localhost:" + started.options().getPort() + "/");
    Thread seeding = new Thread(() -> seedAndReport(base), "markproof-demo-seeder");
    seeding.setDaemon(true);
    seeding.start();
  }

  private void seedAndReport(URI base) {
    try {
      Path demoDir = seed(base, dataDir.resolve("demo"));
      LOG.info(summary(base, demoDir));
    } catch (IOException | RuntimeException e) {
      LOG.errorf(
          "Demo seeding failed: %s. The service runs; restart it to seed again.", e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Seeds the demo ledger on the service at {@code base} and writes tokens and labels into {@code
   * demoDir}, unless {@code demoDir} is already marked as seeded.
   *
   * @return {@code demoDir}
   * @throws IllegalStateException if the service refuses a step (its problem body is quoted)
   */
  public Path seed(URI base, Path demoDir) throws IOException, InterruptedException {
    Path marker = demoDir.resolve("seeded");
    if (Files.exists(marker)) {
      return demoDir;
    }
    SecureRandom random = new SecureRandom();
    DemoKeys keys = new DemoKeys(demoDir.resolve("keys"), random);
    DemoLabels labels = DemoLabels.sign(keys, random);
    TokenIssuer tokens = tokenIssuer.get();
    Path tokenDir = demoDir.resolve("tokens");
    Files.createDirectories(tokenDir);
    for (Participant p : DemoScenario.PARTICIPANTS) {
      Files.writeString(
          tokenDir.resolve(p.tokenName() + ".jwt"),
          tokens.issue(p.id(), p.groups(), Map.of()) + "\n",
          StandardCharsets.US_ASCII);
    }
    LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
    List<Step> steps = DemoScenario.steps(keys, today, labels.revokedSerial());
    HttpClient http = HttpClient.newBuilder().connectTimeout(REQUEST_TIMEOUT).build();
    for (int i = 0; i < steps.size(); i++) {
      Step step = steps.get(i);
      SignedEntry entry = EntrySigner.sign(step.statement(), keys.participant(step.actor().id()));
      post(http, base, tokenDir, step, entry, "demo-" + today + "-" + i);
    }
    labels.write(demoDir.resolve("labels"));
    Files.writeString(marker, today + "\n", StandardCharsets.US_ASCII);
    return demoDir;
  }

  private static void post(
      HttpClient http, URI base, Path tokenDir, Step step, SignedEntry entry, String key)
      throws IOException, InterruptedException {
    String token = Files.readString(tokenDir.resolve(step.actor().tokenName() + ".jwt")).strip();
    HttpRequest request =
        HttpRequest.newBuilder(base.resolve("v1/entries?wait=true"))
            .timeout(REQUEST_TIMEOUT)
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .header("Idempotency-Key", key)
            .POST(HttpRequest.BodyPublishers.ofByteArray(entry.encoded()))
            .build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 201 && response.statusCode() != 202) {
      throw new IllegalStateException(
          step.statement().kind().wireName()
              + " by "
              + step.actor().id()
              + " refused with "
              + response.statusCode()
              + ": "
              + response.body());
    }
  }

  static String summary(URI base, Path demoDir) {
    return String.join(
        "\n",
        "",
        "markproof demo ledger is ready.",
        "  access tokens : "
            + demoDir.resolve("tokens")
            + "/<role>.jwt"
            + " (operator, registrar-em, registrar-au, brand-owner, licensee, customs)",
        "  labels        : " + demoDir.resolve("labels") + " (PNG codes; payloads.txt lists them)",
        "  try           : " + base.resolve("checkpoint"),
        "                  " + base.resolve("v1/log/entries?start=0&end=16"),
        "                  " + base.resolve("v1/log/key"),
        "                  " + base.resolve("q/swagger-ui"),
        "  as a participant: curl -H \"Authorization: Bearer $(cat "
            + demoDir.resolve("tokens/operator.jwt")
            + ")\" "
            + base.resolve("v1/me"),
        "");
  }
}
