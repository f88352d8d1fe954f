package org.markproof.service.bench;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * {@code POST /v1/scans} at a fixed rate ({@link FixedRateLoad}), for latency at a chosen fraction
 * of the maximum rate.
 *
 * <p>Usage: {@code FixedRateScans URL TOKEN PAYLOADS RATE SECONDS [CONNECTIONS]}, payload lines as
 * {@link BigScanPayloads} writes them, each scan a fresh scan id.
 */
public final class FixedRateScans {
  private FixedRateScans() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 5) {
      System.err.println("usage: FixedRateScans URL TOKEN PAYLOADS RATE SECONDS [CONNECTIONS]");
      System.exit(2);
    }
    URI url = URI.create(args[0]);
    String token = args[1];
    List<String> lines = Files.readAllLines(Path.of(args[2]), StandardCharsets.UTF_8);
    String run = Long.toString(System.currentTimeMillis(), 36);
    FixedRateLoad.run(
        url,
        Double.parseDouble(args[3]),
        Integer.parseInt(args[4]),
        args.length > 5 ? Integer.parseInt(args[5]) : 32,
        i -> {
          String[] f = lines.get(i % lines.size()).split("\t", 4);
          String body =
              String.format(
                  "{\"code\":\"%s\",\"postId\":\"de-fra-cargo\",\"lat\":%s,\"lon\":%s,"
                      + "\"scannedAt\":\"%s\",\"scanId\":\"fixed-%s-%d\"}",
                  f[3].replace("\\", "\\\\").replace("\"", "\\\""),
                  f[1],
                  f[2],
                  Instant.now().truncatedTo(ChronoUnit.SECONDS),
                  run,
                  i);
          return new FixedRateLoad.Request("POST", url.getRawPath(), token, body);
        });
  }
}
