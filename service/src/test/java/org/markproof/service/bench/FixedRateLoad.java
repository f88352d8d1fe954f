package org.markproof.service.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;

/**
 * A load at a fixed rate, for latency at a chosen fraction of the maximum rate. Request {@code i}
 * is due at {@code start + i / rate}; it goes out on the first of {@code connections} keep-alive
 * connections that is free at or after its due time. Latency runs from the due time, so a stalled
 * service is charged for the requests it held back (no coordinated omission, as wrk2 does). Prints
 * the achieved rate and the percentiles.
 *
 * <p>The load generator shares the machine with the service it measures, so it must cost little:
 * every request is built before the clock starts; one thread sends each at its due time, another
 * reads every answer through a selector the moment it arrives (plain HTTP/1.1, answers with a
 * Content-Length or chunked). The same load runs unmeasured for a few seconds first. {@code
 * requests} is called from one thread before any clock starts, once per request: the warm-up's
 * (numbered after the measured ones) first, then the measured ones in order. The earlier version, a
 * blocking thread per connection, cost about 85 µs of CPU per request, three times what wrk costs,
 * and at 70 % of the service's maximum it took the CPU the service needed.
 */
final class FixedRateLoad {
  /**
   * Seconds of the same load before the measured one, unmeasured: this JVM's own JIT compilation
   * would otherwise take CPU from the service during the measurement.
   */
  private static final int WARM_UP_SECONDS = 5;

  /**
   * Shortest sleep of the sender: at thousands of requests per second, waking for each one cost
   * more CPU than sending it. A request can go out this much after its due time, which counts in
   * its latency.
   */
  private static final long MIN_NAP_NANOS = 500_000;

  private FixedRateLoad() {}

  /** One request: method, request target (path and query), bearer token and JSON body or null. */
  record Request(String method, String target, String token, String body) {}

  static void run(URI url, double rate, int seconds, int connections, IntFunction<Request> requests)
      throws IOException, InterruptedException {
    int total = (int) (rate * seconds);
    int warming = (int) (rate * WARM_UP_SECONDS);
    byte[][] warm = new byte[warming][];
    for (int i = 0; i < warming; i++) {
      warm[i] = encode(url, requests.apply(total + i)); // fresh requests, after the measured ones
    }
    byte[][] wire = new byte[total][];
    for (int i = 0; i < total; i++) {
      wire[i] = encode(url, requests.apply(i));
    }
    phase(url, rate, connections, warm, false);
    phase(url, rate, connections, wire, true);
  }

  private static void phase(URI url, double rate, int connections, byte[][] wire, boolean report)
      throws IOException, InterruptedException {
    int total = wire.length;
    long[] latencies = new long[total];
    InetSocketAddress address = new InetSocketAddress(url.getHost(), url.getPort());
    AtomicInteger unsent = new AtomicInteger();
    int failed = 0;
    int non200 = 0;
    try (Selector selector = Selector.open()) {
      Queue<Connection> idle = new ConcurrentLinkedQueue<>();
      for (int c = 0; c < connections; c++) {
        idle.add(Connection.open(address, selector));
      }
      long start = System.nanoTime() + 200_000_000L;
      // The sender sleeps until each request is due and writes it on a free connection; this
      // thread only reads, so an answer is read when it arrives, not when the sender wakes.
      Thread sender =
          new Thread(
              () -> {
                for (int i = 0; i < total; i++) {
                  long due = due(start, i, rate);
                  for (long wait = due - System.nanoTime(); wait > 0; ) {
                    LockSupport.parkNanos(Math.max(wait, MIN_NAP_NANOS));
                    wait = due - System.nanoTime();
                  }
                  Connection connection;
                  while ((connection = idle.poll()) == null) {
                    LockSupport.park();
                  }
                  try {
                    connection.send(i, wire[i]);
                  } catch (IOException e) {
                    latencies[i] = System.nanoTime() - due;
                    unsent.incrementAndGet();
                    connection.close();
                    try {
                      idle.add(Connection.open(address, selector));
                    } catch (IOException again) {
                      throw new UncheckedIOException(again);
                    }
                  }
                }
              },
              "fixed-rate-sender");
      sender.start();
      int done = 0;
      long lastDone = start;
      while (done + unsent.get() < total) {
        if (selector.select(100) == 0) {
          continue;
        }
        for (SelectionKey key : selector.selectedKeys()) {
          Connection connection = (Connection) key.attachment();
          if (!connection.busy) {
            connection.closeIfEnded(); // a free connection the server closed: the sender finds out
            continue;
          }
          int status;
          try {
            status = connection.receive();
          } catch (IOException e) {
            status = -1;
          }
          if (status == 0) {
            continue;
          }
          long finished = System.nanoTime();
          latencies[connection.request] = finished - due(start, connection.request, rate);
          lastDone = Math.max(lastDone, finished);
          done++;
          if (status < 0) {
            failed++;
            connection.close();
            idle.add(Connection.open(address, selector));
          } else {
            if (status != 200) {
              non200++;
            }
            idle.add(connection);
          }
          LockSupport.unpark(sender);
        }
        selector.selectedKeys().clear();
      }
      sender.join();
      // The measured phase opens connections of its own; the server should not keep these.
      for (SelectionKey key : selector.keys()) {
        ((Connection) key.attachment()).close();
      }
      if (!report) {
        return;
      }
      double elapsed = (lastDone - start) / 1e9;
      Arrays.sort(latencies);
      System.out.printf(
          "target %.0f req/s on %d connections: %d requests in %.2f s = %.1f req/s achieved;"
              + " errors %d, non-200 %d%n",
          rate, connections, total, elapsed, total / elapsed, failed + unsent.get(), non200);
      System.out.printf(
          "latency from due time: p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, max %.2f"
              + " ms%n",
          pct(latencies, 50),
          pct(latencies, 90),
          pct(latencies, 99),
          pct(latencies, 99.9),
          latencies[total - 1] / 1e6);
    }
  }

  private static long due(long start, int i, double rate) {
    return start + (long) (i * 1e9 / rate);
  }

  private static double pct(long[] sorted, double p) {
    int i = (int) Math.ceil(p / 100 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
  }

  private static byte[] encode(URI url, Request request) {
    byte[] content =
        request.body() == null ? new byte[0] : request.body().getBytes(StandardCharsets.UTF_8);
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
    if (request.body() != null) {
      head.append("Content-Type: application/json\r\nContent-Length: ")
          .append(content.length)
          .append("\r\n");
    }
    byte[] headBytes = head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII);
    byte[] all = Arrays.copyOf(headBytes, headBytes.length + content.length);
    System.arraycopy(content, 0, all, headBytes.length, content.length);
    return all;
  }

  /**
   * One non-blocking keep-alive HTTP/1.1 connection with at most one request in flight; the answer
   * is read into a growing buffer until it is complete.
   */
  private static final class Connection {
    private final SocketChannel channel;
    private ByteBuffer in = ByteBuffer.allocate(1 << 16);
    volatile int request;
    volatile boolean busy;

    private Connection(SocketChannel channel) {
      this.channel = channel;
    }

    static Connection open(InetSocketAddress address, Selector selector) throws IOException {
      SocketChannel channel = SocketChannel.open(address);
      channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
      channel.configureBlocking(false);
      Connection connection = new Connection(channel);
      channel.register(selector, SelectionKey.OP_READ, connection);
      return connection;
    }

    void send(int request, byte[] bytes) throws IOException {
      this.request = request;
      busy = true;
      ByteBuffer out = ByteBuffer.wrap(bytes);
      while (out.hasRemaining()) {
        if (channel.write(out) == 0) {
          Thread.onSpinWait();
        }
      }
    }

    /** Reads what arrived: 0 while the answer is incomplete, else its status code. */
    int receive() throws IOException {
      if (!in.hasRemaining()) {
        in = ByteBuffer.allocate(in.capacity() * 2).put(in.flip());
      }
      if (channel.read(in) < 0) {
        throw new IOException("connection closed");
      }
      int end = complete(in.array(), in.position());
      if (end == 0) {
        return 0;
      }
      int status = Integer.parseInt(new String(in.array(), 9, 3, StandardCharsets.US_ASCII));
      // A complete answer ends the exchange: with one request in flight nothing follows it.
      in.clear();
      busy = false;
      return status;
    }

    void closeIfEnded() {
      try {
        if (channel.read(in) < 0) {
          close();
        }
      } catch (IOException e) {
        close();
      }
    }

    void close() {
      try {
        channel.close();
      } catch (IOException ignored) {
        // closing a broken connection: nothing left to do
      }
    }

    /** The length of the complete answer at the start of {@code b[0..n)}, or 0 if incomplete. */
    private static int complete(byte[] b, int n) {
      int headEnd = indexOf(b, 0, n, "\r\n\r\n");
      if (headEnd < 0) {
        return 0;
      }
      String head = new String(b, 0, headEnd, StandardCharsets.ISO_8859_1);
      int bodyStart = headEnd + 4;
      for (String header : head.split("\r\n")) {
        if (header.regionMatches(true, 0, "content-length:", 0, 15)) {
          int end = bodyStart + Integer.parseInt(header.substring(15).trim());
          return n >= end ? end : 0;
        }
        if (header.regionMatches(true, 0, "transfer-encoding:", 0, 18)
            && header.substring(18).trim().equalsIgnoreCase("chunked")) {
          return chunked(b, bodyStart, n);
        }
      }
      throw new IllegalStateException("answer without a length: " + head.lines().findFirst());
    }

    private static int chunked(byte[] b, int at, int n) {
      while (true) {
        int lineEnd = indexOf(b, at, n, "\r\n");
        if (lineEnd < 0) {
          return 0;
        }
        String size = new String(b, at, lineEnd - at, StandardCharsets.US_ASCII);
        int extension = size.indexOf(';');
        int length = Integer.parseInt(extension < 0 ? size : size.substring(0, extension), 16);
        if (length == 0) {
          int trailerEnd = indexOf(b, lineEnd, n, "\r\n\r\n");
          return trailerEnd < 0 ? 0 : trailerEnd + 4;
        }
        at = lineEnd + 2 + length + 2;
        if (at > n) {
          return 0;
        }
      }
    }

    private static int indexOf(byte[] b, int from, int n, String what) {
      outer:
      for (int i = from; i + what.length() <= n; i++) {
        for (int j = 0; j < what.length(); j++) {
          if (b[i + j] != what.charAt(j)) {
            continue outer;
          }
        }
        return i;
      }
      return -1;
    }
  }
}
