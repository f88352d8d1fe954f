package org.markproof.service.log.api;

import java.util.Base64;
import org.markproof.contracts.merkle.MerkleHashes;

/**
 * Strict readers of the log API's query and path parameters: decimal numbers without sign, spaces
 * or leading zeros, and base64 SHA-256 hashes. Each failure names the parameter.
 */
final class QueryParameters {
  private static final int MAX_DIGITS = 19;

  private QueryParameters() {}

  /**
   * Returns {@code value} as a number {@code >= min}, or {@code null} if it is absent.
   *
   * @throws LogApiException if it is not a canonical decimal number of at least {@code min}
   */
  static Long optionalNumber(String name, String value, long min) {
    if (value == null) {
      return null;
    }
    boolean canonical =
        !value.isEmpty()
            && value.length() <= MAX_DIGITS
            && value.chars().allMatch(c -> c >= '0' && c <= '9')
            && (value.length() == 1 || value.charAt(0) != '0');
    if (!canonical) {
      throw LogApiException.badParameter(
          name,
          name + " must be a decimal number without sign or leading zeros, got " + echo(value));
    }
    long number;
    try {
      number = Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw LogApiException.badParameter(name, name + " " + value + " is too large");
    }
    if (number < min) {
      throw LogApiException.badParameter(
          name, name + " must be at least " + min + ", got " + value);
    }
    return number;
  }

  /**
   * Returns {@code value} as a number {@code >= min}.
   *
   * @throws LogApiException if it is absent or not a canonical decimal number of at least {@code
   *     min}
   */
  static long requiredNumber(String name, String value, long min) {
    Long number = optionalNumber(name, value, min);
    if (number == null) {
      throw LogApiException.badParameter(name, name + " is required");
    }
    return number;
  }

  /**
   * Returns the 32-byte hash {@code value} encodes in base64 (standard or URL alphabet, padded or
   * not), or {@code null} if it is absent.
   *
   * @throws LogApiException if it is not base64 of exactly 32 bytes
   */
  static byte[] optionalHash(String name, String value) {
    if (value == null) {
      return null;
    }
    byte[] hash;
    try {
      hash =
          value.indexOf('-') >= 0 || value.indexOf('_') >= 0
              ? Base64.getUrlDecoder().decode(value)
              : Base64.getDecoder().decode(value);
    } catch (IllegalArgumentException e) {
      throw LogApiException.badParameter(
          name, name + " is not base64 (a '+' must be sent as %2B): " + echo(value));
    }
    if (hash.length != MerkleHashes.HASH_LENGTH) {
      throw LogApiException.badParameter(
          name, name + " decodes to " + hash.length + " bytes, expected a 32-byte SHA-256 hash");
    }
    return hash;
  }

  private static String echo(String value) {
    return value.length() <= 40 ? "'" + value + "'" : "'" + value.substring(0, 40) + "…'";
  }
}
