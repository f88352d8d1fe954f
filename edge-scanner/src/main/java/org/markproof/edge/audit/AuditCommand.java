package org.markproof.edge.audit;

import java.io.IOException;
import java.util.Base64;
import java.util.concurrent.Callable;
import org.markproof.contracts.MalformedDataException;
import org.markproof.contracts.VerificationException;
import org.markproof.contracts.checkpoint.Checkpoint;
import org.markproof.contracts.checkpoint.CheckpointVerifier;
import org.markproof.contracts.note.Ed25519NoteVerifier;
import org.markproof.edge.cli.ExitCodes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code audit --log URL --vkey VKEY}: the independent check the Kubernetes CronJob runs
 * (k8s/components/audit) — reads a markproof log through its public c2sp.org/tlog-tiles resources
 * and verifies it with {@link LogAudit}.
 */
@Command(
    name = "audit",
    description = {
      "Audit a markproof log from its public resources: verify its checkpoint",
      "with VKEY, read every entry bundle and tile (c2sp.org/tlog-tiles),",
      "recompute the RFC 9162 tree and compare it with the tiles and the",
      "checkpoint's root. Prints the first entry or tile that is wrong."
    },
    mixinStandardHelpOptions = true)
public final class AuditCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--log",
      required = true,
      paramLabel = "URL",
      description = "The log's URL prefix: URL/checkpoint and URL/tile/... are read")
  String log;

  @Option(names = "--vkey", required = true, description = "The log's verifier key")
  String vkey;

  @Option(
      names = "--origin",
      description = "The checkpoint origin line to require (default: the key's name)")
  String origin;

  @Override
  public Integer call() throws IOException, MalformedDataException, VerificationException {
    Ed25519NoteVerifier key = Ed25519NoteVerifier.parse(vkey);
    CheckpointVerifier verifier =
        origin == null ? CheckpointVerifier.forLog(key) : CheckpointVerifier.forLog(key, origin);
    HttpLogFetcher fetcher = HttpLogFetcher.forPrefix(log);
    LogAudit.Result result = new LogAudit(fetcher, verifier).run();
    Checkpoint checkpoint = result.checkpoint();
    spec.commandLine()
        .getOut()
        .println(
            "log verified: "
                + checkpoint.origin()
                + " "
                + checkpoint.size()
                + " "
                + Base64.getEncoder().encodeToString(checkpoint.rootHash())
                + " ("
                + result.bundles()
                + " entry bundles, "
                + result.tiles()
                + " tiles)");
    return ExitCodes.VERIFIED;
  }
}
