package org.markproof.edge.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import org.markproof.contracts.MalformedDataException;
import org.markproof.contracts.edge.EdgeBundle;
import org.markproof.edge.store.EdgeStore;
import org.markproof.edge.sync.BundleExport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Edge bundles (docs/edge.md "The bundle"): the ledger on a USB stick. */
@Command(
    name = "bundle",
    description = "Write edge bundles for posts without a network.",
    mixinStandardHelpOptions = true,
    subcommands = {BundleCommand.Export.class})
final class BundleCommand {

  @Command(
      name = "export",
      description = {
        "Write the store's adopted checkpoint, the consistency proof from --since",
        "and the entries since then as an edge bundle, the same file the service's",
        "GET /v1/edge/bundle?since=SIZE serves. Another post syncs from it with",
        "'sync --bundle FILE'."
      },
      mixinStandardHelpOptions = true)
  static final class Export implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Mixin StoreOption store;

    @Option(
        names = "--since",
        required = true,
        paramLabel = "SIZE",
        description = "The size the receiving post has adopted (0 for a new post)")
    long since;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The bundle")
    Path out;

    @Override
    public Integer call() throws IOException, MalformedDataException {
      try (EdgeStore edge = store.open(false)) {
        try {
          // Written beside the target and moved in place, so a reader never sees half a bundle.
          Path target = out.toAbsolutePath();
          Path partial = target.resolveSibling(target.getFileName() + ".partial");
          EdgeBundle header;
          try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(partial))) {
            header = BundleExport.write(edge, since, file);
          } catch (IOException | MalformedDataException | RuntimeException e) {
            Files.deleteIfExists(partial);
            throw e;
          }
          Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
          spec.commandLine()
              .getOut()
              .println(
                  "bundle written: "
                      + out
                      + ", entries "
                      + header.from()
                      + " to "
                      + header.to()
                      + " ("
                      + (header.to() - header.from())
                      + " entries, "
                      + Files.size(target)
                      + " bytes)");
          return ExitCodes.VERIFIED;
        } finally {
          StoreOption.warnOfEvidence(edge, spec.commandLine().getErr());
        }
      }
    }
  }
}
