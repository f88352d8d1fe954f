package org.markproof.edge.cli;

import org.markproof.edge.audit.AuditCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The border post's and auditor's command line. */
@Command(
    name = "edge-scanner",
    mixinStandardHelpOptions = true,
    version = "edge-scanner 0.1.0",
    description = "Verify markproof logs, notes and labels; scan goods at a border post.",
    subcommands = {
      LogCommand.class,
      NoteCommand.class,
      KeysCommand.class,
      LabelCommand.class,
      AuditCommand.class,
      EvidenceCommand.class,
      SyncCommand.class,
      BundleCommand.class,
      StatusCommand.class,
      ScanCommand.class,
      UploadCommand.class,
      ServeCommand.class,
      TokenCommand.class,
      TokenKeysCommand.class
    },
    footer = {
      "",
      "Exit codes: 0 verified, 1 verification failed (the message says what failed),",
      "2 bad usage, malformed input, no code found or a service unreachable."
    })
public final class EdgeScannerCommand implements Runnable {

  @Override
  public void run() {
    CommandLine.usage(this, System.out);
  }

  /** The configured command line; tests and {@link #main} share it. */
  static CommandLine commandLine() {
    return new CommandLine(new EdgeScannerCommand())
        .setExecutionExceptionHandler(new FailureReporter())
        .setExitCodeExceptionMapper(e -> ExitCodes.BAD_INPUT);
  }

  public static void main(String[] args) {
    CommandLine commandLine = commandLine();
    int exitCode = commandLine.execute(args);
    // PrintWriter flushes on println only; a command that ends with print() must still be seen.
    commandLine.getOut().flush();
    commandLine.getErr().flush();
    System.exit(exitCode);
  }
}
