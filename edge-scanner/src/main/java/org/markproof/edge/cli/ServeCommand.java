package org.markproof.edge.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.markproof.contracts.MalformedDataException;
import org.markproof.contracts.note.Ed25519NoteSigner;
import org.markproof.edge.scan.OfflineScanner;
import org.markproof.edge.serve.BackgroundUpload;
import org.markproof.edge.serve.LanAuth;
import org.markproof.edge.serve.LanServer;
import org.markproof.edge.serve.PostTokens;
import org.markproof.edge.store.EdgeStore;
import org.markproof.edge.store.PostProfile;
import org.markproof.edge.upload.EdgeApi;
import org.markproof.edge.upload.HttpEdgeApi;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code serve}: offline verdicts for the post's handhelds over the LAN (docs/edge.md). */
@Command(
    name = "serve",
    description = {
      "Serve the service's scan API to the post's handhelds while the uplink is down:",
      "POST /v1/scans with what the service takes (JSON, or multipart/form-data with a",
      "photo part; also a PNG/JPEG body) answers the signed verdict document 'scan'",
      "prints and queues the scan; a retried scanId gets the first answer. GET /checkpoint",
      "answers the adopted checkpoint. Handhelds send the bearer JWT they send the",
      "service (checked with its keys kept by 'token-keys fetch' or --server) or a post",
      "token ('token issue'), unless --no-auth. With --server, fetches the token keys and,",
      "with --upload-token, uploads the queue whenever the service answers.",
      "Runs until stopped."
    },
    mixinStandardHelpOptions = true)
final class ServeCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin StoreOption store;

  @Mixin PostOptions post;

  @Option(names = "--port", paramLabel = "N", defaultValue = "8180", description = "Default 8180")
  int port;

  @Option(
      names = "--bind",
      paramLabel = "ADDR",
      defaultValue = "0.0.0.0",
      description = "The address to listen on (default ${DEFAULT-VALUE}, the whole LAN)")
  String bind;

  @Option(
      names = "--no-auth",
      description = "Accept scans without a token: only on a LAN nothing else can reach")
  boolean noAuth;

  @Option(
      names = "--token-key-file",
      paramLabel = "FILE",
      description = "The post's token key (default: <store>.token.key, made once)")
  Path tokenKeyFile;

  @Option(
      names = "--server",
      paramLabel = "URL",
      description = "The service: fetch its token keys and upload while it answers")
  String server;

  @Option(
      names = "--upload-token",
      paramLabel = "TOKEN|@FILE",
      description = "A customs officer's bearer token of this post for the uploads, or @FILE")
  String uploadToken;

  @Option(
      names = "--upload-interval",
      paramLabel = "DURATION",
      converter = Durations.class,
      defaultValue = "30s",
      description = "How often to fetch keys and upload with --server (default ${DEFAULT-VALUE})")
  Duration uploadInterval;

  @Mixin VerdictOptions verdicts;

  // Workers mostly wait for their group's commit (a disk sync): a commit holds at most as many
  // scans as there are workers, so there are several per core.
  @Option(
      names = "--threads",
      defaultValue = "32",
      description = "HTTP worker threads: scans judged or waiting for their commit (default 32)")
  int threads;

  @Override
  public Integer call() throws IOException, MalformedDataException, InterruptedException {
    if (uploadToken != null && server == null) {
      throw new MalformedDataException("--upload-token needs --server URL");
    }
    if (uploadInterval.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new MalformedDataException("--upload-interval: at least 1s");
    }
    Optional<EdgeApi> api =
        uploadToken == null
            ? Optional.empty()
            : Optional.of(HttpEdgeApi.of(server, UploadCommand.bearer(uploadToken)));
    if (server != null) {
      HttpEdgeApi.baseUri(server);
    }
    CountDownLatch stopped = new CountDownLatch(1);
    CountDownLatch closed = new CountDownLatch(1);
    PrintWriter out = spec.commandLine().getOut();
    try (EdgeStore edge = store.open(false)) {
      PostProfile at = post.resolve(edge);
      edge.observeClock(Instant.now());
      Ed25519NoteSigner key = verdicts.key(edge, at);
      Path tokenKey = tokenKeyFile != null ? tokenKeyFile : PostTokens.keyBesideStore(edge.file());
      Optional<LanAuth> auth =
          noAuth
              ? Optional.empty()
              : Optional.of(
                  LanAuth.of(
                      edge,
                      PostTokens.key(tokenKey, at.postId(), new SecureRandom()),
                      at.postId(),
                      Clock.systemUTC()));

      try (OfflineScanner scanner = verdicts.scanner(edge, key);
          LanServer server =
              LanServer.start(
                  new InetSocketAddress(bind, port),
                  edge,
                  scanner,
                  at,
                  auth,
                  Clock.systemUTC(),
                  threads);
          BackgroundUpload uploads = background(edge, at, api, auth, out)) {
        // On SIGTERM or Ctrl-C: let the scans in flight finish and the store close first.
        Runtime.getRuntime()
            .addShutdownHook(
                new Thread(
                    () -> {
                      stopped.countDown();
                      try {
                        closed.await(5, TimeUnit.SECONDS);
                      } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                      }
                    }));
        out.println(
            "serving post "
                + at.postId()
                + " on http://"
                + bind
                + ":"
                + server.port()
                + (noAuth
                    ? " WITHOUT authentication"
                    : ", bearer tokens of "
                        + auth.get().serviceKeys().size()
                        + " service key(s) and the post key in "
                        + tokenKey)
                + "; verdict key "
                + key.verifier().verifierKey().text());
        out.flush();
        if (auth.isPresent() && auth.get().serviceKeys().isEmpty() && this.server == null) {
          spec.commandLine()
              .getErr()
              .println(
                  "WARNING: no service token keys are kept in "
                      + edge.file()
                      + ": only post tokens are accepted; run 'edge-scanner token-keys fetch"
                      + " --server URL' or give --server");
        }
        StoreOption.warnOfEvidence(edge, spec.commandLine().getErr());
        stopped.await();
      }
    } finally {
      closed.countDown();
    }
    return ExitCodes.VERIFIED;
  }

  /** The background loop with --server, else nothing to close. */
  private BackgroundUpload background(
      EdgeStore edge,
      PostProfile at,
      Optional<EdgeApi> api,
      Optional<LanAuth> auth,
      PrintWriter out)
      throws IOException {
    if (server == null) {
      return null;
    }
    return BackgroundUpload.start(edge.file(), at.postId(), server, api, auth, uploadInterval, out);
  }
}
