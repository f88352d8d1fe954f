package org.markproof.service.submission;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A submitted signed entry, from acceptance until the sequencer has put it in the log (or refused
 * it): the {@code submission} table of V1__log.sql. Never sent on the wire; resources answer with
 * DTO records.
 */
@Entity
@Table(name = "submission")
public class Submission {
  @Id public UUID id;

  /** The client's Idempotency-Key header, unique per submitter. */
  @Column(name = "idempotency_key")
  public String idempotencyKey;

  /** What makes the statement unique in the world (office + registration number …), if any. */
  @Column(name = "natural_key")
  public String naturalKey;

  @Column(nullable = false)
  public String kind;

  @Column(nullable = false)
  public String submitter;

  /** {@code SignedEntry.encoded()}: what the sequencer stamps and appends. */
  @Column(nullable = false)
  public byte[] entry;

  @Column(name = "leaf_hash")
  public byte[] leafHash;

  @Convert(converter = SubmissionStatus.Column.class)
  @Column(nullable = false)
  public SubmissionStatus status;

  @Column(name = "log_index")
  public Long logIndex;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  /** The answer given for this submission, replayed to retries (JSON). */
  @JdbcTypeCode(SqlTypes.JSON)
  public String result;
}
