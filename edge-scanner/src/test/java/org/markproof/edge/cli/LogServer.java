package org.markproof.edge.cli;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;

/**
 * A plain HTTP server in the test JVM serving a fixed map of log resources under {@code /log/}, as
 * a static tlog-tiles host (or CDN) would: 200 with the bytes, or 404.
 */
final class LogServer implements AutoCloseable {
  private final HttpServer server;

  private LogServer(HttpServer server) {
    this.server = server;
  }

  static LogServer serving(Map<String, byte[]> resources) throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/log/",
        exchange -> {
          byte[] body = resources.get(exchange.getRequestURI().getPath().substring(5));
          try (exchange) {
            if (body == null || !exchange.getRequestMethod().equals("GET")) {
              exchange.sendResponseHeaders(404, -1);
              return;
            }
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
              out.write(body);
            }
          }
        });
    server.start();
    return new LogServer(server);
  }

  /** The log's URL prefix, without a trailing slash. */
  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/log";
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
