package org.markproof.contracts.barcode;

import org.markproof.contracts.MalformedDataException;

/** The image was readable but no barcode could be decoded from it within the time budget. */
public class NoCodeFoundException extends MalformedDataException {
  private static final long serialVersionUID = 1L;

  public NoCodeFoundException(String message) {
    super(message);
  }
}
