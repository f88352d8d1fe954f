package org.markproof.edge.sync;

import java.io.IOException;
import java.util.List;
import org.markproof.contracts.MalformedDataException;
import org.markproof.contracts.VerificationException;
import org.markproof.edge.store.EdgeStoreException;

/**
 * Where a {@link Sync} reads a newer checkpoint, a consistency proof and the new entries from: a
 * service ({@link ServiceSource}) or a bundle file ({@link BundleSource}). Nothing a source returns
 * is trusted; {@link Sync} verifies all of it.
 */
public interface SyncSource {
  /** Says where the data comes from, for messages: a URL or a file name. */
  String describe();

  /**
   * The signed checkpoint note to sync to.
   *
   * @throws IOException if it cannot be fetched
   * @throws MalformedDataException if it is too large or the source is malformed
   */
  byte[] checkpoint() throws IOException, MalformedDataException;

  /**
   * The size the source proves consistency from, for a store that adopted {@code adoptedSize}
   * entries: {@code adoptedSize} for a service; the bundle's {@code from} for a bundle.
   */
  long proofStart(long adoptedSize);

  /**
   * The RFC 9162 §2.1.4 consistency proof from {@code from} to {@code to}; {@code from} is {@link
   * #proofStart} and at least 1.
   */
  List<byte[]> consistencyProof(long from, long to) throws IOException, MalformedDataException;

  /**
   * The first index {@link #entries} delivers, at most {@code adoptedSize}: the first entry of the
   * entry bundle holding {@code adoptedSize} for a service, the bundle's {@code from} for a bundle.
   */
  long entriesStart(long adoptedSize);

  /**
   * Delivers entries {@code [from, to)} to {@code sink}, in index order.
   *
   * @throws IOException if they cannot be fetched
   * @throws MalformedDataException if the source's encoding is broken or entries are missing
   */
  void entries(long from, long to, EntrySink sink)
      throws IOException, MalformedDataException, VerificationException;

  /** Receives entries in index order. */
  @FunctionalInterface
  interface EntrySink {
    void accept(long index, byte[] leaf) throws EdgeStoreException, VerificationException;
  }
}
