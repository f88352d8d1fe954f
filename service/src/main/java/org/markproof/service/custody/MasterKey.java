package org.markproof.service.custody;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import org.markproof.contracts.crypto.Sha256;

/**
 * A custody master key: 32 random bytes, the AES-256 key (FIPS 197, NIST SP 800-38D GCM) under
 * which the service seals the Ed25519 seeds it holds for participants.
 *
 * <p>Its {@link #id()} names it in every sealed row, so that after a rotation the service finds the
 * key a row was sealed under: the first 8 bytes, in hex, of {@code SHA-256("markproof/custody/
 * master-key-id/v1" ‖ 0x00 ‖ key)}. The domain string keeps the id from being any other hash of the
 * key; 64 bits tell apart the few keys one deployment ever has, and reveal nothing usable about the
 * key. {@link #toString()} never prints the key.
 */
public final class MasterKey {
  /** AES-256: 32 bytes. */
  public static final int LENGTH = 32;

  private static final byte[] ID_DOMAIN =
      "markproof/custody/master-key-id/v1\0".getBytes(StandardCharsets.US_ASCII);

  private final byte[] key;
  private final String id;

  private MasterKey(byte[] key) {
    this.key = key;
    this.id = HexFormat.of().formatHex(Arrays.copyOf(Sha256.hash(ID_DOMAIN, key), 8));
  }

  /**
   * Wraps 32 key bytes (copied).
   *
   * @throws IllegalArgumentException if {@code key} is not 32 bytes
   */
  public static MasterKey of(byte[] key) {
    if (key == null || key.length != LENGTH) {
      throw new IllegalArgumentException(
          "custody master key: got "
              + (key == null ? "nothing" : key.length + " bytes")
              + ", expected "
              + LENGTH);
    }
    return new MasterKey(key.clone());
  }

  /** The key's public name: 16 lowercase hex digits. */
  public String id() {
    return id;
  }

  /** The raw key, for the cipher only. */
  byte[] keyBytes() {
    return key.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MasterKey other && Arrays.equals(key, other.key);
  }

  @Override
  public int hashCode() {
    return id.hashCode();
  }

  @Override
  public String toString() {
    return "MasterKey[" + id + "]";
  }
}
