package org.markproof.service.custody;

/**
 * The service holds no key for a participant, so it cannot sign for it: the participant holds its
 * own key (and submits signed entries to {@code POST /v1/entries}) or is not enrolled.
 */
public class CustodialKeyMissingException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String participant;

  public CustodialKeyMissingException(String participant) {
    super("the service holds no signing key for participant " + participant);
    this.participant = participant;
  }

  public String participant() {
    return participant;
  }
}
