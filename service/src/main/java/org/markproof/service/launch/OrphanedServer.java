package org.markproof.service.launch;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * Stops a PostgreSQL server that a killed previous run left running on a data directory.
 *
 * <p>When the service's JVM dies without running its shutdown hooks ({@code kill -9}, a crash, an
 * out-of-memory kill), the embedded server it started keeps running and keeps the directory locked,
 * so the next start would fail. A server is an orphan when no live process holds the directory's
 * {@code epg-lock} file (the embedded server's owner holds it while it runs; the OS releases it
 * when the owner dies): then the PID on the first line of {@code postmaster.pid} (PostgreSQL's own
 * lock file), if alive and named {@code postgres}, is sent SIGTERM (PostgreSQL's "smart" shutdown:
 * committed data stays, the dead run's sessions are already gone). A stale file whose PID is no
 * longer alive is left to PostgreSQL, which handles it.
 */
final class OrphanedServer {
  private static final Logger LOG = Logger.getLogger(OrphanedServer.class);

  /** The file zonky's {@code EmbeddedPostgres} locks while it owns a data directory. */
  private static final String OWNER_LOCK_FILE = "epg-lock";

  private OrphanedServer() {}

  /**
   * Stops the orphaned server on {@code dataDirectory}, if there is one.
   *
   * @throws IOException if a live owner still uses the directory, or the orphan does not stop
   */
  static void stopIfRunning(Path dataDirectory, Duration patience) throws IOException {
    refuseIfOwned(dataDirectory);
    Optional<ProcessHandle> server = runningServer(dataDirectory.resolve("postmaster.pid"));
    if (server.isEmpty()) {
      return;
    }
    ProcessHandle process = server.get();
    LOG.warnf(
        "A PostgreSQL server (pid %d) left running by a previous run still uses %s: stopping it",
        process.pid(), dataDirectory);
    process.destroy();
    try {
      process.onExit().get(patience.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new IOException(
          "PostgreSQL (pid "
              + process.pid()
              + ") on "
              + dataDirectory
              + " did not stop within "
              + patience
              + "; stop it, then start the service again",
          e);
    } catch (ExecutionException e) {
      throw new IOException("waiting for PostgreSQL (pid " + process.pid() + ") to stop", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while stopping PostgreSQL pid " + process.pid(), e);
    }
  }

  private static void refuseIfOwned(Path dataDirectory) throws IOException {
    Path lockFile = dataDirectory.resolve(OWNER_LOCK_FILE);
    if (!Files.exists(lockFile)) {
      return;
    }
    try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
      FileLock lock = channel.tryLock();
      if (lock == null) {
        throw owned(dataDirectory);
      }
      lock.release();
    } catch (OverlappingFileLockException e) {
      throw owned(dataDirectory);
    }
  }

  private static IOException owned(Path dataDirectory) {
    return new IOException(
        "another markproof service (or test) is using the database in "
            + dataDirectory
            + "; stop it, or choose another markproof.data-dir");
  }

  private static Optional<ProcessHandle> runningServer(Path pidFile) throws IOException {
    if (!Files.isRegularFile(pidFile)) {
      return Optional.empty();
    }
    List<String> lines = Files.readAllLines(pidFile, StandardCharsets.US_ASCII);
    if (lines.isEmpty() || !lines.get(0).strip().matches("[0-9]{1,10}")) {
      return Optional.empty();
    }
    return ProcessHandle.of(Long.parseLong(lines.get(0).strip()))
        .filter(ProcessHandle::isAlive)
        .filter(OrphanedServer::isPostgres);
  }

  private static boolean isPostgres(ProcessHandle process) {
    return process
        .info()
        .command()
        .map(command -> Path.of(command).getFileName().toString().equals("postgres"))
        .orElse(false);
  }
}
