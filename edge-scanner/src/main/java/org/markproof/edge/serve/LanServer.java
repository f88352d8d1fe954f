package org.markproof.edge.serve;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.markproof.contracts.MalformedDataException;
import org.markproof.contracts.barcode.BarcodeDecoder;
import org.markproof.contracts.barcode.ImageDecoder;
import org.markproof.contracts.entry.ParticipantRole;
import org.markproof.contracts.problem.ProblemCode;
import org.markproof.contracts.rules.ParticipantRecord;
import org.markproof.edge.scan.OfflineScanner;
import org.markproof.edge.serve.LanProblem.Violation;
import org.markproof.edge.store.AdoptedCheckpoint;
import org.markproof.edge.store.EdgeStore;
import org.markproof.edge.store.EdgeStoreException;
import org.markproof.edge.store.PostProfile;
import org.markproof.edge.store.QueuedScan;

/**
 * The post's LAN endpoint for handhelds (docs/edge.md "Serving handhelds on the LAN"), on the JDK's
 * HTTP server, a drop-in for the service's scan API while the uplink is down: {@code POST
 * /v1/scans} takes what the service takes ({@link HandheldScan}: JSON, or a multipart form with a
 * photo; also a PNG or JPEG as the whole body) with the same bearer token ({@link LanAuth}),
 * answers the signed verdict document {@code scan} prints and queues the scan; a retry of a scan id
 * gets the first answer ({@link ReplayedScans}). {@code GET /checkpoint} answers the adopted
 * checkpoint note. Refusals are the service's problem documents ({@link LanProblem}).
 *
 * <p>Scans are judged concurrently, one per worker thread ({@link OfflineScanner} is thread-safe),
 * and committed to the queue in groups; each is durable before its answer, unless the request says
 * {@code ?durable=false}.
 */
public final class LanServer implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer http;
  private final ExecutorService workers;
  private final EdgeStore store;
  private final OfflineScanner scanner;
  private final PostProfile post;
  private final Optional<LanAuth> auth;
  private final Clock clock;
  private final ImageDecoder images = new ImageDecoder(BarcodeDecoder.withDefaultBudget());
  private final ReplayedScans replays = new ReplayedScans();

  private LanServer(
      HttpServer http,
      ExecutorService workers,
      EdgeStore store,
      OfflineScanner scanner,
      PostProfile post,
      Optional<LanAuth> auth,
      Clock clock) {
    this.http = http;
    this.workers = workers;
    this.store = store;
    this.scanner = scanner;
    this.post = post;
    this.auth = auth;
    this.clock = clock;
  }

  /**
   * Starts serving on {@code address}.
   *
   * @param auth whom to trust with tokens; empty to serve without authentication
   */
  public static LanServer start(
      InetSocketAddress address,
      EdgeStore store,
      OfflineScanner scanner,
      PostProfile post,
      Optional<LanAuth> auth,
      Clock clock,
      int threads)
      throws IOException {
    // Without TCP_NODELAY a keep-alive answer waits for the client's delayed ACK: 40 ms a scan.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
    HttpServer http = HttpServer.create(address, 256);
    ExecutorService workers = Executors.newFixedThreadPool(threads);
    LanServer server = new LanServer(http, workers, store, scanner, post, auth, clock);
    http.createContext("/v1/scans", server::scans);
    http.createContext("/checkpoint", server::checkpoint);
    http.setExecutor(workers);
    http.start();
    return server;
  }

  /** The port served on. */
  public int port() {
    return http.getAddress().getPort();
  }

  private void scans(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      try {
        if (!path.equals("/v1/scans")) {
          throw new LanProblem(
              ProblemCode.NOT_FOUND, "no such resource: " + MultipartForm.echo(path));
        }
        if (!exchange.getRequestMethod().equals("POST")) {
          exchange.getResponseHeaders().set("Allow", "POST");
          throw new LanProblem(ProblemCode.METHOD_NOT_ALLOWED, "POST a scan");
        }
        boolean durable = durableParameter(exchange.getRequestURI().getRawQuery());
        authorise(exchange);
        HandheldScan scan = read(exchange);
        if (scan.postId().isPresent() && !scan.postId().get().equals(post.postId())) {
          throw new LanProblem(
              ProblemCode.FORBIDDEN,
              "this is post " + post.postId() + ", not " + scan.postId().get(),
              List.of(new Violation("post-mismatch", "/postId", "not this post")),
              Optional.of("send the scan to the post it names, or leave postId out"));
        }
        ReplayedScans.Answer answer = replays.answer(scan, s -> fresh(s, durable), this::queued);
        if (durable) {
          try {
            answer.recording().awaitDurable(); // a retry of a scan answered as pending
          } catch (EdgeStoreException e) {
            throw new LanProblem(ProblemCode.SERVICE_UNAVAILABLE, e.getMessage());
          }
        }
        exchange
            .getResponseHeaders()
            .set("Markproof-Record", answer.recording().durable() ? "durable" : "pending");
        if (answer.replayed()) {
          exchange.getResponseHeaders().set("Markproof-Replayed", "true");
        }
        send(exchange, 200, "application/json", answer.json());
      } catch (LanProblem p) {
        send(exchange, p.code.status(), "application/problem+json", bytes(p, path));
      }
    }
  }

  /**
   * {@code ?durable=true|false} as the service takes it; here the default is true (the answer
   * follows the scan's commit), and false answers before it ({@code Markproof-Record: pending}).
   */
  private static boolean durableParameter(String query) throws LanProblem {
    boolean durable = true;
    if (query == null) {
      return durable;
    }
    for (String pair : query.split("&")) {
      if (pair.equals("durable=false")) {
        durable = false;
      } else if (pair.startsWith("durable=") && !pair.equals("durable=true")) {
        throw new LanProblem(ProblemCode.BAD_REQUEST, "the durable parameter is true or false");
      }
    }
    return durable;
  }

  private void authorise(HttpExchange exchange) throws LanProblem {
    if (auth.isEmpty()) {
      return;
    }
    TokenVerifier.Caller caller;
    try {
      caller = auth.get().verifier().verify(exchange.getRequestHeaders().getFirst("Authorization"));
    } catch (TokenVerifier.Refused e) {
      if (e.status == 401) {
        exchange
            .getResponseHeaders()
            .set(
                "WWW-Authenticate",
                "Bearer realm=\"markproof\""
                    + (exchange.getRequestHeaders().containsKey("Authorization")
                        ? ", error=\"invalid_token\""
                        : ""));
      }
      throw new LanProblem(
          e.status == 401 ? ProblemCode.UNAUTHENTICATED : ProblemCode.FORBIDDEN,
          e.getMessage(),
          List.of(),
          e.expired ? Optional.of("obtain a new token") : Optional.empty());
    } catch (EdgeStoreException e) {
      throw new LanProblem(ProblemCode.SERVICE_UNAVAILABLE, e.getMessage());
    }
    if (caller.kind() == TokenVerifier.Issuer.SERVICE) {
      requireOfficerOfThisPost(caller.subject());
    }
  }

  /** As the service's {@code CustomsPosts.requirePost}, against the adopted ledger state. */
  private void requireOfficerOfThisPost(String subject) throws LanProblem {
    Optional<ParticipantRecord> who;
    try {
      who = scanner.participant(subject);
    } catch (EdgeStoreException e) {
      throw new LanProblem(ProblemCode.SERVICE_UNAVAILABLE, e.getMessage());
    }
    if (who.isEmpty()
        || !who.get().isActive()
        || !(who.get().role() instanceof ParticipantRole.Customs customs)) {
      throw new LanProblem(
          ProblemCode.FORBIDDEN,
          subject + " is not an active customs participant in the ledger",
          List.of(),
          Optional.of("the operator enrols customs officers with their post"));
    }
    if (!customs.post().equals(post.postId())) {
      throw new LanProblem(
          ProblemCode.FORBIDDEN,
          subject + " works at post " + customs.post() + ", not " + post.postId(),
          List.of(new Violation("post-mismatch", "/postId", "not your post")),
          Optional.empty());
    }
  }

  private HandheldScan read(HttpExchange exchange) throws IOException, LanProblem {
    String contentType =
        Optional.ofNullable(exchange.getRequestHeaders().getFirst("Content-Type")).orElse("");
    String type = contentType.toLowerCase(Locale.ROOT).split(";", 2)[0].strip();
    InputStream body = exchange.getRequestBody();
    switch (type) {
      case "application/json":
        return HandheldScan.json(
            read(body, HandheldScan.MAX_JSON_BYTES, "a scan"), clock.instant());
      case "multipart/form-data":
        try {
          String boundary = MultipartForm.boundary(contentType);
          byte[] form = read(body, HandheldScan.MAX_FORM_BYTES, "a photo scan");
          return HandheldScan.form(MultipartForm.parse(form, boundary), images, clock.instant());
        } catch (MalformedDataException e) {
          throw new LanProblem(
              ProblemCode.BAD_REQUEST, "malformed multipart/form-data: " + e.getMessage());
        }
      case "image/png":
      case "image/jpeg":
        return HandheldScan.image(read(body, HandheldScan.MAX_PHOTO_BYTES, "a photo"), images);
      default:
        throw new LanProblem(
            ProblemCode.UNSUPPORTED_MEDIA_TYPE,
            "this endpoint does not read Content-Type "
                + MultipartForm.echo(contentType.isEmpty() ? "(none)" : contentType)
                + "; send application/json, multipart/form-data with a photo part, or a PNG or"
                + " JPEG image");
    }
  }

  private ReplayedScans.Answered fresh(HandheldScan scan, boolean durable) throws LanProblem {
    OfflineScanner.Verdict verdict;
    try {
      verdict = scanner.scan(post, scan.input(), scan.given(), clock.instant(), durable);
    } catch (EdgeStoreException e) {
      throw new LanProblem(ProblemCode.SERVICE_UNAVAILABLE, e.getMessage());
    }
    return new ReplayedScans.Answered(
        ScanFields.of(verdict.document().get("scan")), verdict.utf8(), verdict.recording());
  }

  private Optional<QueuedScan> queued(String scanId) throws EdgeStoreException {
    synchronized (store) {
      return store.scanQueue().find(scanId);
    }
  }

  private void checkpoint(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      try {
        if (!exchange.getRequestMethod().equals("GET")) {
          exchange.getResponseHeaders().set("Allow", "GET");
          throw new LanProblem(ProblemCode.METHOD_NOT_ALLOWED, "GET the checkpoint");
        }
        Optional<AdoptedCheckpoint> adopted;
        try {
          synchronized (store) {
            adopted = store.checkpoint();
          }
        } catch (EdgeStoreException e) {
          throw new LanProblem(ProblemCode.SERVICE_UNAVAILABLE, e.getMessage());
        }
        if (adopted.isEmpty()) {
          throw new LanProblem(
              ProblemCode.SERVICE_UNAVAILABLE, "nothing adopted yet: sync the post");
        }
        send(
            exchange,
            200,
            "text/plain; charset=utf-8",
            adopted.get().note().getBytes(StandardCharsets.UTF_8));
      } catch (LanProblem p) {
        send(exchange, p.code.status(), "application/problem+json", bytes(p, path));
      }
    }
  }

  private static byte[] read(InputStream in, int max, String what) throws IOException, LanProblem {
    byte[] body = in.readNBytes(max + 1);
    if (body.length > max) {
      throw new LanProblem(
          ProblemCode.BODY_TOO_LARGE,
          "the body has more than " + max + " bytes; " + what + " has fewer");
    }
    return body;
  }

  private static byte[] bytes(LanProblem p, String path) throws IOException {
    return JSON.writeValueAsBytes(p.json(path));
  }

  private static void send(HttpExchange exchange, int status, String type, byte[] body)
      throws IOException {
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  /** Stops serving, letting requests in flight finish for up to a second. */
  @Override
  public void close() {
    http.stop(1);
    workers.shutdown();
  }
}
