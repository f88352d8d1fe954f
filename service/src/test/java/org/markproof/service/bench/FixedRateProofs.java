package org.markproof.service.bench;

import java.net.URI;
import java.util.SplittableRandom;

/**
 * {@code GET /v1/log/proof/inclusion} for random indices at a fixed rate ({@link FixedRateLoad}):
 * proof latency at a chosen fraction of the maximum rate (issue 3).
 *
 * <p>Usage: {@code FixedRateProofs BASE_URL TREE_SIZE RATE SECONDS [CONNECTIONS]}.
 */
public final class FixedRateProofs {
  private FixedRateProofs() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 4) {
      System.err.println("usage: FixedRateProofs BASE_URL TREE_SIZE RATE SECONDS [CONNECTIONS]");
      System.exit(2);
    }
    URI base = URI.create(args[0]);
    long size = Long.parseLong(args[1]);
    // FixedRateLoad builds every request up front, one after the other, before its clock starts.
    SplittableRandom random = new SplittableRandom(size);
    double rate = Double.parseDouble(args[2]);
    int seconds = Integer.parseInt(args[3]);
    FixedRateLoad.run(
        base,
        rate,
        seconds,
        args.length > 4 ? Integer.parseInt(args[4]) : 32,
        i ->
            new FixedRateLoad.Request(
                "GET",
                "/v1/log/proof/inclusion?index=" + random.nextLong(size) + "&size=" + size,
                null,
                null));
  }
}
