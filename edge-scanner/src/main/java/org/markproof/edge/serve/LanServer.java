package org.markproof.edge.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Iterator;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.markproof.contracts.MalformedDataException;
import org.markproof.contracts.barcode.BarcodeDecoder;
import org.markproof.contracts.barcode.ImageDecoder;
import org.markproof.edge.scan.OfflineScanner;
import org.markproof.edge.scan.ScanInput;
import org.markproof.edge.store.AdoptedCheckpoint;
import org.markproof.edge.store.EdgeStore;
import org.markproof.edge.store.EdgeStoreException;
import org.markproof.edge.store.PostProfile;

/**
 * The post's LAN endpoint for handhelds (docs/edge.md "Serving handhelds on the LAN"), on the JDK's
 * HTTP server: {@code POST /v1/scans} with {@code {"code", "symbology"?}} as JSON, or a PNG or JPEG
 * photo as the body ({@code Content-Type: image/png | image/jpeg}), answers the same signed verdict
 * document {@code scan} prints and queues the scan; {@code GET /checkpoint} answers the adopted
 * checkpoint note. Every request but {@code GET /checkpoint} needs {@code Authorization: Bearer
 * <the post's LAN token>} unless the server runs without authentication.
 *
 * <p>Scans are judged concurrently, one per worker thread ({@link OfflineScanner} is thread-safe),
 * and committed to the queue in groups; each is durable before its answer.
 */
public final class LanServer implements AutoCloseable {
  /** Largest JSON scan, as the service's {@code POST /v1/scans}. */
  static final int MAX_JSON_BYTES = 16 * 1024;

  /** Largest photo, as the service's {@code markproof.scan.max-photo-bytes}. */
  static final int MAX_PHOTO_BYTES = 1_000_000;

  private static final Set<String> MEMBERS = Set.of("code", "symbology");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer http;
  private final ExecutorService workers;
  private final EdgeStore store;
  private final OfflineScanner scanner;
  private final PostProfile post;
  private final Optional<byte[]> token;
  private final Clock clock;
  private final ImageDecoder images = new ImageDecoder(BarcodeDecoder.withDefaultBudget());

  private LanServer(
      HttpServer http,
      ExecutorService workers,
      EdgeStore store,
      OfflineScanner scanner,
      PostProfile post,
      Optional<String> token,
      Clock clock) {
    this.http = http;
    this.workers = workers;
    this.store = store;
    this.scanner = scanner;
    this.post = post;
    this.token = token.map(t -> t.getBytes(StandardCharsets.US_ASCII));
    this.clock = clock;
  }

  /**
   * Starts serving on {@code address}.
   *
   * @param token the bearer token requests must carry; empty to serve without authentication
   */
  public static LanServer start(
      InetSocketAddress address,
      EdgeStore store,
      OfflineScanner scanner,
      PostProfile post,
      Optional<String> token,
      Clock clock,
      int threads)
      throws IOException {
    // Without TCP_NODELAY a keep-alive answer waits for the client's delayed ACK: 40 ms a scan.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
    HttpServer http = HttpServer.create(address, 256);
    ExecutorService workers = Executors.newFixedThreadPool(threads);
    LanServer server = new LanServer(http, workers, store, scanner, post, token, clock);
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
      if (!exchange.getRequestURI().getPath().equals("/v1/scans")) {
        problem(exchange, 404, "not-found", "no such resource");
        return;
      }
      if (!exchange.getRequestMethod().equals("POST")) {
        exchange.getResponseHeaders().set("Allow", "POST");
        problem(exchange, 405, "method-not-allowed", "POST a scan");
        return;
      }
      if (!authorised(exchange)) {
        exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer");
        problem(exchange, 401, "unauthorized", "send Authorization: Bearer <the post's LAN token>");
        return;
      }
      String type =
          Optional.ofNullable(exchange.getRequestHeaders().getFirst("Content-Type"))
              .orElse("")
              .toLowerCase(Locale.ROOT);
      ScanInput input;
      try {
        if (type.startsWith("application/json")) {
          input = json(read(exchange.getRequestBody(), MAX_JSON_BYTES));
        } else if (type.startsWith("image/png") || type.startsWith("image/jpeg")) {
          input = ScanInput.photo(images, read(exchange.getRequestBody(), MAX_PHOTO_BYTES));
        } else {
          problem(exchange, 415, "unsupported-media-type", "send application/json or a photo");
          return;
        }
      } catch (TooLarge e) {
        problem(exchange, 413, "body-too-large", e.getMessage());
        return;
      } catch (MalformedDataException e) {
        problem(exchange, 400, "invalid-field", e.getMessage());
        return;
      }
      OfflineScanner.Verdict verdict;
      try {
        verdict = scanner.scan(post, input, clock.instant());
      } catch (EdgeStoreException e) {
        problem(exchange, 503, "store-unavailable", e.getMessage());
        return;
      }
      send(exchange, 200, "application/json", verdict.json().getBytes(StandardCharsets.UTF_8));
    }
  }

  private void checkpoint(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!exchange.getRequestMethod().equals("GET")) {
        problem(exchange, 405, "method-not-allowed", "GET the checkpoint");
        return;
      }
      Optional<AdoptedCheckpoint> adopted;
      try {
        synchronized (store) {
          adopted = store.checkpoint();
        }
      } catch (EdgeStoreException e) {
        problem(exchange, 503, "store-unavailable", e.getMessage());
        return;
      }
      if (adopted.isEmpty()) {
        problem(exchange, 503, "no-checkpoint", "nothing adopted yet: sync the post");
        return;
      }
      send(
          exchange,
          200,
          "text/plain; charset=utf-8",
          adopted.get().note().getBytes(StandardCharsets.UTF_8));
    }
  }

  private boolean authorised(HttpExchange exchange) {
    if (token.isEmpty()) {
      return true;
    }
    String header = exchange.getRequestHeaders().getFirst("Authorization");
    if (header == null || !header.startsWith("Bearer ")) {
      return false;
    }
    return MessageDigest.isEqual(
        token.get(), header.substring(7).strip().getBytes(StandardCharsets.US_ASCII));
  }

  /** Reads {@code {"code", "symbology"?}} strictly: no other member, each a string. */
  static ScanInput json(byte[] body) throws MalformedDataException {
    JsonNode json;
    try {
      json = JSON.readTree(body);
    } catch (IOException e) {
      throw new MalformedDataException("the body is not one JSON object");
    }
    if (json == null || !json.isObject()) {
      throw new MalformedDataException("the body is not a JSON object");
    }
    for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!MEMBERS.contains(name)) {
        throw new MalformedDataException("/" + name + ": unknown member; a scan has " + MEMBERS);
      }
    }
    JsonNode code = json.get("code");
    if (code == null || !code.isTextual()) {
      throw new MalformedDataException("/code: required, the scanned text");
    }
    JsonNode symbology = json.get("symbology");
    if (symbology != null && !symbology.isTextual()) {
      throw new MalformedDataException("/symbology: expected a string");
    }
    return ScanInput.text(
        code.textValue(), Optional.ofNullable(symbology).map(JsonNode::textValue));
  }

  private static final class TooLarge extends Exception {
    private static final long serialVersionUID = 1L;

    TooLarge(String message) {
      super(message, null, false, false);
    }
  }

  private static byte[] read(InputStream in, int max) throws IOException, TooLarge {
    byte[] body = in.readNBytes(max + 1);
    if (body.length > max) {
      throw new TooLarge("the body has more than " + max + " bytes");
    }
    return body;
  }

  private static void problem(HttpExchange exchange, int status, String type, String detail)
      throws IOException {
    ObjectNode problem = JSON.createObjectNode();
    problem.put("type", "urn:markproof:edge:" + type);
    problem.put("title", type.replace('-', ' '));
    problem.put("status", status);
    problem.put("detail", detail);
    send(exchange, status, "application/problem+json", JSON.writeValueAsBytes(problem));
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
