package org.markproof.service.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Group commit without a database: what {@link GroupedWrites} promises its callers — rows that
 * arrive while a group is being written go together in the next one, each caller gets its own row's
 * result, and a failed group is retried row by row so that only the bad row fails.
 */
class GroupedWritesTest {
  private static final Duration WAIT = Duration.ofSeconds(5);

  /** A writer whose groups complete only when the test says so. */
  private static final class HeldWriter {
    final List<List<String>> groups = new CopyOnWriteArrayList<>();
    final List<CompletableFuture<List<String>>> pending = new CopyOnWriteArrayList<>();

    Uni<List<String>> write(List<String> rows) {
      groups.add(List.copyOf(rows));
      CompletableFuture<List<String>> done = new CompletableFuture<>();
      pending.add(done);
      return Uni.createFrom().completionStage(done);
    }

    void complete(int group) {
      List<String> answers = new ArrayList<>();
      groups.get(group).forEach(row -> answers.add("wrote " + row));
      pending.get(group).complete(answers);
    }
  }

  @Test
  void rowsArrivingDuringAWriteGoTogetherInTheNextAndEachGetsItsOwnResult() {
    HeldWriter writer = new HeldWriter();
    GroupedWrites<String, String> writes = new GroupedWrites<>("rows", 10, writer::write);

    CompletableFuture<String> first = writes.write("a").subscribeAsCompletionStage();
    CompletableFuture<String> b = writes.write("b").subscribeAsCompletionStage();
    CompletableFuture<String> c = writes.write("c").subscribeAsCompletionStage();
    assertEquals(List.of(List.of("a")), writer.groups, "one group in flight at a time");

    writer.complete(0);
    assertEquals("wrote a", first.join());
    assertEquals(List.of(List.of("a"), List.of("b", "c")), writer.groups);
    writer.complete(1);
    assertEquals("wrote b", b.join());
    assertEquals("wrote c", c.join());
  }

  @Test
  void aGroupHoldsAtMostMaxGroupRows() {
    HeldWriter writer = new HeldWriter();
    GroupedWrites<String, String> writes = new GroupedWrites<>("rows", 2, writer::write);
    List<CompletableFuture<String>> results = new ArrayList<>();
    for (String row : List.of("a", "b", "c", "d", "e")) {
      results.add(writes.write(row).subscribeAsCompletionStage());
    }
    for (int i = 0; i < 3; i++) {
      writer.complete(i);
    }
    assertEquals(List.of(List.of("a"), List.of("b", "c"), List.of("d", "e")), writer.groups);
    for (int i = 0; i < results.size(); i++) {
      assertEquals("wrote " + "abcde".charAt(i), results.get(i).join());
    }
  }

  @Test
  void aFailedGroupIsWrittenAgainRowByRowSoOnlyTheBadRowFails() {
    List<List<String>> groups = new CopyOnWriteArrayList<>();
    CompletableFuture<Void> release = new CompletableFuture<>();
    GroupedWrites<String, String> writes =
        new GroupedWrites<>(
            "rows",
            10,
            rows -> {
              groups.add(List.copyOf(rows));
              if (groups.size() == 1) {
                // Hold the first group so that the next three gather behind it.
                return Uni.createFrom().completionStage(release).replaceWith(List.of("first"));
              }
              if (rows.contains("bad")) {
                return Uni.createFrom().failure(new IllegalArgumentException("bad row"));
              }
              return Uni.createFrom().item(rows.stream().map(r -> "wrote " + r).toList());
            });
    CompletableFuture<String> first = writes.write("first").subscribeAsCompletionStage();
    CompletableFuture<String> good = writes.write("good").subscribeAsCompletionStage();
    CompletableFuture<String> bad = writes.write("bad").subscribeAsCompletionStage();
    CompletableFuture<String> after = writes.write("after").subscribeAsCompletionStage();
    release.complete(null);

    assertEquals("first", first.join());
    assertEquals("wrote good", good.join());
    assertEquals("wrote after", after.join());
    Exception failure = assertThrows(Exception.class, bad::join);
    assertTrue(failure.getCause() instanceof IllegalArgumentException, failure.toString());
    assertEquals(
        List.of(
            List.of("first"),
            List.of("good", "bad", "after"),
            List.of("good"),
            List.of("bad"),
            List.of("after")),
        groups);
  }

  @Test
  void aWriterAnsweringTheWrongNumberOfResultsFailsItsRowsRatherThanMisanswering() {
    GroupedWrites<String, String> writes =
        new GroupedWrites<>("rows", 10, rows -> Uni.createFrom().item(List.of()));
    Exception failure = assertThrows(Exception.class, () -> writes.write("a").await().atMost(WAIT));
    assertTrue(failure.getMessage().contains("answered 0"), failure.getMessage());
  }

  @Test
  void aWriterThatThrowsFailsItsRowAndLaterRowsStillGo() {
    List<String> seen = new CopyOnWriteArrayList<>();
    GroupedWrites<String, String> writes =
        new GroupedWrites<>(
            "rows",
            10,
            rows -> {
              seen.addAll(rows);
              if (rows.contains("throws")) {
                throw new IllegalStateException("writer broke");
              }
              return Uni.createFrom().item(rows.stream().map(r -> "wrote " + r).toList());
            });
    assertThrows(IllegalStateException.class, () -> writes.write("throws").await().atMost(WAIT));
    assertEquals("wrote next", writes.write("next").await().atMost(WAIT));
    assertEquals(List.of("throws", "next"), seen);
  }
}
