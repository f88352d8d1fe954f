package org.markproof.service.state;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A license with its scope, term and any termination (table {@code license_state}). */
@Entity
@Table(name = "license_state")
public class LicenseState extends PanacheEntityBase {
  @Id public String id;

  @Column(nullable = false)
  public String licensor;

  @Column(nullable = false)
  public String licensee;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(nullable = false)
  public String document;

  @Column(name = "updated_index", nullable = false)
  public long updatedIndex;
}
