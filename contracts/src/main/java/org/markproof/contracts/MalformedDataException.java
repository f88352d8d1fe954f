package org.markproof.contracts;

/**
 * Input did not have the required shape: bad syntax, a missing or unknown field, a value out of its
 * bounds. The message names what was wrong (the field, the line, the expected and actual size).
 *
 * <p>Distinct from {@link VerificationException}: malformed data was never trusted, whereas a
 * verification failure is evidence that somebody signed or served something false.
 */
public class MalformedDataException extends Exception {
  private static final long serialVersionUID = 1L;

  public MalformedDataException(String message) {
    super(message);
  }

  public MalformedDataException(String message, Throwable cause) {
    super(message, cause);
  }
}
