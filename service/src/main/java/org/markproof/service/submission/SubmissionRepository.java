package org.markproof.service.submission;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** Finds submissions the ways a retry identifies itself. */
@ApplicationScoped
@WithSession
public class SubmissionRepository implements PanacheRepositoryBase<Submission, UUID> {

  /** The submission {@code submitter} sent with {@code idempotencyKey}, or null. */
  public Uni<Submission> findByIdempotencyKey(String submitter, String idempotencyKey) {
    return find("submitter = ?1 and idempotencyKey = ?2", submitter, idempotencyKey).firstResult();
  }

  /** The submission of the statement with {@code naturalKey}, whoever sent it, or null. */
  public Uni<Submission> findByNaturalKey(String naturalKey) {
    return find("naturalKey", naturalKey).firstResult();
  }
}
