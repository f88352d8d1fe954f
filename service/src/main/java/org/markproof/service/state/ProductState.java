package org.markproof.service.state;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A registered product (table {@code product_state}). */
@Entity
@Table(name = "product_state")
public class ProductState extends PanacheEntityBase {
  @Id public String gtin;

  @Column(nullable = false)
  public String registrant;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(nullable = false)
  public String document;

  @Column(name = "updated_index", nullable = false)
  public long updatedIndex;
}
