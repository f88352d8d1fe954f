package org.markproof.service.custody;

/**
 * A sealed seed did not open: the master key is not the one it was sealed under, or the stored row
 * was altered. The message names the participant, key id and master key ids, never key material.
 */
public class SealedSeedException extends Exception {
  private static final long serialVersionUID = 1L;

  public SealedSeedException(String message) {
    super(message);
  }
}
