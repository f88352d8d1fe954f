package org.markproof.service.auth;

import java.util.Set;

/**
 * The JWT {@code groups} the service recognises (DESIGN.md "Actors"). A token may carry others;
 * they grant nothing.
 */
public final class Groups {
  /** An IP office, by WIPO ST.3 code: records its office's trademarks. */
  public static final String REGISTRAR = "registrar";

  /** A trademark holder or licensee: registers products, issues batches and labels. */
  public static final String BRAND_OWNER = "brand-owner";

  /** An officer at a border post: scans and records seizures. */
  public static final String CUSTOMS = "customs";

  /** Runs the service: enrols participants and their keys. */
  public static final String OPERATOR = "operator";

  public static final Set<String> ALL = Set.of(REGISTRAR, BRAND_OWNER, CUSTOMS, OPERATOR);

  private Groups() {}
}
