package org.markproof.edge.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.markproof.contracts.MalformedDataException;
import org.markproof.contracts.VerificationException;
import org.markproof.contracts.checkpoint.Checkpoint;
import org.markproof.contracts.checkpoint.CheckpointVerifier;
import org.markproof.contracts.checkpoint.TlogPolicy;
import org.markproof.contracts.checkpoint.TlogProof;
import org.markproof.contracts.checkpoint.TlogProofVerifier;
import org.markproof.contracts.checkpoint.VerifiedCheckpoint;
import org.markproof.contracts.entry.LogEntry;
import org.markproof.contracts.merkle.MerkleHashes;
import org.markproof.contracts.note.Ed25519NoteVerifier;
import org.markproof.contracts.note.SignedNote;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Checks an offline inclusion proof in the c2sp.org/tlog-proof format: the checkpoint it carries is
 * signed by the log (and cosigned as a c2sp.org/tlog-policy demands), and the entry is in it.
 */
@Command(
    name = "verify-proof",
    description = {
      "Check a c2sp.org/tlog-proof: its checkpoint is signed by VKEY (and cosigned as --policy",
      "demands) and the entry (or leaf hash) is included at the proof's index."
    },
    mixinStandardHelpOptions = true)
final class VerifyProofCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--vkey", description = "The log's verifier key (or name the log in --policy)")
  String vkey;

  @Option(names = "--origin", description = "Require this checkpoint origin line")
  String origin;

  @Option(names = "--policy", description = "A c2sp.org/tlog-policy file of required witnesses")
  Path policyFile;

  @ArgGroup(multiplicity = "1")
  Leaf leaf;

  static final class Leaf {
    @Option(names = "--entry", description = "File holding the entry's bytes (the leaf)")
    Path entry;

    @Option(names = "--leaf-hash", description = "base64 RFC 9162 leaf hash")
    String leafHash;
  }

  @Parameters(paramLabel = "PROOF", description = "The tlog-proof file ('-' for stdin)")
  Path proofFile;

  /** Bound for a policy file; c2sp.org/tlog-policy files are a few kilobytes. */
  private static final int MAX_POLICY_BYTES = 64 * 1024;

  @Override
  public Integer call() throws IOException, MalformedDataException, VerificationException {
    TlogProof proof = TlogProof.parse(InputFiles.read(proofFile, TlogProof.MAX_PROOF_BYTES));
    byte[] leafHash =
        leaf.entry != null
            ? MerkleHashes.leafHash(InputFiles.read(leaf.entry, LogEntry.MAX_LEAF_BYTES))
            : LogCommand.hash("--leaf-hash", leaf.leafHash);
    TlogPolicy policy =
        policyFile == null ? null : TlogPolicy.parse(InputFiles.read(policyFile, MAX_POLICY_BYTES));
    VerifiedCheckpoint checkpoint;
    if (vkey == null && policy == null) {
      throw new MalformedDataException("give the log's key with --vkey, or a --policy naming it");
    } else if (vkey == null) {
      checkpoint = TlogProofVerifier.verify(proof, policy, leafHash);
    } else {
      CheckpointVerifier log =
          CheckpointVerifier.forLog(Ed25519NoteVerifier.parse(vkey), origin(proof));
      checkpoint =
          policy == null
              ? TlogProofVerifier.verify(proof, log, leafHash)
              : TlogProofVerifier.verify(proof, log, policy, leafHash);
    }
    Checkpoint tree = checkpoint.checkpoint();
    spec.commandLine()
        .getOut()
        .println(
            "included: index "
                + proof.index()
                + " in "
                + tree.origin()
                + " at size "
                + tree.size()
                + (checkpoint.cosignatures().isEmpty()
                    ? ""
                    : ", cosigned by " + checkpoint.cosignatures().size() + " witness(es)"));
    return ExitCodes.VERIFIED;
  }

  /** The origin to require: the one given, else the checkpoint's own (see verify-checkpoint). */
  private String origin(TlogProof proof) throws MalformedDataException {
    if (origin != null) {
      return origin;
    }
    return Checkpoint.parse(SignedNote.parse(proof.checkpointNote()).text()).origin();
  }
}
