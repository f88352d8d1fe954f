package org.markproof.edge.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.markproof.edge.store.EdgeStore;
import org.markproof.edge.store.EdgeStoreException;
import picocli.CommandLine.Option;

/** {@code --store FILE}, shared by every command that uses the post's edge store. */
final class StoreOption {
  @Option(
      names = "--store",
      paramLabel = "FILE",
      description = "The edge store (SQLite), default: ${DEFAULT-VALUE}",
      defaultValue = "${sys:user.home}/.markproof/edge.db")
  Path file;

  /** Opens the store, creating it when {@code create}; else a missing file is an error. */
  EdgeStore open(boolean create) throws EdgeStoreException, NoSuchFileException {
    if (!create && !Files.exists(file)) {
      throw new NoSuchFileException(file + ": no edge store here; run 'edge-scanner sync' first");
    }
    return EdgeStore.open(file);
  }

  /**
   * Prints the one-line warning every store command ends with while the store holds evidence of
   * misbehaviour that the service has not acknowledged.
   */
  static void warnOfEvidence(EdgeStore store, PrintWriter err) {
    try {
      long pending = store.evidence().notUploaded();
      if (pending > 0) {
        err.println(
            "WARNING: "
                + store.file()
                + " holds "
                + pending
                + " piece(s) of evidence that the log misbehaved, not yet uploaded;"
                + " see 'edge-scanner status'");
        err.flush();
      }
    } catch (EdgeStoreException e) {
      err.println("WARNING: cannot read the evidence table: " + e.getMessage());
    }
  }
}
