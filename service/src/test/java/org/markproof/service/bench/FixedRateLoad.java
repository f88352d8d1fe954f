package org.markproof.service.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;

/**
 * A load at a fixed rate, for latency at a chosen fraction of the maximum rate. Request {@code i}
 * is due at {@code start + i / rate}; {@code connections} keep-alive connections, one thread each,
 * take the due times in turn (connection {@code i % connections}) and send each request at its due
 * time or, when the connection is still waiting for an earlier answer, as soon as it is free.
 * Latency runs from the due time, so a stalled service is charged for the requests it held back (no
 * coordinated omission, as wrk2 does). Plain HTTP/1.1 over sockets: the JDK's HttpClient cost the
 * 2-core machine more CPU than the rate it was to measure. Prints the achieved rate and the
 * percentiles.
 */
final class FixedRateLoad {
  private FixedRateLoad() {}

  /** One request: method, request target (path and query), bearer token and JSON body or null. */
  record Request(String method, String target, String token, String body) {}

  static void run(URI url, double rate, int seconds, int connections, IntFunction<Request> requests)
      throws InterruptedException {
    int total = (int) (rate * seconds);
    long[] latencies = new long[total];
    AtomicInteger failed = new AtomicInteger();
    AtomicInteger non200 = new AtomicInteger();
    AtomicLong lastDone = new AtomicLong();
    long start = System.nanoTime() + 200_000_000L;
    Thread[] workers = new Thread[connections];
    for (int c = 0; c < connections; c++) {
      int first = c;
      workers[c] =
          new Thread(
              () -> {
                Connection connection = null;
                for (int i = first; i < total; i += connections) {
                  long due = start + (long) (i * 1e9 / rate);
                  long wait = due - System.nanoTime();
                  if (wait > 0) {
                    LockSupport.parkNanos(wait);
                  }
                  Request request = requests.apply(i);
                  try {
                    if (connection == null) {
                      connection = new Connection(url);
                    }
                    if (connection.send(url, request) != 200) {
                      non200.incrementAndGet();
                    }
                  } catch (IOException e) {
                    failed.incrementAndGet();
                    connection = null;
                  }
                  long now = System.nanoTime();
                  latencies[i] = now - due;
                  lastDone.accumulateAndGet(now, Math::max);
                }
              });
      workers[c].start();
    }
    for (Thread w : workers) {
      w.join();
    }
    double elapsed = (lastDone.get() - start) / 1e9;
    long[] sorted = latencies.clone();
    Arrays.sort(sorted);
    System.out.printf(
        "target %.0f req/s on %d connections: %d requests in %.2f s = %.1f req/s achieved;"
            + " errors %d, non-200 %d%n",
        rate, connections, total, elapsed, total / elapsed, failed.get(), non200.get());
    System.out.printf(
        "latency from due time: p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, max %.2f"
            + " ms%n",
        pct(sorted, 50),
        pct(sorted, 90),
        pct(sorted, 99),
        pct(sorted, 99.9),
        sorted[total - 1] / 1e6);
  }

  private static double pct(long[] sorted, double p) {
    int i = (int) Math.ceil(p / 100 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
  }

  /** One keep-alive HTTP/1.1 connection (answers with a Content-Length or chunked). */
  private static final class Connection {
    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;

    Connection(URI url) throws IOException {
      socket = new Socket(url.getHost(), url.getPort());
      socket.setTcpNoDelay(true);
      socket.setSoTimeout(30_000);
      out = socket.getOutputStream();
      in = new BufferedInputStream(socket.getInputStream(), 1 << 16);
    }

    int send(URI url, Request request) throws IOException {
      StringBuilder head =
          new StringBuilder(request.method())
              .append(' ')
              .append(request.target())
              .append(" HTTP/1.1\r\nHost: ")
              .append(url.getHost())
              .append(':')
              .append(url.getPort())
              .append("\r\n");
      if (request.token() != null) {
        head.append("Authorization: Bearer ").append(request.token()).append("\r\n");
      }
      byte[] content =
          request.body() == null ? new byte[0] : request.body().getBytes(StandardCharsets.UTF_8);
      if (request.body() != null) {
        head.append("Content-Type: application/json\r\nContent-Length: ")
            .append(content.length)
            .append("\r\n");
      }
      head.append("\r\n");
      out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
      out.write(content);
      out.flush();
      String status = line();
      int length = -1;
      boolean chunked = false;
      for (String header = line(); !header.isEmpty(); header = line()) {
        if (header.regionMatches(true, 0, "content-length:", 0, 15)) {
          length = Integer.parseInt(header.substring(15).trim());
        } else if (header.regionMatches(true, 0, "transfer-encoding:", 0, 18)) {
          chunked = header.substring(18).trim().equalsIgnoreCase("chunked");
        }
      }
      if (chunked) {
        for (int size = chunkSize(); size > 0; size = chunkSize()) {
          in.readNBytes(size);
          line();
        }
        line();
      } else if (length >= 0) {
        in.readNBytes(length);
      } else {
        socket.close();
        throw new IOException("answer without a length: " + status);
      }
      return Integer.parseInt(status.split(" ", 3)[1]);
    }

    private int chunkSize() throws IOException {
      String size = line();
      int extension = size.indexOf(';');
      return Integer.parseInt(extension < 0 ? size : size.substring(0, extension), 16);
    }

    private String line() throws IOException {
      StringBuilder line = new StringBuilder();
      for (int b = in.read(); b != '\n'; b = in.read()) {
        if (b < 0) {
          throw new IOException("connection closed");
        }
        if (b != '\r') {
          line.append((char) b);
        }
      }
      return line.toString();
    }
  }
}
