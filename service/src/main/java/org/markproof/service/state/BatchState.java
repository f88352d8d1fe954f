package org.markproof.service.state;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An issued batch, its label key and revocations (table {@code batch_state}). */
@Entity
@Table(name = "batch_state")
@IdClass(BatchState.Key.class)
public class BatchState extends PanacheEntityBase {
  @Id public String gtin;
  @Id public String batch;

  @Column(nullable = false)
  public String issuer;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(nullable = false)
  public String document;

  @Column(name = "updated_index", nullable = false)
  public long updatedIndex;

  /** The primary key: GTIN-14 and batch/lot. */
  public static class Key implements Serializable {
    private static final long serialVersionUID = 1L;
    public String gtin;
    public String batch;

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && Objects.equals(gtin, k.gtin) && Objects.equals(batch, k.batch);
    }

    @Override
    public int hashCode() {
      return Objects.hash(gtin, batch);
    }
  }
}
