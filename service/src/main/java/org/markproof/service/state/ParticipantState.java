package org.markproof.service.state;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A participant as the ledger knows it (table {@code participant_state}, V5__state.sql). */
@Entity
@Table(name = "participant_state")
public class ParticipantState extends PanacheEntityBase {
  @Id public String id;

  @Column(nullable = false)
  public String role;

  @Column(nullable = false)
  public boolean active;

  /** The query API's JSON document. */
  @JdbcTypeCode(SqlTypes.JSON)
  @Column(nullable = false)
  public String document;

  @Column(name = "updated_index", nullable = false)
  public long updatedIndex;
}
