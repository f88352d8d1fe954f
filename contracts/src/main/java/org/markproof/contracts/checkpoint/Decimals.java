package org.markproof.contracts.checkpoint;

import org.markproof.contracts.MalformedDataException;

/** The ASCII decimals of C2SP text formats: digits only, no sign, no leading zero but in "0". */
final class Decimals {
  private Decimals() {}

  /**
   * Parses {@code digits} as a non-negative {@code long}.
   *
   * @throws MalformedDataException naming {@code what} if it is not such a decimal or exceeds
   *     {@link Long#MAX_VALUE}
   */
  static long parse(String digits, String what) throws MalformedDataException {
    boolean leadingZero = digits.length() > 1 && digits.charAt(0) == '0';
    if (digits.isEmpty() || leadingZero || digits.length() > 19) {
      throw new MalformedDataException(
          what + " \"" + digits + "\": expected a decimal without leading zeros");
    }
    long value = 0;
    for (int i = 0; i < digits.length(); i++) {
      char c = digits.charAt(i);
      if (c < '0' || c > '9') {
        throw new MalformedDataException(what + " \"" + digits + "\": not a decimal");
      }
      value = value * 10 + (c - '0');
      if (value < 0) {
        // At most 19 digits: any overflow past Long.MAX_VALUE wraps to a negative value.
        throw new MalformedDataException(
            what + " \"" + digits + "\": larger than " + Long.MAX_VALUE);
      }
    }
    return value;
  }
}
