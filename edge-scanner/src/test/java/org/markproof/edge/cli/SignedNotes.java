package org.markproof.edge.cli;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.markproof.contracts.checkpoint.Checkpoint;
import org.markproof.contracts.merkle.MerkleHashes;
import org.markproof.contracts.note.Ed25519NoteSigner;
import org.markproof.contracts.note.SignedNote;

/** Signs test checkpoints with keys the jar generated, to check the jar reads them back. */
final class SignedNotes {
  private SignedNotes() {}

  static String checkpoint(String signerKey, String origin, long size) throws Exception {
    Ed25519NoteSigner signer = Ed25519NoteSigner.parse(signerKey);
    byte[] root = MerkleHashes.leafHash(("root of " + size).getBytes(StandardCharsets.UTF_8));
    String body = Checkpoint.of(origin, size, root).format();
    return SignedNote.sign(body, List.of(signer)).format();
  }
}
