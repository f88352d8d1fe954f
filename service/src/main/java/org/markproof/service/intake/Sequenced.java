package org.markproof.service.intake;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A submission in the log: its index and leaf hash, the signed checkpoint (C2SP signed note) that
 * covers it, and the RFC 9162 inclusion proof of the leaf against that checkpoint's tree.
 */
public record Sequenced(
    UUID submission, long index, byte[] leafHash, String checkpoint, List<byte[]> inclusionProof) {
  public Sequenced {
    Objects.requireNonNull(submission, "submission");
    Objects.requireNonNull(checkpoint, "checkpoint");
    leafHash = Objects.requireNonNull(leafHash, "leafHash").clone();
    inclusionProof = inclusionProof.stream().map(byte[]::clone).toList();
  }

  @Override
  public byte[] leafHash() {
    return leafHash.clone();
  }

  @Override
  public List<byte[]> inclusionProof() {
    return inclusionProof.stream().map(byte[]::clone).toList();
  }
}
