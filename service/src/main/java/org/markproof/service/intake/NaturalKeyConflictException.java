package org.markproof.service.intake;

/**
 * Another submitter's submission, accepted a moment ago and not yet sequenced, already makes a
 * statement with this natural key (the same mark, GTIN, batch or participant). Nothing is stored;
 * answer 409 {@code conflict}: the statement can be made once, and a retry after the first is
 * sequenced gets the rules' own violation (422).
 */
public final class NaturalKeyConflictException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public NaturalKeyConflictException(String naturalKey) {
    super(
        "a pending submission by another participant already makes the statement "
            + naturalKey
            + "; it can be made once");
  }
}
