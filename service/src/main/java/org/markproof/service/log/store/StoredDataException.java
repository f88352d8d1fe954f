package org.markproof.service.log.store;

/**
 * Stored log data contradicts itself: a frontier that does not hash to the stored root, a hash of
 * the wrong length, a missing node. The log must not append or sign over such data; an operator
 * audits it.
 */
public final class StoredDataException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StoredDataException(String message) {
    super(message);
  }
}
