package org.markproof.service.submission;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.vertx.RunOnVertxContext;
import io.quarkus.test.vertx.UniAsserter;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Hibernate Reactive reads and writes the submission table the migrations built (the test profile
 * also validates every entity against the schema at start), and the schema refuses a second
 * submission under the same natural key.
 */
@QuarkusTest
class SubmissionRepositoryTest {
  @Inject SubmissionRepository submissions;

  @Test
  @RunOnVertxContext
  void findsASubmissionByItsIdempotencyKeyAndByItsNaturalKey(UniAsserter asserter) {
    String unique = UUID.randomUUID().toString();
    Submission stored = pending("registrar-em", "key-" + unique, "trademark:EM:" + unique);
    asserter.execute(() -> Panache.withTransaction(() -> submissions.persist(stored)));
    asserter.assertThat(
        () -> submissions.findByIdempotencyKey("registrar-em", "key-" + unique),
        found -> {
          assertEquals(stored.id, found.id);
          assertEquals(SubmissionStatus.PENDING, found.status);
          assertArrayEquals(stored.entry, found.entry);
          assertEquals(stored.createdAt, found.createdAt);
          assertEquals("{\"accepted\":true}", found.result);
        });
    asserter.assertThat(
        () -> submissions.findByNaturalKey("trademark:EM:" + unique),
        found -> assertEquals(stored.id, found.id));
    asserter.assertThat(
        () -> submissions.findByIdempotencyKey("registrar-au", "key-" + unique),
        found -> assertNull(found, "idempotency keys are scoped to their submitter"));
  }

  @Test
  @RunOnVertxContext
  void refusesASecondSubmissionOfTheSameStatement(UniAsserter asserter) {
    String naturalKey = "batch:09506000134352:" + UUID.randomUUID();
    asserter.execute(
        () ->
            Panache.withTransaction(
                () -> submissions.persist(pending("brand-a", null, naturalKey))));
    asserter.assertFailedWith(
        () ->
            Panache.withTransaction(
                () -> submissions.persist(pending("brand-b", null, naturalKey))),
        failure ->
            assertTrue(
                String.valueOf(failure.getMessage()).contains("submission_natural_key_key")
                    || String.valueOf(failure.getCause()).contains("submission_natural_key_key"),
                String.valueOf(failure)));
  }

  private static Submission pending(String submitter, String idempotencyKey, String naturalKey) {
    Submission s = new Submission();
    s.id = UUID.randomUUID();
    s.idempotencyKey = idempotencyKey;
    s.naturalKey = naturalKey;
    s.kind = "trademark.recorded";
    s.submitter = submitter;
    s.entry = ("{\"signed\":\"" + naturalKey + "\"}").getBytes(StandardCharsets.UTF_8);
    s.status = SubmissionStatus.PENDING;
    s.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
    s.result = "{\"accepted\":true}";
    return s;
  }
}
