package org.markproof.edge.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The border post's and auditor's command line. */
@Command(
    name = "edge-scanner",
    mixinStandardHelpOptions = true,
    version = "edge-scanner 0.1.0",
    description = "Verify markproof logs, notes and labels; scan goods at a border post.")
public final class EdgeScannerCommand implements Runnable {

  @Override
  public void run() {
    CommandLine.usage(this, System.out);
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new EdgeScannerCommand()).execute(args));
  }
}
