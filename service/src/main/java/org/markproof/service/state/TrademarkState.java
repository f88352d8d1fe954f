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

/** A trademark with its holder, status and chain of ownership (table {@code trademark_state}). */
@Entity
@Table(name = "trademark_state")
@IdClass(TrademarkState.Key.class)
public class TrademarkState extends PanacheEntityBase {
  @Id public String office;
  @Id public String number;

  @Column(nullable = false)
  public String holder;

  @Column(nullable = false)
  public String status;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(nullable = false)
  public String document;

  @Column(name = "updated_index", nullable = false)
  public long updatedIndex;

  /** The primary key: ST.3 office code and registration number. */
  public static class Key implements Serializable {
    private static final long serialVersionUID = 1L;
    public String office;
    public String number;

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k
          && Objects.equals(office, k.office)
          && Objects.equals(number, k.number);
    }

    @Override
    public int hashCode() {
      return Objects.hash(office, number);
    }
  }
}
