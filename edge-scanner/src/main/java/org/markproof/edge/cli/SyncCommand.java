package org.markproof.edge.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.markproof.contracts.MalformedDataException;
import org.markproof.contracts.VerificationException;
import org.markproof.contracts.checkpoint.CheckpointVerifier;
import org.markproof.contracts.checkpoint.Ed25519CosignatureVerifier;
import org.markproof.contracts.checkpoint.TlogPolicy;
import org.markproof.contracts.note.Ed25519NoteVerifier;
import org.markproof.edge.audit.HttpLogFetcher;
import org.markproof.edge.store.EdgeStore;
import org.markproof.edge.store.TerritoryFilter;
import org.markproof.edge.sync.BundleSource;
import org.markproof.edge.sync.CheckpointOpener;
import org.markproof.edge.sync.ServiceSource;
import org.markproof.edge.sync.Sync;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sync}: brings the edge store up to the log's latest checkpoint (docs/edge.md). */
@Command(
    name = "sync",
    description = {
      "Verify and adopt the log's newer checkpoint and entries into the edge store,",
      "from a service (--server) or a bundle file (--bundle). A smaller checkpoint",
      "(rollback) or one not consistent with the adopted one (fork) is refused and",
      "kept as evidence; the store keeps its previous verified state on any failure.",
      "With --territory the store keeps only the entries those territories' posts need.",
      "Exit 0 adopted or up to date, 1 refused, 2 bad input or unreachable."
    },
    mixinStandardHelpOptions = true)
final class SyncCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin StoreOption store;

  @ArgGroup(exclusive = true, multiplicity = "1")
  From from;

  static final class From {
    @Option(names = "--server", paramLabel = "URL", description = "The service's URL")
    String server;

    @Option(names = "--bundle", paramLabel = "FILE", description = "An edge bundle file")
    Path bundle;
  }

  @Option(names = "--log-key", required = true, description = "The log's verifier key")
  String logKey;

  @Option(
      names = "--timestamp-key",
      paramLabel = "VKEY",
      description = {
        "The log's timestamp key (GET /v1/log/key timestampVerifierKey): the checkpoint",
        "must carry its cosignature, whose time then dates the cache"
      })
  String timestampKey;

  @Option(
      names = "--origin",
      description = "The checkpoint origin line to require (default: the log key's name)")
  String origin;

  @Option(names = "--policy", description = "A c2sp.org/tlog-policy file of required witnesses")
  Path policyFile;

  @Option(
      names = "--territory",
      split = ",",
      paramLabel = "ST3",
      description = {
        "Keep only the entries posts in these territories need, e.g. EM,AU: batches",
        "(and their revocations) of products registered elsewhere only are hashed and",
        "checked but not stored. Fixed by a store's first sync (remembered; another",
        "value, or one for a store that keeps every entry, is refused)"
      })
  List<String> territories;

  private static final int MAX_POLICY_BYTES = 64 * 1024;

  @Override
  public Integer call() throws IOException, MalformedDataException, VerificationException {
    Ed25519NoteVerifier key = Ed25519NoteVerifier.parse(logKey);
    CheckpointVerifier log =
        origin == null ? CheckpointVerifier.forLog(key) : CheckpointVerifier.forLog(key, origin);
    Optional<TlogPolicy> policy =
        policyFile == null
            ? Optional.empty()
            : Optional.of(TlogPolicy.parse(InputFiles.read(policyFile, MAX_POLICY_BYTES)));
    Optional<Ed25519CosignatureVerifier> timestamp =
        timestampKey == null
            ? Optional.empty()
            : Optional.of(Ed25519CosignatureVerifier.parse(timestampKey));
    CheckpointOpener opener = new CheckpointOpener(log, policy, timestamp);
    Optional<TerritoryFilter> filter =
        territories == null ? Optional.empty() : Optional.of(TerritoryFilter.of(territories));
    try (EdgeStore edge = store.open(true)) {
      try {
        Instant floor = edge.observeClock(Instant.now()).effective();
        Sync.Result result = run(new Sync(edge, opener, new HighWaterClock(floor), filter));
        print(result);
        return ExitCodes.VERIFIED;
      } finally {
        StoreOption.warnOfEvidence(edge, spec.commandLine().getErr());
      }
    }
  }

  private Sync.Result run(Sync sync)
      throws IOException, MalformedDataException, VerificationException {
    if (from.bundle != null) {
      try (BundleSource bundle = BundleSource.open(from.bundle)) {
        return sync.run(bundle);
      }
    }
    HttpLogFetcher fetcher = HttpLogFetcher.forPrefix("--server", from.server);
    // Entry bundles are fetched and decoded a few ahead, while the sync hashes and stores.
    return sync.run(new ServiceSource(fetcher, fetcher.prefix().toString(), 4));
  }

  private void print(Sync.Result r) {
    String seconds = String.format(Locale.ROOT, "%.2f s", r.took().toNanos() / 1e9);
    spec.commandLine()
        .getOut()
        .println(
            r.outcome() == Sync.Outcome.UP_TO_DATE
                ? "up to date: " + r.newSize() + " entries (" + seconds + ")"
                : "synced: "
                    + r.oldSize()
                    + " -> "
                    + r.newSize()
                    + " entries, "
                    + r.entriesAdded()
                    + " added in "
                    + seconds
                    + r.territories()
                        .map(
                            t ->
                                " (kept for "
                                    + t.text()
                                    + ": "
                                    + r.entriesStored()
                                    + " of them stored)")
                        .orElse(""));
  }
}
