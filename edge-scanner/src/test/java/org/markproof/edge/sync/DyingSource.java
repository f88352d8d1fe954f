package org.markproof.edge.sync;

import java.io.IOException;
import java.util.List;
import org.markproof.contracts.MalformedDataException;
import org.markproof.contracts.VerificationException;

/** A source that delivers entries until {@code failAt}, then fails like a cut cable. */
record DyingSource(SyncSource inner, long failAt) implements SyncSource {
  @Override
  public String describe() {
    return inner.describe();
  }

  @Override
  public byte[] checkpoint() throws IOException, MalformedDataException {
    return inner.checkpoint();
  }

  @Override
  public long proofStart(long adoptedSize) {
    return inner.proofStart(adoptedSize);
  }

  @Override
  public List<byte[]> consistencyProof(long from, long to)
      throws IOException, MalformedDataException {
    return inner.consistencyProof(from, to);
  }

  @Override
  public long entriesStart(long adoptedSize) {
    return inner.entriesStart(adoptedSize);
  }

  @Override
  public void entries(long from, long to, EntrySink sink)
      throws IOException, MalformedDataException, VerificationException {
    inner.entries(
        from,
        to,
        (index, leaf) -> {
          if (index == failAt) {
            throw new org.markproof.edge.store.EdgeStoreException("connection cut at " + index);
          }
          sink.accept(index, leaf);
        });
  }
}
