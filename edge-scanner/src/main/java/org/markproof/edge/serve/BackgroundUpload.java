package org.markproof.edge.serve;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.markproof.contracts.MalformedDataException;
import org.markproof.edge.store.EdgeStore;
import org.markproof.edge.upload.EdgeApi;
import org.markproof.edge.upload.Uploader;

/**
 * What {@code serve --server URL} does in the background (docs/edge.md "Serving handhelds on the
 * LAN"), every interval on one daemon thread: fetches the service's token keys and keeps them when
 * they changed, then, with an upload token, uploads the queue with {@link Uploader} (exactly once:
 * client scan ids, the service's idempotent {@code POST /v1/edge/scans}). Each outcome is one log
 * line. It uses a connection of its own to the store, so that nothing it does or fails to do holds
 * up a scan; a failure is logged and tried again at the next interval.
 */
public final class BackgroundUpload implements AutoCloseable {
  private final ScheduledExecutorService timer;
  private final EdgeStore store;

  private BackgroundUpload(ScheduledExecutorService timer, EdgeStore store) {
    this.timer = timer;
    this.store = store;
  }

  /**
   * Starts the loop: the first round at once, then every {@code interval}.
   *
   * @param storeFile the store, opened again here
   * @param server the service's base URL
   * @param api the upload endpoints with the upload token, if uploads are wanted
   * @param auth told to re-read the keys when new ones were kept
   * @throws IOException if the store cannot be opened
   */
  public static BackgroundUpload start(
      Path storeFile,
      String postId,
      String server,
      Optional<EdgeApi> api,
      Optional<LanAuth> auth,
      Duration interval,
      PrintWriter log)
      throws IOException {
    EdgeStore store = EdgeStore.open(storeFile);
    ScheduledExecutorService timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "serve-upload");
              t.setDaemon(true);
              return t;
            });
    BackgroundUpload loop = new BackgroundUpload(timer, store);
    timer.scheduleWithFixedDelay(
        () -> loop.round(postId, server, api, auth, log),
        0,
        interval.toMillis(),
        TimeUnit.MILLISECONDS);
    return loop;
  }

  private void round(
      String postId,
      String server,
      Optional<EdgeApi> api,
      Optional<LanAuth> auth,
      PrintWriter log) {
    try {
      ServiceTokenKeys keys = ServiceTokenKeys.fetch(server);
      Optional<ServiceTokenKeys> kept = ServiceTokenKeys.load(store);
      if (kept.isEmpty() || !java.util.Arrays.equals(kept.get().json(), keys.json())) {
        keys.save(store);
        if (auth.isPresent()) {
          auth.get().reload();
        }
        say(log, "token keys: kept " + keys.keys().size() + " key(s) of " + keys.issuer());
      }
    } catch (IOException | MalformedDataException | RuntimeException e) {
      say(log, "token keys: not fetched: " + e.getMessage());
    }
    if (api.isEmpty()) {
      return;
    }
    try {
      if (store.scanQueue().size() == 0 && store.evidence().notUploaded() == 0) {
        return;
      }
      Uploader.Report report = new Uploader(store, api.get()).upload(postId);
      for (Uploader.ScanResult r : report.scans()) {
        say(
            log,
            "upload: "
                + r.status()
                + " "
                + r.scanId()
                + r.verdict().map(v -> " " + v).orElse("")
                + r.detail().map(d -> ": " + d).orElse(""));
      }
      say(
          log,
          "upload: "
              + report.scans().stream().filter(Uploader.ScanResult::acknowledged).count()
              + " scan(s) acknowledged, "
              + report.stillQueued()
              + " still queued"
              + report.stopped().map(s -> "; stopped: " + s).orElse(""));
    } catch (IOException | RuntimeException e) {
      say(log, "upload: not done, the scans stay queued: " + e.getMessage());
    }
  }

  private static void say(PrintWriter log, String line) {
    synchronized (log) {
      log.println(line);
      log.flush();
    }
  }

  /** Stops the loop, waiting for a round in progress for up to ten seconds. */
  @Override
  public void close() throws IOException {
    timer.shutdownNow();
    try {
      timer.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    store.close();
  }
}
