package org.markproof.service.custody;

/**
 * Custodial signing cannot work on this service: no master key is configured, or a stored key is
 * sealed under a master key the service does not have. The message says what to configure; it never
 * holds key material.
 */
public class CustodyUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public CustodyUnavailableException(String message) {
    super(message);
  }
}
