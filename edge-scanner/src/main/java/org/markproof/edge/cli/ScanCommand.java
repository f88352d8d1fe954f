package org.markproof.edge.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.markproof.contracts.MalformedDataException;
import org.markproof.contracts.barcode.BarcodeDecoder;
import org.markproof.contracts.barcode.ImageDecoder;
import org.markproof.edge.scan.OfflineScanner;
import org.markproof.edge.scan.ScanInput;
import org.markproof.edge.store.EdgeStore;
import org.markproof.edge.store.PostProfile;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code scan}: the service's verdict, given offline from the edge store (docs/edge.md). */
@Command(
    name = "scan",
    description = {
      "Judge a scanned code (or the first code in a photo) offline against the edge",
      "store, as the service would: print the signed verdict document (JSON, offline:",
      "true) and queue the scan for 'upload'. Past --max-age the verdict is STALE,",
      "with the would-be verdict in wouldBe. The post is given once (--post, --lat,",
      "--lon) and remembered. Exit 0 when a verdict was given (whatever it is),",
      "2 when none could be (no store or checkpoint, no post, unreadable image)."
    },
    mixinStandardHelpOptions = true)
final class ScanCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin StoreOption store;

  @Mixin PostOptions post;

  @ArgGroup(exclusive = true, multiplicity = "1")
  What what;

  static final class What {
    @Parameters(paramLabel = "CODE", description = "The scanned text")
    String code;

    @Option(names = "--image", paramLabel = "FILE", description = "A PNG or JPEG photo of a code")
    Path image;
  }

  @Option(
      names = "--symbology",
      paramLabel = "NAME",
      description = "The symbology of CODE, if the scanner said (qr, datamatrix, …)")
  String symbology;

  @Mixin VerdictOptions verdicts;

  @Override
  public Integer call() throws IOException, MalformedDataException {
    ScanInput input =
        what.image != null
            ? ScanInput.photo(
                new ImageDecoder(BarcodeDecoder.withDefaultBudget()),
                InputFiles.read(what.image, ImageDecoder.MAX_BYTES))
            : ScanInput.text(what.code, Optional.ofNullable(symbology));
    try (EdgeStore edge = store.open(false)) {
      try {
        PostProfile at = post.resolve(edge);
        OfflineScanner.Verdict verdict;
        try (OfflineScanner scanner = verdicts.scanner(edge, verdicts.key(edge, at))) {
          verdict = scanner.scan(at, input, Instant.now());
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(verdict.json());
        out.flush();
        report(verdict);
        return ExitCodes.VERIFIED;
      } finally {
        StoreOption.warnOfEvidence(edge, spec.commandLine().getErr());
      }
    }
  }

  private void report(OfflineScanner.Verdict v) {
    PrintWriter err = spec.commandLine().getErr();
    err.println(
        v.verdict()
            + (v.document().has("wouldBe")
                ? " (would be " + v.document().get("wouldBe").asText() + ")"
                : "")
            + ": scan "
            + v.scanId()
            + " queued for upload; cache age "
            + Durations.format(v.checkpointAge()));
    if (!v.clock().clockBehind().isZero()) {
      err.println(
          "WARNING: the clock is "
              + Durations.format(v.clock().clockBehind())
              + " behind the newest time this store has seen ("
              + v.clock().highWater()
              + "); times and the cache's age are taken from that");
    }
    err.flush();
  }
}
