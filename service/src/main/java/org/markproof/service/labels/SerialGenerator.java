package org.markproof.service.labels;

import java.security.SecureRandom;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Draws random label serials (GS1 AI 21) that nobody can guess from the ones they have seen: 16
 * characters of the RFC 4648 §6 base32 alphabet ({@code A–Z}, {@code 2–7}), 80 bits of entropy from
 * the caller's {@link SecureRandom}. Every character is in GS1 CSET 82 and 16 is within AI 21's 20
 * (GS1 General Specifications §3.5.9); upper case and no {@code 0/1/8/9} keep a serial readable off
 * a printed label.
 */
public final class SerialGenerator {
  /** The RFC 4648 §6 base32 alphabet: 32 symbols, 5 bits each. */
  public static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

  /** Characters per serial. */
  public static final int LENGTH = 16;

  /** Bits of entropy per serial: {@value #LENGTH} × 5. */
  public static final int ENTROPY_BITS = LENGTH * 5;

  private final SecureRandom random;

  public SerialGenerator(SecureRandom random) {
    this.random = random;
  }

  /** One fresh serial. */
  public String next() {
    byte[] bytes = new byte[ENTROPY_BITS / 8];
    random.nextBytes(bytes);
    StringBuilder serial = new StringBuilder(LENGTH);
    int buffer = 0;
    int bits = 0;
    for (byte b : bytes) {
      buffer = (buffer << 8) | (b & 0xFF);
      bits += 8;
      while (bits >= 5) {
        bits -= 5;
        serial.append(ALPHABET.charAt((buffer >>> bits) & 0x1F));
      }
    }
    return serial.toString();
  }

  /**
   * {@code count} distinct fresh serials. A repeat among 80-bit draws is as good as impossible; it
   * is skipped all the same, so that a request never gets two labels for one serial.
   */
  public List<String> next(int count) {
    Set<String> serials = new LinkedHashSet<>();
    while (serials.size() < count) {
      serials.add(next());
    }
    return List.copyOf(serials);
  }
}
