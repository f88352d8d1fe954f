package org.markproof.service.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.vertx.http.HttpServerStart;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.markproof.contracts.entry.EntrySigner;
import org.markproof.contracts.entry.ParticipantEnrolled;
import org.markproof.contracts.entry.SignedEntry;
import org.markproof.contracts.entry.StatementCodec;
import org.markproof.service.auth.TokenIssuer;
import org.markproof.service.demo.DemoScenario.Participant;
import org.markproof.service.demo.DemoScenario.Step;

/**
 * Seeds the demo ledger ({@code markproof.demo=true}) through the service's own public API, as
 * participants would, showing both ways in: the operator is custodial (its key is made and kept by
 * the service) and enrols everyone with {@code POST /v1/participants}; every other participant
 * holds its own key, signs its statements and posts them to {@code POST /v1/entries}; each call
 * with {@code ?wait=true} and the participant's own access token. Then writes, under {@code
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
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Resolved only in demo mode: production has no token signing key. */
  @Inject Instance<TokenIssuer> tokenIssuer;

  @Inject Clock clock;

  @ConfigProperty(name = "markproof.demo")
  boolean demo;

  @ConfigProperty(name = "markproof.data-dir")
  Path dataDir;

  /** Quarkus fires this asynchronously once the HTTP server listens. */
  private final CompletableFuture<Path> seeded = new CompletableFuture<>();

  /** Completes with the demo directory once start-up seeding is done (fails if it failed). */
  public CompletionStage<Path> seeded() {
    return seeded;
  }

  void onHttpStarted(@ObservesAsync HttpServerStart started) {
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
      seeded.complete(demoDir);
    } catch (IOException | RuntimeException e) {
      LOG.errorf(
          "Demo seeding failed: %s. The service runs; restart it to seed again.", e.getMessage());
      seeded.completeExceptionally(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      seeded.completeExceptionally(e);
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
      String idempotencyKey = "demo-" + today + "-" + i;
      if (step.statement() instanceof ParticipantEnrolled enrolment) {
        post(
            http,
            base,
            "v1/participants",
            tokenDir,
            step,
            enrolmentBody(enrolment),
            idempotencyKey);
      } else {
        SignedEntry entry = EntrySigner.sign(step.statement(), keys.participant(step.actor().id()));
        post(http, base, "v1/entries", tokenDir, step, entry.encoded(), idempotencyKey);
      }
    }
    labels.write(demoDir.resolve("labels"));
    Files.writeString(marker, today + "\n", StandardCharsets.US_ASCII);
    return demoDir;
  }

  /**
   * The custodial enrolment body: the statement's own fields. The operator's self-enrolment has no
   * {@code publicKey}, so the service makes and keeps the operator's key; every other participant
   * is enrolled with the public key of its own demo key.
   */
  private static byte[] enrolmentBody(ParticipantEnrolled enrolment) throws IOException {
    ObjectNode fields = (ObjectNode) JSON.readTree(StatementCodec.canonicalBytes(enrolment));
    fields.remove(List.of("type", "kind", "submitter"));
    if (enrolment.participant().equals(enrolment.submitter())) {
      fields.remove("publicKey");
    }
    return JSON.writeValueAsBytes(fields);
  }

  private static void post(
      HttpClient http, URI base, String path, Path tokenDir, Step step, byte[] body, String key)
      throws IOException, InterruptedException {
    String token = Files.readString(tokenDir.resolve(step.actor().tokenName() + ".jwt")).strip();
    HttpRequest request =
        HttpRequest.newBuilder(base.resolve(path + "?wait=true"))
            .timeout(REQUEST_TIMEOUT)
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .header("Idempotency-Key", key)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
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
