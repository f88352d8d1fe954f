package org.markproof.edge.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.markproof.contracts.MalformedDataException;
import org.markproof.edge.store.EdgeStore;
import org.markproof.edge.store.PostProfile;
import org.markproof.edge.upload.HttpEdgeApi;
import org.markproof.edge.upload.Uploader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code upload}: the post's queued scans and evidence to the service (docs/edge.md). */
@Command(
    name = "upload",
    description = {
      "Send the scans queued by 'scan' to POST /v1/edge/scans (at most 1,000 per",
      "request) and remove those the service answered recorded or duplicate; scans in",
      "conflict or invalid stay queued and are listed. Then send evidence that the log",
      "misbehaved to POST /v1/edge/evidence. Prints one line per scan: its status, id,",
      "the service's verdict and, if it differs, the post's own.",
      "Exit 0 all sent, 1 some refused, 2 bad input, unreachable or busy (try again)."
    },
    mixinStandardHelpOptions = true)
final class UploadCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin StoreOption store;

  @Option(names = "--server", required = true, paramLabel = "URL", description = "The service")
  String server;

  @Option(
      names = "--token",
      required = true,
      paramLabel = "TOKEN|@FILE",
      description = "A customs officer's bearer token of this post, or @FILE holding it")
  String token;

  private static final int MAX_TOKEN_BYTES = 16 * 1024;

  @Override
  public Integer call() throws IOException, MalformedDataException {
    HttpEdgeApi api = HttpEdgeApi.of(server, bearer(token));
    try (EdgeStore edge = store.open(false)) {
      try {
        edge.observeClock(Instant.now());
        PostProfile post =
            edge.post()
                .orElseThrow(
                    () ->
                        new MalformedDataException(
                            edge.file() + " has no post yet: nothing was scanned to upload"));
        Uploader.Report report = new Uploader(edge, api).upload(post.postId());
        return print(report);
      } finally {
        StoreOption.warnOfEvidence(edge, spec.commandLine().getErr());
      }
    }
  }

  /** A bearer token as an option gives it: the token itself, or {@code @FILE} holding it. */
  static String bearer(String token) throws IOException, MalformedDataException {
    if (!token.startsWith("@")) {
      return token.strip();
    }
    byte[] bytes = InputFiles.read(Path.of(token.substring(1)), MAX_TOKEN_BYTES);
    return new String(bytes, StandardCharsets.UTF_8).strip();
  }

  private int print(Uploader.Report report) {
    PrintWriter out = spec.commandLine().getOut();
    int acknowledged = 0;
    int refused = 0;
    for (Uploader.ScanResult r : report.scans()) {
      boolean differs = !r.edgeVerdict().equals(r.verdict());
      out.println(
          r.status()
              + " "
              + r.scanId()
              + r.verdict().map(v -> " " + v).orElse("")
              + (r.acknowledged() && differs
                  ? " (post said " + r.edgeVerdict().orElse("nothing") + ")"
                  : "")
              + r.detail().map(d -> ": " + d).orElse(""));
      if (r.acknowledged()) {
        acknowledged++;
      } else {
        refused++;
      }
    }
    report.evidenceKept().forEach(e -> out.println("evidence " + e));
    out.println(
        "uploaded: "
            + acknowledged
            + " scan(s) acknowledged, "
            + refused
            + " refused, "
            + report.stillQueued()
            + " still queued; "
            + report.evidenceUploaded()
            + " piece(s) of evidence uploaded");
    out.flush();
    if (report.stopped().isPresent()) {
      PrintWriter err = spec.commandLine().getErr();
      err.println(
          "upload: stopped: "
              + report.stopped().get()
              + (report.retry()
                  ? "; upload again later (what was written is answered duplicate)"
                  : ""));
      err.flush();
      return report.retry() ? ExitCodes.BAD_INPUT : ExitCodes.VERIFICATION_FAILED;
    }
    return refused > 0 || !report.evidenceKept().isEmpty()
        ? ExitCodes.VERIFICATION_FAILED
        : ExitCodes.VERIFIED;
  }
}
