package org.markproof.edge.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.markproof.contracts.MalformedDataException;
import org.markproof.contracts.VerificationException;
import org.markproof.contracts.checkpoint.Checkpoint;
import org.markproof.contracts.checkpoint.CheckpointVerifier;
import org.markproof.contracts.checkpoint.TlogPolicy;
import org.markproof.contracts.note.Ed25519NoteVerifier;
import org.markproof.contracts.verdict.EvidenceVerifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** The evidence verdicts carry (docs/verdicts.md "Checking a verdict offline"). */
@Command(
    name = "evidence",
    description = "Check the evidence of saved verdicts offline.",
    mixinStandardHelpOptions = true,
    subcommands = {EvidenceCommand.Verify.class})
final class EvidenceCommand {

  @Command(
      name = "verify",
      description = {
        "Check a saved verdict document offline, in order: its signature with",
        "the verdict key, its checkpoint's signature with the log key (and the",
        "witnesses --policy demands), every entry's tlog-proof against that",
        "checkpoint, and that the proven entries say what the verdict claims.",
        "A key is its text (name+hexid+base64) or @FILE holding it."
      },
      mixinStandardHelpOptions = true)
  static final class Verify implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--log-key", required = true, description = "The log's verifier key")
    String logKey;

    @Option(
        names = "--verdict-key",
        required = true,
        description = "The verdict key, as GET /v1/scans/key publishes it")
    String verdictKey;

    @Option(
        names = "--origin",
        description = "The checkpoint origin line to require (default: the log key's name)")
    String origin;

    @Option(names = "--policy", description = "A c2sp.org/tlog-policy file of required witnesses")
    Path policyFile;

    @Parameters(paramLabel = "FILE", description = "The verdict document ('-' for stdin)")
    Path file;

    /** Bound for a policy file; c2sp.org/tlog-policy files are a few kilobytes. */
    private static final int MAX_POLICY_BYTES = 64 * 1024;

    @Override
    public Integer call() throws IOException, MalformedDataException, VerificationException {
      Ed25519NoteVerifier logVerifier = Ed25519NoteVerifier.parse(logKey);
      CheckpointVerifier log =
          origin == null
              ? CheckpointVerifier.forLog(logVerifier)
              : CheckpointVerifier.forLog(logVerifier, origin);
      EvidenceVerifier verifier = EvidenceVerifier.of(log, Ed25519NoteVerifier.parse(verdictKey));
      if (policyFile != null) {
        verifier =
            verifier.withPolicy(TlogPolicy.parse(InputFiles.read(policyFile, MAX_POLICY_BYTES)));
      }
      EvidenceVerifier.Result result =
          verifier.verify(InputFiles.read(file, EvidenceVerifier.MAX_DOCUMENT_BYTES));
      Checkpoint checkpoint = result.checkpoint().checkpoint();
      int cosignatures = result.checkpoint().cosignatures().size();
      int proven = result.entries().size();
      spec.commandLine()
          .getOut()
          .println(
              "verified: "
                  + result.verdict()
                  + ", checkpoint "
                  + checkpoint.origin()
                  + " at size "
                  + checkpoint.size()
                  + (cosignatures == 0 ? "" : " cosigned by " + cosignatures + " witness(es)")
                  + ", "
                  + proven
                  + (proven == 1 ? " entry" : " entries")
                  + " proven"
                  + (proven == 0
                      ? ""
                      : result.entries().stream()
                          .map(e -> e.role() + " " + e.index())
                          .collect(Collectors.joining(", ", " (", ")"))));
      return ExitCodes.VERIFIED;
    }
  }
}
