package org.markproof.edge.audit;

import java.io.IOException;

/**
 * Fetches the static resources of a tiled transparency log (c2sp.org/tlog-tiles): {@code
 * checkpoint}, {@code tile/<L>/<N>[.p/<W>]} and {@code tile/entries/<N>[.p/<W>]}, by their path
 * under the log's prefix. Nothing fetched is trusted: {@link LogAudit} verifies all of it.
 */
@FunctionalInterface
public interface LogFetcher {
  /**
   * Returns the bytes of the resource at {@code path}.
   *
   * @param path a path relative to the log's prefix, without a leading slash
   * @param maxBytes the most bytes the resource may have; a longer one is refused
   * @throws IOException if the resource cannot be fetched, is missing, or is longer than {@code
   *     maxBytes}
   */
  byte[] fetch(String path, int maxBytes) throws IOException;
}
