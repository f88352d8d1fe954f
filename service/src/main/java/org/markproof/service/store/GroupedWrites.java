package org.markproof.service.store;

import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Group commit for one kind of row: the rows of concurrent callers are written together by one
 * statement in one transaction, and each caller is answered once its row is durable. While one
 * group commits the next one gathers; under load a commit carries many rows, when idle a row goes
 * alone at once. One group is in flight at a time, so rows are written in the order they came.
 *
 * <p>Should a group's write fail, each of its rows is written again on its own, so that one bad row
 * fails alone and the others are not refused for it.
 *
 * @param <T> a row to write
 * @param <R> what writing one row answers (for example, whether a unique key kept it out)
 */
public final class GroupedWrites<T, R> {
  private static final Logger LOG = Logger.getLogger(GroupedWrites.class);

  private final String what;
  private final int maxGroup;
  private final Function<List<T>, Uni<List<R>>> write;
  private final ConcurrentLinkedQueue<Waiting<T, R>> queue = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean writing = new AtomicBoolean();

  /**
   * @param what names the rows in a log message, should a group end abnormally
   * @param maxGroup most rows in one write
   * @param write writes its rows in one transaction and answers one result per row, in their order
   */
  public GroupedWrites(String what, int maxGroup, Function<List<T>, Uni<List<R>>> write) {
    if (maxGroup < 1) {
      throw new IllegalArgumentException("a group holds at least one row");
    }
    this.what = what;
    this.maxGroup = maxGroup;
    this.write = write;
  }

  private record Waiting<T, R>(T row, CompletableFuture<R> written) {}

  /** Writes {@code row} durably with whatever else waits; its result once committed. */
  public Uni<R> write(T row) {
    CompletableFuture<R> written = new CompletableFuture<>();
    queue.add(new Waiting<>(row, written));
    drain();
    return Uni.createFrom().completionStage(written);
  }

  private void drain() {
    while (!queue.isEmpty() && writing.compareAndSet(false, true)) {
      List<Waiting<T, R>> group = new ArrayList<>();
      Waiting<T, R> next;
      while (group.size() < maxGroup && (next = queue.poll()) != null) {
        group.add(next);
      }
      if (group.isEmpty()) {
        writing.set(false);
        continue;
      }
      writeGroup(group)
          .subscribe()
          .with(
              ignored -> {
                writing.set(false);
                drain();
              },
              failure -> {
                // writeGroup() settles every row itself; this is a bug's last resort.
                LOG.errorf(failure, "A group of %s ended abnormally", what);
                group.forEach(w -> w.written().completeExceptionally(failure));
                writing.set(false);
                drain();
              });
      return;
    }
  }

  private Uni<Void> writeGroup(List<Waiting<T, R>> group) {
    List<T> rows = new ArrayList<>(group.size());
    group.forEach(w -> rows.add(w.row()));
    return Uni.createFrom()
        .deferred(() -> write.apply(rows))
        .map(
            results -> {
              if (results.size() != group.size()) {
                throw new IllegalStateException(
                    "a write of " + group.size() + " " + what + " answered " + results.size());
              }
              for (int i = 0; i < group.size(); i++) {
                group.get(i).written().complete(results.get(i));
              }
              return (Void) null;
            })
        .onFailure()
        .recoverWithUni(failure -> group.size() == 1 ? fail(group, failure) : oneByOne(group));
  }

  private static <T, R> Uni<Void> fail(List<Waiting<T, R>> group, Throwable failure) {
    group.forEach(w -> w.written().completeExceptionally(failure));
    return Uni.createFrom().voidItem();
  }

  private Uni<Void> oneByOne(List<Waiting<T, R>> group) {
    Uni<Void> chain = Uni.createFrom().voidItem();
    for (Waiting<T, R> w : group) {
      chain = chain.chain(() -> writeGroup(List.of(w)));
    }
    return chain;
  }
}
