package org.markproof.edge.store;

import java.io.IOException;

/**
 * The edge store cannot be used: the file is not a markproof edge store, was written by a newer
 * edge-scanner, or SQLite failed. The command line reports it as unusable input (exit 2); the
 * store's previous state is untouched, since every write is one transaction.
 */
public final class EdgeStoreException extends IOException {
  private static final long serialVersionUID = 1L;

  public EdgeStoreException(String message) {
    super(message);
  }

  public EdgeStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
