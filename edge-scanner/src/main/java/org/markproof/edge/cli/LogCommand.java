package org.markproof.edge.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import org.markproof.contracts.MalformedDataException;
import org.markproof.contracts.VerificationException;
import org.markproof.contracts.checkpoint.Checkpoint;
import org.markproof.contracts.checkpoint.CheckpointVerifier;
import org.markproof.contracts.merkle.MerkleHashes;
import org.markproof.contracts.merkle.ProofVerifier;
import org.markproof.contracts.note.Ed25519NoteVerifier;
import org.markproof.contracts.note.NoteVerifiers;
import org.markproof.contracts.note.SignedNote;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Checks of any transparency log in the C2SP / RFC 9162 formats, not only markproof's. */
@Command(
    name = "log",
    description = "Verify checkpoints and Merkle proofs of a transparency log.",
    mixinStandardHelpOptions = true,
    subcommands = {
      LogCommand.VerifyCheckpoint.class,
      LogCommand.VerifyInclusion.class,
      LogCommand.VerifyConsistency.class,
      VerifyProofCommand.class
    })
final class LogCommand {

  @Command(
      name = "verify-checkpoint",
      description = {
        "Print 'origin size root' (root in base64) when the checkpoint (c2sp.org/tlog-checkpoint)",
        "carries a valid signature by VKEY. Signatures by other keys are ignored."
      },
      mixinStandardHelpOptions = true)
  static final class VerifyCheckpoint implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--vkey", required = true, description = "The log's verifier key")
    String vkey;

    @Option(
        names = "--origin",
        description = {
          "Require this origin line. Without it any origin is accepted and printed, since some",
          "logs (Go's checksum database) sign under a key name that differs from the origin."
        })
    String origin;

    @Parameters(paramLabel = "FILE", description = "The signed checkpoint ('-' for stdin)")
    Path file;

    @Override
    public Integer call() throws IOException, MalformedDataException, VerificationException {
      byte[] note = InputFiles.read(file, SignedNote.MAX_NOTE_BYTES);
      Ed25519NoteVerifier key = Ed25519NoteVerifier.parse(vkey);
      Checkpoint checkpoint =
          origin != null
              ? CheckpointVerifier.forLog(key, origin).open(note).checkpoint()
              : Checkpoint.parse(SignedNote.open(note, NoteVerifiers.of(key)).text());
      spec.commandLine()
          .getOut()
          .println(
              checkpoint.origin()
                  + " "
                  + checkpoint.size()
                  + " "
                  + Base64.getEncoder().encodeToString(checkpoint.rootHash()));
      return ExitCodes.VERIFIED;
    }
  }

  @Command(
      name = "verify-inclusion",
      description = "Check an RFC 9162 §2.1.3 inclusion proof of a leaf hash in a tree.",
      mixinStandardHelpOptions = true)
  static final class VerifyInclusion implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--leaf-hash", required = true, description = "base64 leaf hash")
    String leafHash;

    @Option(names = "--index", required = true, description = "The leaf's index")
    long index;

    @Option(names = "--size", required = true, description = "The tree size")
    long size;

    @Option(names = "--root", required = true, description = "base64 root hash of the tree")
    String root;

    @Option(
        names = "--proof",
        required = true,
        description = "Comma-separated base64 hashes, '' for an empty proof")
    String proof;

    @Override
    public Integer call() throws MalformedDataException, VerificationException {
      ProofVerifier.verifyInclusion(
          index,
          size,
          hash("--leaf-hash", leafHash),
          hashes("--proof", proof),
          hash("--root", root));
      spec.commandLine()
          .getOut()
          .println("inclusion verified: index " + index + " in tree of size " + size);
      return ExitCodes.VERIFIED;
    }
  }

  @Command(
      name = "verify-consistency",
      description = "Check an RFC 9162 §2.1.4 consistency proof between two tree heads.",
      mixinStandardHelpOptions = true)
  static final class VerifyConsistency implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--size1", required = true, description = "The older tree size")
    long size1;

    @Option(names = "--size2", required = true, description = "The newer tree size")
    long size2;

    @Option(names = "--root1", required = true, description = "base64 root of the older tree")
    String root1;

    @Option(names = "--root2", required = true, description = "base64 root of the newer tree")
    String root2;

    @Option(
        names = "--proof",
        required = true,
        description = "Comma-separated base64 hashes, '' for an empty proof")
    String proof;

    @Override
    public Integer call() throws MalformedDataException, VerificationException {
      ProofVerifier.verifyConsistency(
          size1, size2, hashes("--proof", proof), hash("--root1", root1), hash("--root2", root2));
      spec.commandLine()
          .getOut()
          .println("consistency verified: tree of size " + size1 + " is a prefix of " + size2);
      return ExitCodes.VERIFIED;
    }
  }

  /** Longest proof of a tree with at most 2^63 leaves, inclusion or consistency. */
  private static final int MAX_PROOF_HASHES = 128;

  /** Decodes one SHA-256 hash given on the command line; a wrong length is a usage error. */
  static byte[] hash(String option, String base64) throws MalformedDataException {
    byte[] hash;
    try {
      hash = Base64.getDecoder().decode(base64.strip());
    } catch (IllegalArgumentException e) {
      throw new MalformedDataException(option + ": not base64: " + e.getMessage());
    }
    if (hash.length != MerkleHashes.HASH_LENGTH) {
      throw new MalformedDataException(
          option + ": got " + hash.length + " bytes, expected " + MerkleHashes.HASH_LENGTH);
    }
    return hash;
  }

  static List<byte[]> hashes(String option, String commaSeparated) throws MalformedDataException {
    List<byte[]> result = new ArrayList<>();
    if (commaSeparated.isBlank()) {
      return result;
    }
    String[] parts = commaSeparated.split(",", -1);
    if (parts.length > MAX_PROOF_HASHES) {
      throw new MalformedDataException(
          option + ": " + parts.length + " hashes, at most " + MAX_PROOF_HASHES + " accepted");
    }
    for (int i = 0; i < parts.length; i++) {
      result.add(hash(option + " hash " + i, parts[i]));
    }
    return result;
  }
}
