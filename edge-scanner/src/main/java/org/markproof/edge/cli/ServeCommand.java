package org.markproof.edge.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.markproof.contracts.MalformedDataException;
import org.markproof.contracts.note.Ed25519NoteSigner;
import org.markproof.edge.scan.OfflineScanner;
import org.markproof.edge.serve.LanServer;
import org.markproof.edge.serve.LanToken;
import org.markproof.edge.store.EdgeStore;
import org.markproof.edge.store.PostProfile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code serve}: offline verdicts for the post's handhelds over the LAN (docs/edge.md). */
@Command(
    name = "serve",
    description = {
      "Serve offline verdicts to the post's handhelds: POST /v1/scans with",
      "{\"code\", \"symbology\"?} as JSON, or a PNG/JPEG photo as the body, answers",
      "the signed verdict document 'scan' prints and queues the scan; GET /checkpoint",
      "answers the adopted checkpoint. Requests carry the post's LAN token",
      "(Authorization: Bearer, <store>.lan.token, made once) unless --no-auth.",
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
      names = "--token-file",
      paramLabel = "FILE",
      description = "The post's LAN token (default: <store>.lan.token, made once)")
  Path tokenFile;

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
    CountDownLatch stopped = new CountDownLatch(1);
    CountDownLatch closed = new CountDownLatch(1);
    try (EdgeStore edge = store.open(false)) {
      PostProfile at = post.resolve(edge);
      edge.observeClock(Instant.now());
      Ed25519NoteSigner key = verdicts.key(edge, at);
      Path tokens = tokenFile != null ? tokenFile : LanToken.besideStore(edge.file());
      Optional<String> token =
          noAuth
              ? Optional.empty()
              : Optional.of(LanToken.readOrGenerate(tokens, new SecureRandom()));

      try (OfflineScanner scanner = verdicts.scanner(edge, key);
          LanServer server =
              LanServer.start(
                  new InetSocketAddress(bind, port),
                  edge,
                  scanner,
                  at,
                  token,
                  Clock.systemUTC(),
                  threads)) {
        // On SIGTERM or Ctrl-C: let the scans in flight finish and the store close first.
        Runtime.getRuntime()
            .addShutdownHook(
                new Thread(
                    () -> {
                      stopped.countDown();
                      try {
                        closed.await(5, java.util.concurrent.TimeUnit.SECONDS);
                      } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                      }
                    }));
        PrintWriter out = spec.commandLine().getOut();
        out.println(
            "serving post "
                + at.postId()
                + " on http://"
                + bind
                + ":"
                + server.port()
                + (noAuth ? " WITHOUT authentication" : ", bearer token in " + tokens)
                + "; verdict key "
                + key.verifier().verifierKey().text());
        out.flush();
        StoreOption.warnOfEvidence(edge, spec.commandLine().getErr());
        stopped.await();
      }
    } finally {
      closed.countDown();
    }
    return ExitCodes.VERIFIED;
  }
}
